import * as z from 'zod';
import type { LifecycleStage } from '../model/contact.ts';

/**
 * Prospect → new customer → repeat customer (split by value) — and any of them may churn.
 * Finer than the stage a Contact stores (`LifecycleStage`), which `toStoredLifecycleStage` maps to.
 */
export const CustomerStageSchema = z.enum([
  'prospect',
  'new',
  'repeat',
  'high-value-repeat',
  'low-value-repeat',
  'churned',
]);
export type CustomerStage = z.infer<typeof CustomerStageSchema>;

export const LifecycleInputSchema = z.object({
  orders: z.number().int().nonnegative(),
  /** Days since the last order; required when there are orders. */
  daysSinceLastOrder: z.number().nonnegative().optional(),
  /** P(alive) from a fitted model, when there is one. */
  pAlive: z.number().min(0).max(1).optional(),
  /** The value that splits repeat customers: CLV when a model is fitted, else monetary value. */
  value: z.number().optional(),
});
export type LifecycleInput = z.infer<typeof LifecycleInputSchema>;

export const LifecycleOptionsSchema = z.object({
  /** Below this P(alive) a customer counts as churned. */
  churnedBelow: z.number().min(0).max(1).default(0.2),
  /** Without a model: days of silence after which a customer counts as churned. */
  churnedAfterDays: z.number().positive().default(365),
  /** Repeat customers with value at or above this are high-value; omitted, repeat customers are not split. */
  highValueFrom: z.number().optional(),
});
export type LifecycleOptions = z.input<typeof LifecycleOptionsSchema>;

export function classifyCustomerStage(input: LifecycleInput, options: LifecycleOptions = {}): CustomerStage {
  const { orders, daysSinceLastOrder, pAlive, value } = LifecycleInputSchema.parse(input);
  const o = LifecycleOptionsSchema.parse(options);
  if (orders === 0) return 'prospect';
  // Both signals count: BG/NBD puts every one-time buyer at P(alive) = 1, so silence must still be able to say churned.
  const churned = (pAlive !== undefined && pAlive < o.churnedBelow) || (daysSinceLastOrder ?? 0) > o.churnedAfterDays;
  if (churned) return 'churned';
  if (orders === 1) return 'new';
  if (o.highValueFrom === undefined || value === undefined) return 'repeat';
  return value >= o.highValueFrom ? 'high-value-repeat' : 'low-value-repeat';
}

/** The computed stage as the Contact record stores it (prospect, customer, repeat, churned). */
export function toStoredLifecycleStage(stage: CustomerStage): LifecycleStage {
  if (stage === 'new') return 'customer';
  if (stage === 'high-value-repeat' || stage === 'low-value-repeat') return 'repeat';
  return stage;
}
