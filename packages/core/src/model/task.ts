import * as z from 'zod';
import { IdSchema, InstantSchema, recordMeta, SourceSchema } from './common.ts';

/** A follow-up someone on the team has to do: call back, send a proposal, answer a complaint. */
export const TaskSchema = z.object({
  ...recordMeta,
  contactId: IdSchema.optional(),
  accountId: IdSchema.optional(),
  opportunityId: IdSchema.optional(),
  caseId: IdSchema.optional(),
  kind: z.enum(['call', 'callback', 'email', 'meeting', 'follow-up', 'other']),
  title: z.string().min(1),
  notes: z.string().optional(),
  dueAt: InstantSchema.optional(),
  /** For callbacks: when the customer asked to be called. */
  window: z.object({ start: InstantSchema, end: InstantSchema }).optional(),
  done: z.boolean(),
  doneAt: InstantSchema.optional(),
  ownerId: z.string().optional(),
  source: SourceSchema.optional(),
});
export type Task = z.infer<typeof TaskSchema>;
