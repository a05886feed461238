import { type Opportunity, OpportunityStageSchema, type Touchpoint } from '@cordial/core';

const DAY = 86_400_000;
export const STAGES = OpportunityStageSchema.options;
export const OPEN_STAGES = STAGES.filter((s) => s !== 'won' && s !== 'lost');

export function byStage(opportunities: readonly Opportunity[]): Record<Opportunity['stage'], Opportunity[]> {
  const groups = Object.fromEntries(STAGES.map((s) => [s, [] as Opportunity[]])) as Record<
    Opportunity['stage'],
    Opportunity[]
  >;
  for (const o of opportunities) groups[o.stage].push(o);
  for (const s of STAGES) groups[s].sort((a, b) => b.amount.amount - a.amount.amount);
  return groups;
}

/** The stage before / after, for keyboard moves on the board (won and lost are both "after" negotiation). */
export function neighbourStage(stage: Opportunity['stage'], step: -1 | 1): Opportunity['stage'] | undefined {
  return STAGES[STAGES.indexOf(stage) + step];
}

export interface ForecastMonth {
  month: string;
  /** Sum of amount × probability of open opportunities expected to close that month. */
  weighted: number;
  /** Sum of their amounts, unweighted: the best case. */
  pipeline: number;
  count: number;
}

/**
 * The weighted sales forecast per expected-close month, in one currency (opportunities in other
 * currencies are counted in `otherCurrency`, never added up as if they were the same money).
 * Opportunities without an expected close date fall in "undated".
 */
export function weightedForecast(opportunities: readonly Opportunity[], currency: string) {
  const months = new Map<string, ForecastMonth>();
  let otherCurrency = 0;
  for (const o of opportunities) {
    if (o.stage === 'won' || o.stage === 'lost') continue;
    if (o.amount.currency !== currency) {
      otherCurrency++;
      continue;
    }
    const month = o.expectedClose?.slice(0, 7) ?? 'undated';
    const m = months.get(month) ?? { month, weighted: 0, pipeline: 0, count: 0 };
    m.weighted += o.amount.amount * o.probability;
    m.pipeline += o.amount.amount;
    m.count++;
    months.set(month, m);
  }
  const list = [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
  return {
    months: list,
    weighted: list.reduce((s, m) => s + m.weighted, 0),
    pipeline: list.reduce((s, m) => s + m.pipeline, 0),
    otherCurrency,
  };
}

export interface SalesMetrics {
  openLeads: number;
  proposalsGiven: number;
  wonLast30: number;
  wonRevenueLast30: number;
  winRate: number | undefined;
  averageDeal: number | undefined;
  salesCallsLast30: number;
}

/** The sales metrics of CRM.md over opportunities and touchpoints, money in `currency`. */
export function salesMetrics(
  opportunities: readonly Opportunity[],
  touchpoints: readonly Pick<Touchpoint, 'channel' | 'purpose' | 'occurredAt'>[],
  currency: string,
  now: number,
): SalesMetrics {
  const since = now - 30 * DAY;
  const won = opportunities.filter((o) => o.stage === 'won');
  const lost = opportunities.filter((o) => o.stage === 'lost');
  const wonRecent = won.filter((o) => o.closedAt !== undefined && Date.parse(o.closedAt) >= since);
  const wonInCurrency = won.filter((o) => o.amount.currency === currency);
  return {
    openLeads: opportunities.filter((o) => o.stage === 'lead' || o.stage === 'qualified').length,
    proposalsGiven: opportunities.filter((o) => ['proposal', 'negotiation', 'won'].includes(o.stage)).length,
    wonLast30: wonRecent.length,
    wonRevenueLast30: wonRecent.filter((o) => o.amount.currency === currency).reduce((s, o) => s + o.amount.amount, 0),
    winRate: won.length + lost.length > 0 ? won.length / (won.length + lost.length) : undefined,
    averageDeal:
      wonInCurrency.length > 0
        ? wonInCurrency.reduce((s, o) => s + o.amount.amount, 0) / wonInCurrency.length
        : undefined,
    salesCallsLast30: touchpoints.filter(
      (t) => t.channel === 'phone' && t.purpose === 'sales' && Date.parse(t.occurredAt) >= since,
    ).length,
  };
}

/**
 * The fiscal quarter containing `now`, for a fiscal year that starts in month `startMonth` (1–12):
 * its name ("FY2027 Q2", the fiscal year named after the calendar year it ends in) and its months
 * as `YYYY-MM` keys (the forecast's keys).
 */
export function fiscalQuarter(now: Date, startMonth: number) {
  const month = now.getFullYear() * 12 + now.getMonth();
  const offset = (((now.getMonth() - (startMonth - 1)) % 12) + 12) % 12;
  const quarter = Math.floor(offset / 3);
  const first = month - (offset % 3);
  const months = [0, 1, 2].map((i) => {
    const m = first + i;
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
  const yearStart = month - offset;
  const endYear = Math.floor((yearStart + 11) / 12);
  return { label: `FY${endYear} Q${quarter + 1}`, months };
}

/** The weighted forecast of the open opportunities expected to close in the given months. */
export function forecastFor(forecast: { months: ForecastMonth[] }, months: readonly string[]): number {
  return forecast.months.filter((m) => months.includes(m.month)).reduce((s, m) => s + m.weighted, 0);
}
