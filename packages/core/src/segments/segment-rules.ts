import * as z from 'zod';

const ScoreRange = z
  .tuple([z.number().int().min(1), z.number().int().min(1)])
  .refine(([lo, hi]) => lo <= hi, { message: 'a score range must be [low, high] with low ≤ high' });

/** One row of the segment table: inclusive score ranges for R, F and M. */
export const SegmentRuleSchema = z.object({
  name: z.string().trim().min(1).max(80),
  recency: ScoreRange,
  frequency: ScoreRange,
  monetary: ScoreRange,
});
export type SegmentRule = z.infer<typeof SegmentRuleSchema>;

/**
 * An ordered rule table: the first matching rule names the segment. Users edit it, so it
 * is validated at the boundary; names must be unique or counts per segment would merge.
 */
export const SegmentRulesSchema = z
  .array(SegmentRuleSchema)
  .max(250)
  .refine((rules) => new Set(rules.map((r) => r.name)).size === rules.length, {
    message: 'segment names must be unique',
  })
  .refine((rules) => rules.every((r) => r.name !== OTHERS_SEGMENT), {
    message: '"Others" is reserved for customers no rule matches',
  });
export type SegmentRules = z.infer<typeof SegmentRulesSchema>;

/** The segment of a customer that no rule matches. */
export const OTHERS_SEGMENT = 'Others';

/** The table of the R package rfm's documentation (see ../shared/data/README.md), in its order. */
export const DEFAULT_SEGMENT_RULES: SegmentRules = [
  { name: 'Champions', recency: [5, 5], frequency: [5, 5], monetary: [5, 5] },
  { name: 'Potential Loyalist', recency: [3, 5], frequency: [3, 5], monetary: [2, 5] },
  { name: 'Loyal Customers', recency: [2, 4], frequency: [2, 4], monetary: [2, 4] },
  { name: 'Promising', recency: [3, 4], frequency: [1, 3], monetary: [3, 5] },
  { name: 'New Customers', recency: [4, 5], frequency: [1, 3], monetary: [1, 5] },
  { name: "Can't Lose Them", recency: [1, 2], frequency: [3, 4], monetary: [4, 5] },
  { name: 'At Risk', recency: [1, 2], frequency: [2, 5], monetary: [4, 5] },
  { name: 'Need Attention', recency: [1, 3], frequency: [3, 5], monetary: [3, 5] },
  { name: 'About To Sleep', recency: [2, 3], frequency: [1, 3], monetary: [1, 4] },
  { name: 'Lost', recency: [1, 1], frequency: [1, 5], monetary: [1, 5] },
];
