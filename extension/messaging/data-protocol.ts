import { IdSchema, OpportunityStageSchema } from '@cordial/core';
import * as z from 'zod';

/**
 * Requests from the extension's own pages (the sidebar frame, the side panel, the popup)
 * to the background, which owns the customer database. The frame cannot open IndexedDB
 * itself: embedded in a webmail page it is a third-party frame, and browsers that block
 * third-party storage deny it. Form input travels as strings and is validated by the
 * action's own schema in the background (data/actions.ts).
 */
const FormInputSchema = z.record(z.string().max(100), z.string().max(20_000));
const Email = z.string().trim().toLowerCase().pipe(z.email());

export const DataRequestSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('view'), email: Email, name: z.string().max(200).optional() }),
  z.object({ op: z.literal('contact:view'), contactId: IdSchema, email: Email }),
  z.object({ op: z.literal('contact:create'), input: FormInputSchema }),
  z.object({ op: z.literal('contact:edit'), contactId: IdSchema, input: FormInputSchema }),
  z.object({ op: z.literal('note:add'), contactId: IdSchema, input: FormInputSchema }),
  z.object({ op: z.literal('task:add'), contactId: IdSchema, input: FormInputSchema }),
  z.object({ op: z.literal('task:complete'), taskId: IdSchema }),
  z.object({
    op: z.literal('thread:log'),
    contactId: IdSchema,
    thread: z.object({ key: z.string().min(1).max(300), subject: z.string().max(1000) }),
    input: FormInputSchema,
  }),
  z.object({ op: z.literal('call:log'), contactId: IdSchema, input: FormInputSchema }),
  z.object({ op: z.literal('opportunity:create'), contactId: IdSchema, input: FormInputSchema }),
  z.object({ op: z.literal('opportunity:move'), opportunityId: IdSchema, stage: OpportunityStageSchema }),
  z.object({ op: z.literal('case:open'), contactId: IdSchema, input: FormInputSchema }),
  z.object({ op: z.literal('contacts:merge'), survivorId: IdSchema, duplicateIds: z.array(IdSchema).min(1).max(50) }),
  /** Puts back what a stored merge changed (core keeps the merge records in the repository). */
  z.object({ op: z.literal('contacts:undo-merge'), mergeId: z.string().min(1).max(300) }),
  z.object({ op: z.literal('contacts:search'), query: z.string().max(200) }),
  z.object({ op: z.literal('contacts:recent') }),
]);
export type DataRequest = z.infer<typeof DataRequestSchema>;

/** The envelope on the wire: `{ type: 'data', request }`, so it never mixes with content-script messages. */
export const DataMessageSchema = z.object({ type: z.literal('data'), request: DataRequestSchema });

export type DataResponse<T = unknown> = { ok: true; value: T } | { ok: false; message: string };
