import * as z from 'zod';
import { type CustomerHistory, type PreparedCohort, prepareCohort } from './customer-history.ts';
import { type FitResult, fitFailure } from './fit-result.ts';
import { minimizeNelderMead } from './nelder-mead.ts';
import { hyp2f1, logBeta, logGamma, logSumExp } from './special-functions.ts';

/**
 * The BG/NBD model (Fader, Hardie and Lee 2005, "Counting Your Customers the Easy Way"):
 * while alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each
 * purchase they drop out with probability p ~ Beta(a, b).
 */
export const BgNbdParamsSchema = z.object({
  r: z.number().positive(),
  alpha: z.number().positive(),
  a: z.number().positive(),
  b: z.number().positive(),
});
export type BgNbdParams = z.infer<typeof BgNbdParamsSchema>;

/** Fewer customers than this cannot identify four parameters with any confidence. */
export const MIN_CUSTOMERS_TO_FIT = 20;

/** Sum of the individual log-likelihoods (equation 6 of the paper, in logs). */
export function bgNbdLogLikelihood(params: BgNbdParams, cohort: PreparedCohort): number {
  const { r, alpha, a, b } = params;
  const levels = cohort.xLevels;
  // Terms that depend on x only: one log-gamma set per distinct x, not per customer.
  const common = new Float64Array(levels.length);
  const logDrop = new Float64Array(levels.length);
  const base = r * Math.log(alpha) - logGamma(r) - logBeta(a, b);
  for (let i = 0; i < levels.length; i++) {
    const x = levels[i] as number;
    common[i] = base + logGamma(r + x) + logBeta(a, b + x);
    logDrop[i] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : Number.NEGATIVE_INFINITY;
  }
  const logAlphaT = logShiftedTimes(cohort.tLevels, alpha);
  let sum = 0;
  const { x, weight, xLevel, TLevel, txLevel } = cohort;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const level = xLevel[i] as number;
    const stillAlive = -(r + xi) * (logAlphaT[TLevel[i] as number] as number);
    const term =
      xi > 0
        ? logSumExp(stillAlive, (logDrop[level] as number) - (r + xi) * (logAlphaT[txLevel[i] as number] as number))
        : stillAlive;
    sum += (weight[i] as number) * ((common[level] as number) + term);
  }
  return sum;
}

/** ln(shift + t) for every distinct time of a cohort: the per-customer loop then only looks them up. */
export function logShiftedTimes(times: Float64Array, shift: number): Float64Array {
  const out = new Float64Array(times.length);
  for (let i = 0; i < times.length; i++) out[i] = Math.log(shift + (times[i] as number));
  return out;
}

/** Maximum-likelihood fit; Nelder–Mead on the logs of the parameters keeps them positive. */
export function fitBgNbd(histories: readonly CustomerHistory[]): FitResult<BgNbdParams> {
  if (histories.length < MIN_CUSTOMERS_TO_FIT) {
    return fitFailure(
      'too-little-data',
      `BG/NBD needs at least ${MIN_CUSTOMERS_TO_FIT} customers; got ${histories.length}.`,
    );
  }
  const cohort = prepareCohort(histories);
  if (cohort.repeatCustomers === 0) {
    return fitFailure(
      'no-repeat-buyers',
      'No customer bought twice, so purchase rates and drop-out cannot be told apart.',
    );
  }
  const meanT = cohort.T.reduce((s, t, i) => s + t * (cohort.weight[i] as number), 0) / cohort.customers;
  if (!(meanT > 0)) return fitFailure('degenerate', 'Every customer was observed for zero time (T = 0).');
  const fromLog = (p: readonly number[]): BgNbdParams => ({
    r: Math.exp(p[0] as number),
    alpha: Math.exp(p[1] as number),
    a: Math.exp(p[2] as number),
    b: Math.exp(p[3] as number),
  });
  const result = minimizeNelderMead(
    boundedInLogs((p) => -bgNbdLogLikelihood(fromLog(p), cohort)),
    [0, Math.log(meanT), 0, 0],
  );
  return finishFit(fromLog(result.point), -result.value, cohort.customers, result);
}

/** Parameters are searched in logs within ±LOG_BOUND, i.e. between 1e-7 and 1e7. */
const LOG_BOUND = Math.log(1e7);

/**
 * Keeps the search in a box: when the data do not identify a parameter (homogeneous
 * purchase rates send r and α to ∞ together) an unbounded simplex walks forever; in the
 * box it converges at the wall, and `finishFit` reports the runaway parameter.
 */
export function boundedInLogs(f: (logParams: readonly number[]) => number) {
  return (p: readonly number[]) => (p.every((v) => Math.abs(v) <= LOG_BOUND) ? f(p) : Number.POSITIVE_INFINITY);
}

/**
 * Shared tail of the maximum-likelihood fits: a parameter that ran off to 0 or ∞ means
 * the data do not identify the model (e.g. nobody ever drops out), which we report.
 */
export function finishFit<P extends Record<string, number>>(
  params: P,
  logLikelihood: number,
  customers: number,
  run: { converged: boolean; evaluations: number },
): FitResult<P> {
  if (!run.converged || !Number.isFinite(logLikelihood)) {
    return fitFailure(
      'did-not-converge',
      `The optimiser stopped after ${run.evaluations} evaluations without converging.`,
    );
  }
  const runaway = Object.entries(params).find(([, v]) => !(v > 1.01e-7 && v < 0.99e7));
  if (runaway) {
    return fitFailure(
      'degenerate',
      `Parameter ${runaway[0]} ran to ${runaway[1].toPrecision(2)}: the data do not identify the model ` +
        '(purchase rates that look the same for every customer, or too few repeat purchases or drop-outs).',
    );
  }
  return { ok: true, params, logLikelihood, customers, evaluations: run.evaluations };
}

/** P(alive | x, t_x, T): the probability the customer has not dropped out by T. */
export function bgNbdProbabilityAlive(params: BgNbdParams, h: CustomerHistory): number {
  if (h.x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logRatio = Math.log(a) - Math.log(b + h.x - 1) + (r + h.x) * (Math.log(alpha + h.T) - Math.log(alpha + h.tx));
  return 1 / (1 + Math.exp(logRatio));
}

/** E[Y(t) | x, t_x, T]: expected purchases in the next t time units (equation 10). */
export function bgNbdConditionalExpectedPurchases(params: BgNbdParams, h: CustomerHistory, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = params;
  const { x, T } = h;
  const z = t / (alpha + T + t);
  const factor = (a + b + x - 1) / (a - 1);
  const decay = Math.exp((r + x) * Math.log((alpha + T) / (alpha + T + t)));
  const numerator = 1 - decay * hyp2f1(r + x, b + x, a + b + x - 1, z);
  const denominator =
    x > 0 ? 1 + Math.exp(Math.log(a) - Math.log(b + x - 1) + (r + x) * Math.log((alpha + T) / (alpha + h.tx))) : 1;
  return (factor * numerator) / denominator;
}

/** E[X(t)]: expected purchases of a randomly chosen new customer in t (equation 9). */
export function bgNbdExpectedPurchases(params: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = params;
  const z = t / (alpha + t);
  return ((a + b - 1) / (a - 1)) * (1 - Math.exp(r * Math.log(alpha / (alpha + t))) * hyp2f1(r, b, a + b - 1, z));
}

/**
 * Unconditional cohort forecast: expected repeat purchases of the whole cohort at each
 * horizon, given how long each customer has been around (T) — the curve FHL 2005 plot
 * against the actual cumulative repeat sales.
 */
export function bgNbdCohortForecast(
  params: BgNbdParams,
  histories: readonly CustomerHistory[],
  horizons: readonly number[],
): number[] {
  return horizons.map((t) =>
    histories.reduce(
      (sum, h) => sum + bgNbdExpectedPurchases(params, h.T + t) - bgNbdExpectedPurchases(params, h.T),
      0,
    ),
  );
}
