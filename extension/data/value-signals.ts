import {
  assessChurnRisk,
  type CustomerSummary,
  dayNumberOf,
  describeDuration,
  ORDER_STATUSES,
  type OrderFacts,
  scoreRfmColumns,
  summarizeCalibration,
  valueCohort,
} from '@cordial/core';
import * as z from 'zod';

/** What the sidebar shows about a customer's value: RFM, churn risk with P(alive), and CLV. */
export const ContactSignalsSchema = z.object({
  rfm: z
    .object({
      r: z.number(),
      f: z.number(),
      m: z.number(),
      segment: z.string(),
      recencyDays: z.number(),
      orders: z.number(),
      spent: z.number(),
    })
    .optional(),
  churn: z.object({ tier: z.enum(['low', 'medium', 'high']), reason: z.string() }).optional(),
  pAlive: z.number().min(0).max(1).optional(),
  /** Discounted value of the next 52 weeks of purchases, in `currency`. */
  clv: z.number().optional(),
  currency: z.string(),
  computedAt: z.string(),
});
export type ContactSignals = z.infer<typeof ContactSignalsSchema>;

export interface SignalsSnapshot {
  computedAt: string;
  currency: string;
  byContact: Map<string, ContactSignals>;
  /** Why P(alive) and CLV are missing for everyone (the models could not be fitted), if so. */
  modelNote?: string;
}

/** Orders that count as purchases: paid or delivered (not pending, cancelled or refunded). */
const COUNTED = new Set(['paid', 'fulfilled'].map((s) => ORDER_STATUSES.indexOf(s as never)));
const UNIT_DAYS = 7;
const HORIZON_WEEKS = 52;

/**
 * RFM scores and segments, BG/NBD P(alive), Gamma-Gamma CLV and churn risk for every
 * contact with orders, from the repository's columnar order facts. Amounts in different
 * currencies cannot be added up: the currency with the most orders is scored, the other
 * orders are left out (and the snapshot says which currency it is in).
 */
export function computeSignals(facts: OrderFacts, now: Date): SignalsSnapshot {
  const computedAt = now.toISOString();
  const perCurrency = new Uint32Array(facts.currencies.length);
  for (let i = 0; i < facts.orderIds.length; i++) {
    const k = facts.currency[i] as number;
    if (COUNTED.has(facts.status[i] as number)) perCurrency[k] = (perCurrency[k] ?? 0) + 1;
  }
  const main = perCurrency.indexOf(Math.max(0, ...perCurrency));
  const currency = facts.currencies[main] ?? 'EUR';
  const rows: number[] = [];
  for (let i = 0; i < facts.orderIds.length; i++) {
    if (COUNTED.has(facts.status[i] as number) && facts.currency[i] === main) rows.push(i);
  }
  const today = dayNumberOf(now);
  const day = new Int32Array(rows.length);
  const amount = new Float64Array(rows.length);
  const customer = new Uint32Array(rows.length);
  rows.forEach((row, k) => {
    customer[k] = facts.contact[row] as number;
    day[k] = dayNumberOf(new Date(facts.placedAt[row] as number));
    amount[k] = facts.total[row] as number;
  });
  const byContact = new Map<string, ContactSignals>();
  if (rows.length === 0) return { computedAt, currency, byContact };

  const rfm = scoreRfmColumns({ customers: facts.contactIds.length, customer, day, amount }, { asOfDay: today });
  for (let c = 0; c < facts.contactIds.length; c++) {
    if (rfm.r[c] === 0) continue;
    byContact.set(facts.contactIds[c] as string, {
      rfm: {
        r: rfm.r[c] as number,
        f: rfm.f[c] as number,
        m: rfm.m[c] as number,
        segment: rfm.segmentNames[rfm.segment[c] as number] ?? 'Others',
        recencyDays: rfm.recencyDays[c] as number,
        orders: rfm.frequency[c] as number,
        spent: rfm.monetary[c] as number,
      },
      currency,
      computedAt,
    });
  }

  const purchases = rows.map((_, k) => ({
    customerId: facts.contactIds[customer[k] as number] as string,
    day: day[k] as number,
    amount: amount[k] as number,
  }));
  const summaries = summarizeCalibration(purchases, { calibrationEnd: today, unitDays: UNIT_DAYS });
  const cohort = valueCohort(summaries, { horizon: HORIZON_WEEKS });
  const values = new Map(cohort.ok ? cohort.customers.map((v) => [v.customerId, v]) : []);
  const typicalGapDays = medianGapDays(summaries);
  for (const s of summaries) {
    const signals = byContact.get(s.customerId);
    if (!signals) continue;
    const value = values.get(s.customerId);
    const churn = assessChurnRisk(
      {
        x: s.x,
        daysFirstToLast: s.tx * UNIT_DAYS,
        daysSinceFirst: s.T * UNIT_DAYS,
        ...(value ? { pAlive: value.pAlive } : {}),
      },
      typicalGapDays ? { typicalGapDays } : {},
    );
    signals.churn = { tier: churn.tier, reason: churn.reason };
    if (value) {
      signals.pAlive = value.pAlive;
      signals.clv = value.clv;
    }
  }
  return {
    computedAt,
    currency,
    byContact,
    ...(cohort.ok ? {} : { modelNote: `lifetime value not computed: ${cohort.message}` }),
  };
}

/** The median days between purchases of repeat buyers: the yardstick for one-time buyers. */
function medianGapDays(summaries: readonly CustomerSummary[]): number | undefined {
  const gaps = summaries
    .filter((s) => s.x > 0)
    .map((s) => (s.tx * UNIT_DAYS) / s.x)
    .sort((a, b) => a - b);
  return gaps.length > 0 ? gaps[Math.floor(gaps.length / 2)] : undefined;
}

/** "Champions: last order 12 days ago, 14 orders, 5,300 in total" — the RFM line a rep reads. */
export function rfmReason(rfm: NonNullable<ContactSignals['rfm']>, spent: string): string {
  const last = rfm.recencyDays === 0 ? 'today' : `${describeDuration(rfm.recencyDays)} ago`;
  return `last order ${last}, ${rfm.orders} order${rfm.orders === 1 ? '' : 's'}, ${spent} in total`;
}
