import * as z from 'zod';
import { logShiftedTimes } from './bg-nbd.ts';
import type { CustomerHistory, PreparedCohort } from './customer-history.ts';
import type { FitResult } from './fit-result.ts';
import { fitCountModel } from './maximum-likelihood.ts';
import { hyp2f1, logGamma, logSumExp } from './special-functions.ts';

/**
 * The Pareto/NBD model (Schmittlein, Morrison and Colombo 1987), in the formulation of
 * Fader, Hardie and Lee's 2005 note: purchases Poisson(λ), λ ~ Gamma(r, α); lifetimes
 * exponential(μ), μ ~ Gamma(s, β).
 */
export const ParetoNbdParamsSchema = z.object({
  r: z.number().positive(),
  alpha: z.number().positive(),
  s: z.number().positive(),
  beta: z.number().positive(),
});
export type ParetoNbdParams = z.infer<typeof ParetoNbdParamsSchema>;

/**
 * ln A₀ of the note (equations 19–20): the part of the likelihood where the customer died
 * between t_x and T. The ₂F₁ argument is kept in [0, 1) by expanding around the larger of
 * α and β. Returns −∞ when t_x = T (no time left to die unobserved).
 */
function logA0(params: ParetoNbdParams, x: number, logMaxTx: number, logMaxT: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = params;
  const [big, small, second] = alpha >= beta ? [alpha, beta, s + 1] : [beta, alpha, r + x];
  const rsx = r + s + x;
  const first = Math.log(hyp2f1(rsx, second, rsx + 1, (big - small) / (big + tx))) - rsx * logMaxTx;
  const last = Math.log(hyp2f1(rsx, second, rsx + 1, (big - small) / (big + T))) - rsx * logMaxT;
  if (!(first > last)) return Number.NEGATIVE_INFINITY;
  return first + Math.log1p(-Math.exp(last - first));
}

/** Log-likelihood of one history, split into the "alive at T" part and the whole. */
function logParts(params: ParetoNbdParams, h: CustomerHistory): { alive: number; total: number } {
  const { r, alpha, s, beta } = params;
  const big = Math.max(alpha, beta);
  const front = logGamma(r + h.x) - logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  const alive = -(r + h.x) * Math.log(alpha + h.T) - s * Math.log(beta + h.T);
  const died = Math.log(s / (r + s + h.x)) + logA0(params, h.x, Math.log(big + h.tx), Math.log(big + h.T), h.tx, h.T);
  return { alive: front + alive, total: front + logSumExp(alive, died) };
}

export function paretoNbdLogLikelihood(params: ParetoNbdParams, cohort: PreparedCohort): number {
  const { r, alpha, s, beta } = params;
  const logAlphaT = logShiftedTimes(cohort.tLevels, alpha);
  const logBetaT = logShiftedTimes(cohort.tLevels, beta);
  const logBigT = alpha >= beta ? logAlphaT : logBetaT;
  const front = cohort.xLevels.map((x) => logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + s * Math.log(beta));
  let sum = 0;
  for (let i = 0; i < cohort.x.length; i++) {
    const x = cohort.x[i] as number;
    const Ti = cohort.TLevel[i] as number;
    const txi = cohort.txLevel[i] as number;
    const alive = -(r + x) * (logAlphaT[Ti] as number) - s * (logBetaT[Ti] as number);
    const died =
      Math.log(s / (r + s + x)) +
      logA0(
        params,
        x,
        logBigT[txi] as number,
        logBigT[Ti] as number,
        cohort.tLevels[txi] as number,
        cohort.tLevels[Ti] as number,
      );
    sum += (cohort.weight[i] as number) * ((front[cohort.xLevel[i] as number] as number) + logSumExp(alive, died));
  }
  return sum;
}

export function fitParetoNbd(histories: readonly CustomerHistory[]): FitResult<ParetoNbdParams> {
  return fitCountModel(histories, {
    label: 'Pareto/NBD',
    names: ['r', 'alpha', 's', 'beta'],
    noRepeatMessage: 'No customer bought twice, so purchase rates and lifetimes cannot be told apart.',
    start: (meanT) => [1, meanT, 1, meanT],
    logLikelihood: paretoNbdLogLikelihood,
  });
}

/** P(alive | x, t_x, T) under Pareto/NBD. */
export function paretoNbdProbabilityAlive(params: ParetoNbdParams, h: CustomerHistory): number {
  const { alive, total } = logParts(params, h);
  return Math.min(1, Math.exp(alive - total));
}

/** E[Y(t) | x, t_x, T] under Pareto/NBD (equation 22 of the note); needs s > 1 for a finite mean lifetime term. */
export function paretoNbdConditionalExpectedPurchases(params: ParetoNbdParams, h: CustomerHistory, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, s, beta } = params;
  const pAlive = paretoNbdProbabilityAlive(params, h);
  const rate = ((r + h.x) * (beta + h.T)) / ((alpha + h.T) * (s - 1));
  return pAlive * rate * (1 - Math.exp((s - 1) * Math.log((beta + h.T) / (beta + h.T + t))));
}
