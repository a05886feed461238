import * as z from 'zod';
import {
  DateSchema,
  ExternalIdsSchema,
  IdSchema,
  InstantSchema,
  MoneySchema,
  recordMeta,
  SourceSchema,
} from './common.ts';

export const OpportunityStageSchema = z.enum(['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost']);
export type OpportunityStage = z.infer<typeof OpportunityStageSchema>;

/** A possible sale moving through the pipeline. */
export const OpportunitySchema = z.object({
  ...recordMeta,
  contactId: IdSchema.optional(),
  accountId: IdSchema.optional(),
  name: z.string().min(1),
  stage: OpportunityStageSchema,
  amount: MoneySchema,
  /** Chance of winning, 0 to 1. */
  probability: z.number().min(0).max(1),
  expectedClose: DateSchema.optional(),
  closedAt: InstantSchema.optional(),
  lostReason: z.string().optional(),
  ownerId: z.string().optional(),
  nextStep: z.string().optional(),
  campaignId: IdSchema.optional(),
  source: SourceSchema.optional(),
  externalIds: ExternalIdsSchema,
});
export type Opportunity = z.infer<typeof OpportunitySchema>;
