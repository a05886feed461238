import * as z from 'zod';
import { ChannelSchema, ExternalIdsSchema, IdSchema, InstantSchema, recordMeta, SourceSchema } from './common.ts';

export const CaseTypeSchema = z.enum(['question', 'problem', 'complaint', 'feedback', 'request']);
export const CasePrioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);
export const CaseStatusSchema = z.enum(['new', 'open', 'pending', 'resolved', 'closed']);

/** A service request or complaint, with the times that service metrics are computed from. */
export const CaseSchema = z
  .object({
    ...recordMeta,
    contactId: IdSchema.optional(),
    accountId: IdSchema.optional(),
    subject: z.string().min(1),
    description: z.string().optional(),
    type: CaseTypeSchema,
    priority: CasePrioritySchema,
    status: CaseStatusSchema,
    channel: ChannelSchema.optional(),
    openedAt: InstantSchema,
    firstResponseAt: InstantSchema.optional(),
    resolvedAt: InstantSchema.optional(),
    agentId: z.string().optional(),
    /** The customer's rating of how the case went, 1 (bad) to 5 (good). */
    satisfaction: z.number().int().min(1).max(5).optional(),
    pageUrl: z.string().optional(),
    searchTerms: z.array(z.string()).optional(),
    source: SourceSchema.optional(),
    externalIds: ExternalIdsSchema,
  })
  .superRefine((c, ctx) => {
    const opened = Date.parse(c.openedAt);
    for (const key of ['firstResponseAt', 'resolvedAt'] as const) {
      const at = c[key];
      if (at !== undefined && Date.parse(at) < opened)
        ctx.addIssue({ code: 'custom', path: [key], message: `${key} is before openedAt` });
    }
  });
export type Case = z.infer<typeof CaseSchema>;
