import * as z from 'zod';
import { DEFAULT_SEGMENT_RULES, OTHERS_SEGMENT, SegmentRulesSchema } from '../segments/segment-rules.ts';
import { aggregateOrders } from './aggregate-orders.ts';
import { rfmThresholds } from './quantile-thresholds.ts';
import { scoreAndSegment } from './score-columns.ts';

/**
 * Orders as columns (the fast path): order i belongs to customer `customer[i]` (a dense
 * index below `customers`), happened on day number `day[i]` and was worth `amount[i]`.
 * 10 million orders are 160 MB here, against about 1 GB as objects.
 */
export const OrderColumnsSchema = z
  .object({
    customers: z.number().int().nonnegative(),
    customer: z.instanceof(Uint32Array),
    day: z.instanceof(Int32Array),
    amount: z.instanceof(Float64Array),
  })
  .refine((o) => o.day.length === o.customer.length && o.amount.length === o.customer.length, {
    message: 'order columns must have the same length',
  });
export type OrderColumns = z.infer<typeof OrderColumnsSchema>;

export const RfmOptionsSchema = z.object({
  /** Analysis date as a day number: recency is counted to it; later orders are ignored. */
  asOfDay: z.number().int(),
  bins: z.number().int().min(2).max(10).default(5),
  rules: SegmentRulesSchema.default(DEFAULT_SEGMENT_RULES),
});
export type RfmOptions = z.input<typeof RfmOptionsSchema>;

export { NO_SEGMENT, NOT_SCORED } from './score-columns.ts';

export interface RfmThresholds {
  readonly recency: number[];
  readonly frequency: number[];
  readonly monetary: number[];
}

/** RFM per customer, as columns indexed by the dense customer index. */
export interface RfmColumns {
  readonly customers: number;
  readonly recencyDays: Int32Array;
  readonly frequency: Uint32Array;
  readonly monetary: Float64Array;
  /** Scores 1..bins; NOT_SCORED for customers without orders. */
  readonly r: Uint8Array;
  readonly f: Uint8Array;
  readonly m: Uint8Array;
  /** Index into `segmentNames`; NO_SEGMENT for customers without orders. */
  readonly segment: Uint8Array;
  readonly segmentNames: string[];
  readonly thresholds: RfmThresholds;
  readonly scoredCustomers: number;
  /** Orders dated after the analysis date, left out. */
  readonly ignoredOrders: number;
}

/**
 * RFM and segments for columnar orders: aggregate (see aggregate-orders.ts), select the
 * quantile thresholds from the customers with orders (no sort, no copy), then one pass to
 * score and segment: integer scores by table, monetary by branch-free comparisons, the
 * segment by the compiled bins³ lookup.
 */
export function scoreRfmColumns(orders: OrderColumns, options: RfmOptions): RfmColumns {
  const { asOfDay, bins, rules } = RfmOptionsSchema.parse(options);
  const { customers, customer, day, amount } = orders;
  if (day.length !== customer.length || amount.length !== customer.length) {
    throw new RangeError('order columns must have the same length');
  }

  const aggregates = aggregateOrders(orders, asOfDay);
  const { recencyDays, frequency, monetary } = aggregates;
  // Customers without orders take no part in the thresholds: `frequency` is the filter.
  const thresholds: RfmThresholds = {
    recency: rfmThresholds(recencyDays, bins, { where: frequency }),
    frequency: rfmThresholds(frequency, bins, { where: frequency }),
    monetary: rfmThresholds(monetary, bins, { where: frequency }),
  };
  return {
    customers,
    ...aggregates,
    ...scoreAndSegment(aggregates, thresholds, bins, rules),
    segmentNames: [...rules.map((rule) => rule.name), OTHERS_SEGMENT],
    thresholds,
  };
}

export const RfmOrderSchema = z.object({
  customerId: z.string().min(1),
  day: z.number().int(),
  amount: z.number().finite(),
});
export type RfmOrder = z.infer<typeof RfmOrderSchema>;

export interface RfmRow {
  readonly customerId: string;
  readonly recencyDays: number;
  readonly frequency: number;
  readonly monetary: number;
  readonly r: number;
  readonly f: number;
  readonly m: number;
  readonly segment: string;
}

export interface RfmResult {
  /** One row per customer with at least one order on or before the analysis date, in first-seen order. */
  readonly rows: RfmRow[];
  readonly thresholds: RfmThresholds;
  readonly ignoredOrders: number;
}

/** RFM and segments for orders as plain objects (customer ids as strings). */
export function scoreRfm(orders: Iterable<RfmOrder>, options: RfmOptions): RfmResult {
  const ids: string[] = [];
  const indexOf = new Map<string, number>();
  const customer: number[] = [];
  const day: number[] = [];
  const amount: number[] = [];
  for (const order of orders) {
    const { customerId, day: d, amount: a } = RfmOrderSchema.parse(order);
    let index = indexOf.get(customerId);
    if (index === undefined) {
      index = ids.length;
      indexOf.set(customerId, index);
      ids.push(customerId);
    }
    customer.push(index);
    day.push(d);
    amount.push(a);
  }
  const scored = scoreRfmColumns(
    {
      customers: ids.length,
      customer: Uint32Array.from(customer),
      day: Int32Array.from(day),
      amount: Float64Array.from(amount),
    },
    options,
  );
  const rows: RfmRow[] = [];
  ids.forEach((customerId, c) => {
    if ((scored.frequency[c] as number) === 0) return;
    rows.push({
      customerId,
      recencyDays: scored.recencyDays[c] as number,
      frequency: scored.frequency[c] as number,
      monetary: scored.monetary[c] as number,
      r: scored.r[c] as number,
      f: scored.f[c] as number,
      m: scored.m[c] as number,
      segment: scored.segmentNames[scored.segment[c] as number] as string,
    });
  });
  return { rows, thresholds: scored.thresholds, ignoredOrders: scored.ignoredOrders };
}

export interface SegmentSummary {
  readonly segment: string;
  readonly customers: number;
  readonly orders: number;
  readonly revenue: number;
}

/** Customers, orders and revenue per segment (the rfm package's `rfm_segment_summary`), largest first. */
export function summarizeSegments(rows: readonly RfmRow[]): SegmentSummary[] {
  const by = new Map<string, { customers: number; orders: number; revenue: number }>();
  for (const row of rows) {
    const s = by.get(row.segment) ?? { customers: 0, orders: 0, revenue: 0 };
    s.customers++;
    s.orders += row.frequency;
    s.revenue += row.monetary;
    by.set(row.segment, s);
  }
  return [...by].map(([segment, s]) => ({ segment, ...s })).sort((a, b) => b.customers - a.customers);
}
