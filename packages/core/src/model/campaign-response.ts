import * as z from 'zod';
import { IdSchema, InstantSchema, MoneySchema, recordMeta } from './common.ts';

export const CampaignResponseKindSchema = z.enum([
  'sent',
  'opened',
  'clicked',
  'responded',
  'converted',
  'unsubscribed',
  'bounced',
]);

/** How one contact responded to one campaign. */
export const CampaignResponseSchema = z.object({
  ...recordMeta,
  campaignId: IdSchema,
  contactId: IdSchema,
  respondedAt: InstantSchema,
  response: CampaignResponseKindSchema,
  /** The purchase the campaign led to, for revenue per campaign. */
  orderId: IdSchema.optional(),
  revenue: MoneySchema.optional(),
});
export type CampaignResponse = z.infer<typeof CampaignResponseSchema>;
