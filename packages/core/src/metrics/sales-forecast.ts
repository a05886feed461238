import * as z from 'zod';
import { CurrencySchema, InstantSchema } from '../model/common.ts';
import type { Opportunity } from '../model/opportunity.ts';
import type { Order } from '../model/order.ts';
import { type FitFailure, fitFailure } from '../models/fit-result.ts';
import { type Amounts, addAmount, isPurchase } from './metrics-window.ts';

export interface WeightedPipeline {
  /** Σ amount × probability of the open opportunities, per currency. */
  readonly weighted: Amounts;
  /** Σ amount of the same opportunities, unweighted. */
  readonly unweighted: Amounts;
  readonly opportunities: number;
  readonly byStage: Record<string, Amounts>;
}

export const PipelineFilterSchema = z.object({
  /** Only opportunities expected to close in [from, to] (YYYY-MM-DD); undated ones are then left out. */
  closeFrom: z.iso.date().optional(),
  closeTo: z.iso.date().optional(),
  ownerId: z.string().min(1).optional(),
});
export type PipelineFilter = z.infer<typeof PipelineFilterSchema>;

/** The weighted pipeline: what the open opportunities are worth at their probability of winning. */
export function weightedPipeline(opportunities: readonly Opportunity[], filter: PipelineFilter = {}): WeightedPipeline {
  const f = PipelineFilterSchema.parse(filter);
  const dated = f.closeFrom !== undefined || f.closeTo !== undefined;
  const weighted: Amounts = {};
  const unweighted: Amounts = {};
  const byStage: Record<string, Amounts> = {};
  let count = 0;
  for (const o of opportunities) {
    if (o.stage === 'won' || o.stage === 'lost') continue;
    if (f.ownerId !== undefined && o.ownerId !== f.ownerId) continue;
    if (dated) {
      // ISO dates compare correctly as strings.
      if (o.expectedClose === undefined) continue;
      if (f.closeFrom !== undefined && o.expectedClose < f.closeFrom) continue;
      if (f.closeTo !== undefined && o.expectedClose > f.closeTo) continue;
    }
    count++;
    addAmount(weighted, o.amount.currency, o.amount.amount * o.probability);
    addAmount(unweighted, o.amount.currency, o.amount.amount);
    byStage[o.stage] ??= {};
    addAmount(byStage[o.stage] as Amounts, o.amount.currency, o.amount.amount * o.probability);
  }
  return { weighted, unweighted, opportunities: count, byStage };
}

export const TrendForecastOptionsSchema = z.object({
  /** Periods up to (not including) the one containing this instant are history. */
  asOf: InstantSchema,
  period: z.enum(['week', 'month']).default('month'),
  /** Periods to forecast. */
  horizon: z.number().int().min(1).max(120).default(3),
  /** Periods of history the trend is fitted on (the most recent ones). */
  lookback: z.number().int().min(3).max(520).default(12),
  /** Orders in other currencies are left out (amounts in different currencies do not add up). */
  currency: CurrencySchema,
});
export type TrendForecastOptions = z.input<typeof TrendForecastOptionsSchema>;

export interface ForecastPoint {
  /** First day of the period (YYYY-MM-DD). */
  readonly periodStart: string;
  readonly revenue: number;
  /** 95 % prediction interval of the linear trend, floored at 0. */
  readonly low: number;
  readonly high: number;
}

export type TrendForecast =
  | {
      readonly ok: true;
      readonly history: { readonly periodStart: string; readonly revenue: number }[];
      readonly slopePerPeriod: number;
      readonly forecast: ForecastPoint[];
    }
  | FitFailure;

const DAY = 86_400_000;

/** Index of the period containing an instant: months since 1970-01, or Monday-based weeks. */
function periodIndex(ms: number, period: 'week' | 'month'): number {
  if (period === 'month') {
    const d = new Date(ms);
    return d.getUTCFullYear() * 12 + d.getUTCMonth();
  }
  // 1970-01-01 was a Thursday: shift by 3 days so weeks start on Monday.
  return Math.floor((Math.floor(ms / DAY) + 3) / 7);
}

function periodStart(index: number, period: 'week' | 'month'): string {
  const ms = period === 'month' ? Date.UTC(Math.floor(index / 12), index % 12, 1) : (index * 7 - 3) * DAY;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * A trend forecast of revenue from order history: least-squares line through the revenue
 * of the last `lookback` complete periods, extended `horizon` periods, with a 95 %
 * prediction interval. Refuses (typed) with fewer than 3 periods of history.
 */
export function forecastRevenueTrend(orders: readonly Order[], options: TrendForecastOptions): TrendForecast {
  const o = TrendForecastOptionsSchema.parse(options);
  const current = periodIndex(Date.parse(o.asOf), o.period);
  let earliest = current;
  const revenue = new Map<number, number>();
  for (const order of orders) {
    if (!isPurchase(order) || order.total.currency !== o.currency) continue;
    const p = periodIndex(Date.parse(order.placedAt), o.period);
    if (p >= current) continue;
    earliest = Math.min(earliest, p);
    revenue.set(p, (revenue.get(p) ?? 0) + order.total.amount);
  }
  const first = Math.max(earliest, current - o.lookback);
  const n = current - first;
  if (n < 3) {
    return fitFailure(
      'too-little-data',
      `A trend needs at least 3 complete ${o.period}s of orders in ${o.currency}; there are ${Math.max(0, n)}.`,
    );
  }
  const xs = Array.from({ length: n }, (_, i) => i);
  const ys = xs.map((i) => revenue.get(first + i) ?? 0);
  const meanX = (n - 1) / 2;
  const meanY = ys.reduce((s, y) => s + y, 0) / n;
  const sxx = xs.reduce((s, x) => s + (x - meanX) ** 2, 0);
  const slope = xs.reduce((s, x, i) => s + (x - meanX) * ((ys[i] as number) - meanY), 0) / sxx;
  const intercept = meanY - slope * meanX;
  const residual = xs.reduce((s, x, i) => s + ((ys[i] as number) - intercept - slope * x) ** 2, 0);
  const sigma = n > 2 ? Math.sqrt(residual / (n - 2)) : 0;
  const forecast = Array.from({ length: o.horizon }, (_, h): ForecastPoint => {
    const x = n + h;
    const y = intercept + slope * x;
    const half = 1.96 * sigma * Math.sqrt(1 + 1 / n + (x - meanX) ** 2 / sxx);
    const cents = (v: number) => Math.round(Math.max(0, v) * 100) / 100;
    return {
      periodStart: periodStart(first + x, o.period),
      revenue: cents(y),
      low: cents(y - half),
      high: cents(y + half),
    };
  });
  return {
    ok: true,
    history: xs.map((x, i) => ({
      periodStart: periodStart(first + x, o.period),
      revenue: Math.round((ys[i] as number) * 100) / 100,
    })),
    slopePerPeriod: slope,
    forecast,
  };
}
