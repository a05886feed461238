import * as z from 'zod';
import { ChannelSchema, ExternalIdsSchema, IdSchema, InstantSchema, recordMeta, SourceSchema } from './common.ts';

export const TouchpointPurposeSchema = z.enum([
  'sales',
  'service',
  'marketing',
  'complaint',
  'feedback',
  'billing',
  'onboarding',
  'browsing',
  'other',
]);

/** What the interaction still needs: contact management tracks the follow-up of every contact made. */
export const FollowUpSchema = z.object({
  needed: z.boolean(),
  dueAt: InstantSchema.optional(),
  note: z.string().optional(),
  /** The Task that carries the follow-up, once one exists. */
  taskId: IdSchema.optional(),
});

/** JSON-safe properties of a web or self-service event (page URL, product id, search query…). */
export const EventPropertiesSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number()]))]),
);

/** One interaction between a contact and the organisation, on any channel. */
export const TouchpointSchema = z.object({
  ...recordMeta,
  contactId: IdSchema,
  accountId: IdSchema.optional(),
  channel: ChannelSchema,
  direction: z.enum(['inbound', 'outbound']),
  occurredAt: InstantSchema,
  durationSeconds: z.number().nonnegative().optional(),
  purpose: TouchpointPurposeSchema,
  subject: z.string().optional(),
  summary: z.string().optional(),
  outcome: z.string().optional(),
  followUp: FollowUpSchema.optional(),
  ownerId: z.string().optional(),
  /** The Segment event name for web and self-service touchpoints (`Product Viewed`). */
  event: z.string().optional(),
  properties: EventPropertiesSchema.optional(),
  campaignId: IdSchema.optional(),
  caseId: IdSchema.optional(),
  opportunityId: IdSchema.optional(),
  source: SourceSchema.optional(),
  externalIds: ExternalIdsSchema,
});
export type Touchpoint = z.infer<typeof TouchpointSchema>;
