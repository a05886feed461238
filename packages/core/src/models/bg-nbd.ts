import * as z from 'zod';
import type { CustomerHistory, PreparedCohort } from './customer-history.ts';
import type { FitResult } from './fit-result.ts';
import { fitCountModel } from './maximum-likelihood.ts';
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

/** Maximum-likelihood fit (see maximum-likelihood.ts). */
export function fitBgNbd(histories: readonly CustomerHistory[]): FitResult<BgNbdParams> {
  return fitCountModel(histories, {
    label: 'BG/NBD',
    names: ['r', 'alpha', 'a', 'b'],
    noRepeatMessage: 'No customer bought twice, so purchase rates and drop-out cannot be told apart.',
    start: (meanT) => [1, meanT, 1, 1],
    logLikelihood: bgNbdLogLikelihood,
  });
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
