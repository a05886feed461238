import * as z from 'zod';
import { ChannelSchema, InstantSchema, MoneySchema, recordMeta } from './common.ts';

/** A planned marketing effort, measured by its responses, purchases and revenue. */
export const CampaignSchema = z.object({
  ...recordMeta,
  name: z.string().min(1),
  channel: ChannelSchema,
  status: z.enum(['planned', 'active', 'completed', 'cancelled']),
  startsAt: InstantSchema.optional(),
  endsAt: InstantSchema.optional(),
  budget: MoneySchema.optional(),
  goal: z.string().optional(),
  /** Who it targets, in words or as a segment name. */
  audience: z.string().optional(),
});
export type Campaign = z.infer<typeof CampaignSchema>;
