import * as z from 'zod';
import { InstantSchema } from './common.ts';
import { ContactSchema } from './contact.ts';
import { CONTACT_LINKED_STORES, type ContactLinkedStore } from './stores.ts';

const LinkedStoreSchema = z.enum(CONTACT_LINKED_STORES as [ContactLinkedStore, ...ContactLinkedStore[]]);

/**
 * What a merge of duplicate contacts changed, with enough to put it back. Plain JSON: the repository
 * stores it with the merge (so undo survives a reload), and it can be shown or sent as it is.
 */
export const MergeRecordSchema = z.object({
  id: z.string().min(1),
  mergedAt: InstantSchema,
  survivorId: z.string().min(1),
  mergedIds: z.array(z.string().min(1)).min(1),
  /** Why: the explanations of the matching signals, when the merge came from identity resolution. */
  reasons: z.array(z.string()),
  before: z.object({
    survivor: ContactSchema,
    duplicates: z.array(ContactSchema),
    /** Records re-pointed to the survivor, as they were. */
    moved: z.array(
      z.object({ store: LinkedStoreSchema, record: z.looseObject({ id: z.string(), version: z.number() }) }),
    ),
  }),
  /** Versions the merge wrote: undo checks nothing changed since. */
  after: z.object({ survivorVersion: z.number().int() }),
});
export type MergeRecord = z.infer<typeof MergeRecordSchema>;

/** The contacts a merge record is about: the survivor and every merged id. */
export const mergeContactIds = (merge: MergeRecord): string[] => [merge.survivorId, ...merge.mergedIds];
