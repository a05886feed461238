import * as z from 'zod';
import { describeDuration } from './describe-duration.ts';

export const ChurnRiskTierSchema = z.enum(['low', 'medium', 'high']);
export type ChurnRiskTier = z.infer<typeof ChurnRiskTierSchema>;

export const ChurnRiskInputSchema = z.object({
  /** Repeat purchases (the first purchase not counted), as in the BG/NBD summary. */
  x: z.number().int().nonnegative(),
  /** Days from the first to the last purchase. */
  daysFirstToLast: z.number().nonnegative(),
  /** Days from the first purchase to now. */
  daysSinceFirst: z.number().nonnegative(),
  /** P(alive) from a fitted model; omitted when no model could be fitted. */
  pAlive: z.number().min(0).max(1).optional(),
});
export type ChurnRiskInput = z.infer<typeof ChurnRiskInputSchema>;

export const ChurnRiskOptionsSchema = z.object({
  /** Typical days between purchases across customers: the yardstick for one-time buyers. */
  typicalGapDays: z.number().positive().optional(),
  /** P(alive) below which risk is high / at least medium. */
  highBelow: z.number().min(0).max(1).default(0.3),
  mediumBelow: z.number().min(0).max(1).default(0.7),
  /** Silence, in multiples of the customer's own gap, from which risk is high / at least medium. */
  highOverdue: z.number().positive().default(3),
  mediumOverdue: z.number().positive().default(1.5),
});
export type ChurnRiskOptions = z.input<typeof ChurnRiskOptionsSchema>;

export interface ChurnRisk {
  readonly tier: ChurnRiskTier;
  /** Why, in words a rep can repeat: "usually buys every 3 weeks; last purchase 19 weeks ago". */
  readonly reason: string;
  /** Silence divided by the customer's usual gap (undefined for one-time buyers without a yardstick). */
  readonly overdue: number | undefined;
}

/**
 * Churn risk from two signals that fail differently: P(alive) is calibrated on the whole
 * cohort, while the customer's own rhythm notices a weekly buyer who went quiet for a
 * month. The worse of the two sets the tier, and the reason names what was seen.
 */
export function assessChurnRisk(input: ChurnRiskInput, options: ChurnRiskOptions = {}): ChurnRisk {
  const { x, daysFirstToLast, daysSinceFirst, pAlive } = ChurnRiskInputSchema.parse(input);
  const o = ChurnRiskOptionsSchema.parse(options);
  const silence = daysSinceFirst - daysFirstToLast;
  const gap = x > 0 ? daysFirstToLast / x : o.typicalGapDays;
  const overdue = gap !== undefined && gap > 0 ? silence / gap : undefined;
  const rhythm =
    x > 0
      ? `usually buys every ${describeDuration(gap as number)}; last purchase ${describeDuration(silence)} ago`
      : `bought once, ${describeDuration(silence)} ago${gap === undefined ? '' : `; customers usually come back within ${describeDuration(gap)}`}`;
  const alive = pAlive === undefined ? '' : `; ${Math.round(pAlive * 100)}% likely still active`;
  const rank = (t: ChurnRiskTier) => ChurnRiskTierSchema.options.indexOf(t);
  const byAlive: ChurnRiskTier =
    pAlive === undefined ? 'low' : pAlive < o.highBelow ? 'high' : pAlive < o.mediumBelow ? 'medium' : 'low';
  const byRhythm: ChurnRiskTier =
    overdue === undefined ? 'low' : overdue >= o.highOverdue ? 'high' : overdue >= o.mediumOverdue ? 'medium' : 'low';
  const tier = rank(byAlive) >= rank(byRhythm) ? byAlive : byRhythm;
  return { tier, reason: `${rhythm}${alive}`, overdue };
}
