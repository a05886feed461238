import * as z from 'zod';
import { IdSchema, InstantSchema, MoneySchema, recordMeta } from './common.ts';

/** Something shown to a visitor or customer: a discount, a cross-sell or up-sell, content. */
export const OfferSchema = z.object({
  ...recordMeta,
  name: z.string().min(1),
  kind: z.enum(['discount', 'cross-sell', 'up-sell', 'free-shipping', 'content']),
  headline: z.string().min(1),
  body: z.string().optional(),
  productIds: z.array(IdSchema),
  discountPercent: z.number().gt(0).max(100).optional(),
  discountAmount: MoneySchema.optional(),
  code: z.string().optional(),
  startsAt: InstantSchema.optional(),
  endsAt: InstantSchema.optional(),
  active: z.boolean(),
  campaignId: IdSchema.optional(),
});
export type Offer = z.infer<typeof OfferSchema>;
