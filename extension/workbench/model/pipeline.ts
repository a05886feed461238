import {
  computeSalesMetrics,
  type Opportunity,
  OpportunityStageSchema,
  type PipelineFilter,
  type SalesData,
  weightedPipeline,
} from '@cordial/core';

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
  /** `YYYY-MM`, or "undated" for opportunities without an expected close date. */
  month: string;
  weighted: number;
  pipeline: number;
}

/**
 * The forecast the Pipeline view shows, from core's `weightedPipeline`: the open pipeline and its
 * weighted value in the display currency, the same for the opportunities expected to close in the
 * fiscal quarter, what is open in other currencies (never added up as if it were the same money),
 * and, for the chart, the same per expected-close month (core has no monthly breakdown; the months
 * are grouped here and each weighted by core).
 */
export function pipelineForecast(
  opportunities: readonly Opportunity[],
  currency: string,
  quarter: Pick<PipelineFilter, 'closeFrom' | 'closeTo'>,
) {
  const all = weightedPipeline(opportunities);
  const { [currency]: _, ...otherCurrencies } = all.unweighted;
  const byMonth = new Map<string, Opportunity[]>();
  for (const o of opportunities) {
    if (o.amount.currency !== currency) continue;
    const month = o.expectedClose?.slice(0, 7) ?? 'undated';
    byMonth.set(month, [...(byMonth.get(month) ?? []), o]);
  }
  const months: ForecastMonth[] = [];
  for (const [month, list] of byMonth) {
    const value = weightedPipeline(list);
    if (value.opportunities > 0)
      months.push({ month, weighted: value.weighted[currency] ?? 0, pipeline: value.unweighted[currency] ?? 0 });
  }
  months.sort((a, b) => a.month.localeCompare(b.month));
  return {
    months,
    weighted: all.weighted[currency] ?? 0,
    pipeline: all.unweighted[currency] ?? 0,
    quarterWeighted: weightedPipeline(opportunities, quarter).weighted[currency] ?? 0,
    otherCurrencies,
  };
}

/**
 * The Pipeline view's sales figures over the last 30 days: core's `computeSalesMetrics` (leads,
 * proposals, calls, new and retained customers and their revenue), plus the deal figures core does
 * not compute (wins, win rate, average deal), money in `currency`.
 */
export function salesMetrics(data: SalesData, currency: string, now: number) {
  const since = now - 30 * DAY;
  // The window ends just after `now` so that a deal moved this very millisecond is counted.
  const window = { from: new Date(since).toISOString(), to: new Date(now + 1).toISOString() };
  const won = data.opportunities.filter((o) => o.stage === 'won');
  const lost = data.opportunities.filter((o) => o.stage === 'lost');
  const wonRecent = won.filter((o) => o.closedAt !== undefined && Date.parse(o.closedAt) >= since);
  const wonInCurrency = won.filter((o) => o.amount.currency === currency);
  return {
    ...computeSalesMetrics(data, window),
    wonLast30: wonRecent.length,
    wonRevenueLast30: wonRecent.filter((o) => o.amount.currency === currency).reduce((s, o) => s + o.amount.amount, 0),
    winRate: won.length + lost.length > 0 ? won.length / (won.length + lost.length) : undefined,
    averageDeal:
      wonInCurrency.length > 0
        ? wonInCurrency.reduce((s, o) => s + o.amount.amount, 0) / wonInCurrency.length
        : undefined,
  };
}

/**
 * The fiscal quarter containing `now`, for a fiscal year that starts in month `startMonth` (1–12):
 * its name ("FY2027 Q2", the fiscal year named after the calendar year it ends in) and its first
 * and last days (YYYY-MM-DD, the expected-close filter of core's `weightedPipeline`).
 */
export function fiscalQuarter(now: Date, startMonth: number) {
  const month = now.getFullYear() * 12 + now.getMonth();
  const offset = (((now.getMonth() - (startMonth - 1)) % 12) + 12) % 12;
  const quarter = Math.floor(offset / 3);
  const first = month - (offset % 3);
  const day = (m: number, d: number) => new Date(Date.UTC(Math.floor(m / 12), m % 12, d)).toISOString().slice(0, 10);
  const yearStart = month - offset;
  const endYear = Math.floor((yearStart + 11) / 12);
  // Day 0 of the month after the quarter is the quarter's last day.
  return { label: `FY${endYear} Q${quarter + 1}`, closeFrom: day(first, 1), closeTo: day(first + 3, 0) };
}
