import * as z from 'zod';
import { type FitResult, fitFailure } from './fit-result.ts';
import { firstInvalid, fitInLogs } from './maximum-likelihood.ts';
import { logGamma } from './special-functions.ts';

/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie and Lee 2005 "RFM and CLV";
 * Fader and Hardie 2013): each transaction value ~ Gamma(p, ν), ν ~ Gamma(q, γ) across
 * customers. Fitted on repeat buyers' mean spend z̄ over their x repeat transactions.
 */
export const GammaGammaParamsSchema = z.object({
  p: z.number().positive(),
  q: z.number().positive(),
  gamma: z.number().positive(),
});
export type GammaGammaParams = z.infer<typeof GammaGammaParamsSchema>;

export const SpendHistorySchema = z.object({
  /** Number of transactions the mean is over (repeat purchases in the CDNOW convention). */
  x: z.number().int().nonnegative(),
  /** Mean value of those transactions; ignored when x = 0. */
  meanSpend: z.number().nonnegative(),
});
export type SpendHistory = z.infer<typeof SpendHistorySchema>;

export const MIN_SPENDERS_TO_FIT = 10;

/**
 * Log density of the observed mean spend z̄ given x (the marginal after integrating ν out):
 * Γ(px+q)/(Γ(px)Γ(q)) · γ^q · x^{px} · z̄^{px−1} / (γ + x z̄)^{px+q}.
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, spenders: readonly SpendHistory[]): number {
  const { p, q, gamma } = params;
  const base = q * Math.log(gamma) - logGamma(q);
  let sum = 0;
  for (const { x, meanSpend: m } of spenders) {
    if (x === 0) continue;
    const px = p * x;
    sum +=
      base +
      logGamma(px + q) -
      logGamma(px) +
      px * Math.log(x) +
      (px - 1) * Math.log(m) -
      (px + q) * Math.log(gamma + x * m);
  }
  return sum;
}

export function fitGammaGamma(histories: readonly SpendHistory[]): FitResult<GammaGammaParams> {
  // A repeat buyer whose purchases were all free (CDNOW_master has $0 orders) has no spend
  // to model: the Gamma density is zero there. They are left out of the fit, not the forecast.
  const invalid = firstInvalid(z.array(SpendHistorySchema), histories);
  if (invalid) return fitFailure('invalid-input', invalid);
  const spenders = histories.filter((h) => h.x > 0 && h.meanSpend > 0);
  if (histories.every((h) => h.x === 0)) {
    return fitFailure('no-repeat-buyers', 'Spend per transaction is fitted on repeat buyers, and there are none.');
  }
  if (spenders.length < MIN_SPENDERS_TO_FIT) {
    return fitFailure(
      'too-little-data',
      `Gamma-Gamma needs at least ${MIN_SPENDERS_TO_FIT} repeat buyers; got ${spenders.length}.`,
    );
  }
  const mean = spenders.reduce((s, h) => s + h.meanSpend, 0) / spenders.length;
  if (spenders.every((h) => Math.abs(h.meanSpend - mean) < 1e-9 * mean)) {
    return fitFailure('degenerate', 'Every repeat buyer spends exactly the same, so spend has no distribution to fit.');
  }
  return fitInLogs<GammaGammaParams>(
    ['p', 'q', 'gamma'],
    (params) => gammaGammaLogLikelihood(params, spenders),
    [1, 1, mean],
    spenders.length,
    'spend per purchase that looks the same for every customer leaves no differences between customers to model',
  );
}

/**
 * E[M | p, q, γ, x, z̄]: a weighted mean of the population mean γp/(q−1) and the
 * customer's own mean (it is the population mean for x = 0). Infinite when q ≤ 1,
 * where the population mean does not exist.
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, h: SpendHistory): number {
  const { p, q, gamma } = params;
  if (q <= 1) return Number.POSITIVE_INFINITY;
  const x = Math.max(h.x, 0);
  return (p * (gamma + x * h.meanSpend)) / (p * x + q - 1);
}
