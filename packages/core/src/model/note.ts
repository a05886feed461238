import * as z from 'zod';
import { IdSchema, recordMeta } from './common.ts';

/** Free text a rep wrote about a contact, account, deal or case (always rendered as text). */
export const NoteSchema = z.object({
  ...recordMeta,
  contactId: IdSchema.optional(),
  accountId: IdSchema.optional(),
  opportunityId: IdSchema.optional(),
  caseId: IdSchema.optional(),
  body: z.string().min(1),
  authorId: z.string().optional(),
  pinned: z.boolean(),
});
export type Note = z.infer<typeof NoteSchema>;
