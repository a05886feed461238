import * as z from 'zod';
import { IdSchema, InstantSchema, recordMeta } from './common.ts';

/** One showing of an offer and what the person did with it. Visitors may still be anonymous. */
export const OfferImpressionSchema = z.object({
  ...recordMeta,
  offerId: IdSchema,
  contactId: IdSchema.optional(),
  anonymousId: z.string().optional(),
  shownAt: InstantSchema,
  outcome: z.enum(['shown', 'clicked', 'dismissed', 'accepted']),
  creative: z.string().optional(),
  position: z.string().optional(),
  pageUrl: z.string().optional(),
});
export type OfferImpression = z.infer<typeof OfferImpressionSchema>;
