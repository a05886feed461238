import {
  assessChurnRisk,
  bgNbdProbabilityAlive,
  type ChurnRiskTier,
  ChurnRiskTierSchema,
  CustomerStageSchema,
  type CustomerSummary,
  classifyCustomerStage,
  DEFAULT_SEGMENT_RULES,
  NO_SEGMENT,
  ORDER_STATUSES,
  type OrderFacts,
  type Purchase,
  type SegmentRules,
  scoreRfmColumns,
  summarizeCalibration,
  valueCohort,
} from '@cordial/core';

const DAY = 86_400_000;
/** Segment movement and "newly at risk" compare today with this many days ago. */
export const LOOKBACK_DAYS = 30;
/**
 * The models count time in months here (CDNOW's published results use weeks): a year ahead is 12
 * steps of the CLV sum instead of 52, and histories collapse into fewer distinct (x, t_x, T) rows,
 * which is what the fits cost at 100,000 customers.
 */
export const UNIT_DAYS = 365.25 / 12;
export const CLV_HORIZON_UNITS = 12;
export const NO_TIER = 255;
export const STAGES = CustomerStageSchema.options;
export const TIERS = ChurnRiskTierSchema.options;

/** Only money that was actually taken counts as revenue: pending, cancelled and refunded orders are left out. */
const COUNTED = new Set(['paid', 'fulfilled'].map((s) => ORDER_STATUSES.indexOf(s as never)));

/** The order columns the analysis needs (a subset of OrderFacts, so it crosses to the worker cheaply). */
export type AnalysisOrders = Pick<
  OrderFacts,
  'contactIds' | 'contact' | 'placedAt' | 'total' | 'currencies' | 'currency' | 'status'
>;

export interface AnalysisInput {
  orders: AnalysisOrders;
  /** Epoch ms of "now". */
  asOf: number;
  rules?: SegmentRules;
  /** Analyse this currency; by default the one most orders are in. */
  currency?: string;
}

export interface MonthPoint {
  month: string;
  revenue: number;
  orders: number;
  newCustomers: number;
}

/** Per-customer results as columns, row i = customer `contactIds[i]`. */
export interface Analysis {
  contactIds: string[];
  currency: string;
  recencyDays: Int32Array;
  frequency: Uint32Array;
  monetary: Float64Array;
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  segment: Uint8Array;
  /** The segment LOOKBACK_DAYS ago (NO_SEGMENT for customers who had not bought yet). */
  segmentBefore: Uint8Array;
  segmentNames: string[];
  /** Day number of the first counted order (-1: none). */
  firstDay: Int32Array;
  /** NaN where no model could be fitted. */
  pAlive: Float64Array;
  pAliveBefore: Float64Array;
  clv: Float64Array;
  churnTier: Uint8Array;
  churnReason: string[];
  /** Index into STAGES. */
  stage: Uint8Array;
  months: MonthPoint[];
  totals: {
    customers: number;
    orders: number;
    revenue: number;
    customerEquity: number | null;
    /** Why there is no CLV / P(alive), when the models could not be fitted. */
    modelNote: string | null;
    ignoredOrders: { otherCurrency: number; notPaid: number };
  };
}

export type Progress = (step: string, done: number) => void;

function dominantCurrency(orders: AnalysisOrders): string {
  const counts = new Uint32Array(orders.currencies.length);
  for (const c of orders.currency) counts[c] = (counts[c] as number) + 1;
  let best = 0;
  for (let c = 1; c < counts.length; c++) if ((counts[c] as number) > (counts[best] as number)) best = c;
  return orders.currencies[best] ?? 'EUR';
}

function monthKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * Everything the workbench shows about customers, from the order columns: RFM scores and segments
 * (now and a month ago), BG/NBD P(alive) and Gamma-Gamma CLV, churn tier with its reason, life-cycle
 * stage, and revenue per month. Pure and synchronous; the worker runs it off the page's thread.
 */
export function analyse(input: AnalysisInput, progress: Progress = () => {}): Analysis {
  const { orders, asOf } = input;
  const rules = input.rules ?? DEFAULT_SEGMENT_RULES;
  const currency = input.currency ?? dominantCurrency(orders);
  const currencyIndex = orders.currencies.indexOf(currency);
  const customers = orders.contactIds.length;
  const asOfDay = Math.floor(asOf / DAY);

  progress('Reading orders', 0);
  const n = orders.contact.length;
  const keep = new Uint8Array(n);
  let kept = 0;
  let otherCurrency = 0;
  let notPaid = 0;
  for (let i = 0; i < n; i++) {
    if (!COUNTED.has(orders.status[i] as number)) notPaid++;
    else if (orders.currency[i] !== currencyIndex) otherCurrency++;
    else {
      keep[i] = 1;
      kept++;
    }
  }
  const customer = new Uint32Array(kept);
  const day = new Int32Array(kept);
  const amount = new Float64Array(kept);
  const firstDay = new Int32Array(customers).fill(2 ** 31 - 1);
  for (let i = 0, j = 0; i < n; i++) {
    if (!keep[i]) continue;
    const c = orders.contact[i] as number;
    const d = Math.floor((orders.placedAt[i] as number) / DAY);
    customer[j] = c;
    day[j] = d;
    amount[j] = orders.total[i] as number;
    if (d < (firstDay[c] as number)) firstDay[c] = d;
    j++;
  }

  progress('Revenue over time', 0.1);
  const byMonth = new Map<string, MonthPoint>();
  const point = (ms: number) => {
    const key = monthKey(ms);
    let p = byMonth.get(key);
    if (!p) {
      p = { month: key, revenue: 0, orders: 0, newCustomers: 0 };
      byMonth.set(key, p);
    }
    return p;
  };
  for (let j = 0; j < kept; j++) {
    const p = point((day[j] as number) * DAY);
    p.revenue += amount[j] as number;
    p.orders++;
  }
  for (let c = 0; c < customers; c++)
    if ((firstDay[c] as number) < 2 ** 31 - 1) point((firstDay[c] as number) * DAY).newCustomers++;
  const months = [...byMonth.values()].sort((a, b) => (a.month < b.month ? -1 : 1));

  progress('RFM scores and segments', 0.2);
  const columns = { customers, customer, day, amount };
  const now = scoreRfmColumns(columns, { asOfDay, rules });
  const before = scoreRfmColumns(columns, { asOfDay: asOfDay - LOOKBACK_DAYS, rules });

  progress('Purchase histories', 0.35);
  const purchases = function* (): Generator<Purchase> {
    for (let j = 0; j < kept; j++)
      yield { customerId: String(customer[j]), day: day[j] as number, amount: amount[j] as number };
  };
  const summaries = summarizeCalibration(purchases(), { calibrationEnd: asOfDay, unitDays: UNIT_DAYS });
  const summariesBefore = summarizeCalibration(purchases(), {
    calibrationEnd: asOfDay - LOOKBACK_DAYS,
    unitDays: UNIT_DAYS,
  });

  progress('Fitting BG/NBD and Gamma-Gamma', 0.5);
  const cohort = valueCohort(summaries, { horizon: CLV_HORIZON_UNITS, unitsPerYear: 12 });
  const pAlive = new Float64Array(customers).fill(Number.NaN);
  const pAliveBefore = new Float64Array(customers).fill(Number.NaN);
  const clv = new Float64Array(customers).fill(Number.NaN);
  let customerEquity: number | null = null;
  let modelNote: string | null = null;
  if (cohort.ok) {
    customerEquity = cohort.totals.customerEquity;
    for (const v of cohort.customers) {
      const c = Number(v.customerId);
      pAlive[c] = v.pAlive;
      clv[c] = v.clv;
    }
    for (const s of summariesBefore) pAliveBefore[Number(s.customerId)] = bgNbdProbabilityAlive(cohort.bgNbd.params, s);
  } else {
    modelNote = `${cohort.model === 'bgnbd' ? 'BG/NBD' : 'Gamma-Gamma'}: ${cohort.message}`;
  }

  progress('Churn risk and life-cycle stages', 0.85);
  const summaryOf = new Array<CustomerSummary | undefined>(customers);
  for (const s of summaries) summaryOf[Number(s.customerId)] = s;
  const gaps = summaries.filter((s) => s.x > 0).map((s) => (s.tx * UNIT_DAYS) / s.x);
  gaps.sort((a, b) => a - b);
  const typicalGapDays = gaps.length > 0 ? gaps[Math.floor(gaps.length / 2)] : undefined;
  const clvSorted = Float64Array.from(clv.filter((v) => !Number.isNaN(v))).sort();
  const highValueFrom = clvSorted.length > 0 ? clvSorted[Math.floor(clvSorted.length * 0.8)] : undefined;
  const churnTier = new Uint8Array(customers).fill(NO_TIER);
  const churnReason = new Array<string>(customers).fill('');
  const stage = new Uint8Array(customers);
  for (let c = 0; c < customers; c++) {
    const s = summaryOf[c];
    const alive = Number.isNaN(pAlive[c] as number) ? undefined : (pAlive[c] as number);
    if (s) {
      const risk = assessChurnRisk(
        { x: s.x, daysFirstToLast: s.tx * UNIT_DAYS, daysSinceFirst: s.T * UNIT_DAYS, pAlive: alive },
        { typicalGapDays: typicalGapDays && typicalGapDays > 0 ? typicalGapDays : undefined },
      );
      churnTier[c] = TIERS.indexOf(risk.tier);
      churnReason[c] = risk.reason;
    }
    const value = Number.isNaN(clv[c] as number) ? (now.monetary[c] as number) : (clv[c] as number);
    const frequency = now.frequency[c] as number;
    stage[c] = STAGES.indexOf(
      classifyCustomerStage(
        {
          orders: frequency,
          daysSinceLastOrder: frequency > 0 ? (now.recencyDays[c] as number) : undefined,
          pAlive: alive,
          value,
        },
        { highValueFrom },
      ),
    );
  }
  progress('Done', 1);

  let revenue = 0;
  for (let j = 0; j < kept; j++) revenue += amount[j] as number;
  return {
    contactIds: orders.contactIds,
    currency,
    recencyDays: now.recencyDays,
    frequency: now.frequency,
    monetary: now.monetary,
    r: now.r,
    f: now.f,
    m: now.m,
    segment: now.segment,
    segmentBefore: before.segment,
    segmentNames: now.segmentNames,
    firstDay: firstDay.map((d) => (d === 2 ** 31 - 1 ? -1 : d)),
    pAlive,
    pAliveBefore,
    clv,
    churnTier,
    churnReason,
    stage,
    months,
    totals: {
      customers: now.scoredCustomers,
      orders: kept,
      revenue,
      customerEquity,
      modelNote,
      ignoredOrders: { otherCurrency, notPaid },
    },
  };
}

/** The typed arrays of an analysis, to transfer (not copy) from the worker. */
export function analysisBuffers(a: Analysis): ArrayBuffer[] {
  return [
    a.recencyDays,
    a.frequency,
    a.monetary,
    a.r,
    a.f,
    a.m,
    a.segment,
    a.segmentBefore,
    a.firstDay,
    a.pAlive,
    a.pAliveBefore,
    a.clv,
    a.churnTier,
    a.stage,
  ].map((array) => array.buffer as ArrayBuffer);
}

/** The name of a segment index (NO_SEGMENT: has not bought yet). */
export function segmentName(a: Pick<Analysis, 'segmentNames'>, index: number): string | undefined {
  return index === NO_SEGMENT ? undefined : a.segmentNames[index];
}

export type { ChurnRiskTier };
