// The straightforward RFM, kept as the oracle for the fast path: property tests compare
// scoreRfmColumns with it on generated data, and the RFM benchmark measures it in the same
// run as its baseline. Every step is the obvious one: one loop over the orders, thresholds
// from fully sorted copies, every score by comparing with every cut point, every segment
// by walking the rule table. Deliberately independent of rfm/quantile-thresholds.ts and
// rfm/score-columns.ts, so that agreeing with it means something.
import type { OrderColumns, RfmColumns, RfmOptions, RfmThresholds } from '../rfm/score-rfm.ts';
import { NO_SEGMENT, RfmOptionsSchema } from '../rfm/score-rfm.ts';
import { matchSegmentRule } from '../segments/assign-segment.ts';
import { OTHERS_SEGMENT } from '../segments/segment-rules.ts';

export function referenceRfmColumns(orders: OrderColumns, options: RfmOptions): RfmColumns {
  const { asOfDay, bins, rules } = RfmOptionsSchema.parse(options);
  const { customers, customer, day, amount } = orders;
  const lastDay = new Int32Array(customers);
  const frequency = new Uint32Array(customers);
  const monetary = new Float64Array(customers);
  let ignoredOrders = 0;
  for (let i = 0; i < customer.length; i++) {
    const c = customer[i] as number;
    const d = day[i] as number;
    if (c >= customers) throw new RangeError(`order ${i} names customer ${c}, but there are only ${customers}`);
    if (d > asOfDay) {
      ignoredOrders++;
      continue;
    }
    if (frequency[c] === 0 || d > (lastDay[c] as number)) lastDay[c] = d;
    frequency[c] = (frequency[c] as number) + 1;
    monetary[c] = (monetary[c] as number) + (amount[i] as number);
  }
  const recencyDays = new Int32Array(customers);
  let scoredCustomers = 0;
  for (let c = 0; c < customers; c++) {
    recencyDays[c] = frequency[c] === 0 ? -1 : asOfDay - (lastDay[c] as number);
    if (frequency[c] !== 0) scoredCustomers++;
  }
  const sortedOf = (column: ArrayLike<number>) => {
    const values = new Float64Array(scoredCustomers);
    let j = 0;
    for (let c = 0; c < customers; c++) if (frequency[c] !== 0) values[j++] = column[c] as number;
    return values.sort();
  };
  const thresholds: RfmThresholds = {
    recency: typeSevenPlusOne(sortedOf(recencyDays), bins),
    frequency: typeSevenPlusOne(sortedOf(frequency), bins),
    monetary: typeSevenPlusOne(sortedOf(monetary), bins),
  };
  const r = new Uint8Array(customers);
  const f = new Uint8Array(customers);
  const m = new Uint8Array(customers);
  const segment = new Uint8Array(customers).fill(NO_SEGMENT);
  for (let c = 0; c < customers; c++) {
    if (frequency[c] === 0) continue;
    r[c] = bins + 1 - score(recencyDays[c] as number, thresholds.recency);
    f[c] = score(frequency[c] as number, thresholds.frequency);
    m[c] = score(monetary[c] as number, thresholds.monetary);
    const rule = matchSegmentRule(rules, r[c] as number, f[c] as number, m[c] as number);
    segment[c] = rule < 0 ? rules.length : rule;
  }
  return {
    customers,
    recencyDays,
    frequency,
    monetary,
    r,
    f,
    m,
    segment,
    segmentNames: [...rules.map((rule) => rule.name), OTHERS_SEGMENT],
    thresholds,
    scoredCustomers,
    ignoredOrders,
  };
}

/** 1 + the number of cut points ≤ v. */
function score(v: number, cuts: readonly number[]): number {
  let s = 1;
  for (const cut of cuts) if (v >= cut) s++;
  return s;
}

/** R's quantile(type = 7) at k/bins, k = 1..bins−1, plus one (the rfm package's cut points), from sorted values. */
function typeSevenPlusOne(sorted: Float64Array, bins: number): number[] {
  const n = sorted.length;
  if (n === 0) return [];
  const cuts: number[] = [];
  for (let k = 1; k < bins; k++) {
    const h = ((n - 1) * k) / bins;
    const lo = Math.floor(h);
    const a = sorted[lo] as number;
    const b = sorted[Math.min(lo + 1, n - 1)] as number;
    cuts.push(a + (h - lo) * (b - a) + 1);
  }
  return cuts;
}
