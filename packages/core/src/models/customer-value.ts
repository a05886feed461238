import * as z from 'zod';
import { type BgNbdParams, bgNbdConditionalExpectedPurchases, bgNbdProbabilityAlive, fitBgNbd } from './bg-nbd.ts';
import type { CustomerSummary } from './calibration-summary.ts';
import type { CustomerHistory } from './customer-history.ts';
import type { FitFailure, FitResult } from './fit-result.ts';
import { fitGammaGamma, type GammaGammaParams, gammaGammaExpectedSpend } from './gamma-gamma.ts';

export const ClvOptionsSchema = z.object({
  /** How far ahead to value purchases, in model time units (weeks for CDNOW: 39 = the holdout). */
  horizon: z.number().positive().max(10_000).default(39),
  /** Annual discount rate (0.1 = 10 % a year), applied per time unit as (1 + R)^(1/unitsPerYear) − 1. */
  discountRate: z.number().min(0).max(10).default(0.1),
  unitsPerYear: z.number().positive().default(52),
});
export type ClvOptions = z.input<typeof ClvOptionsSchema>;

/**
 * Discounted expected value of a customer's purchases over the horizon: the expected
 * purchases of each time unit (the increments of E[Y(t)]) times the expected spend per
 * purchase, discounted to today at the end of the unit.
 */
export function customerLifetimeValue(
  purchases: BgNbdParams,
  spendPerPurchase: number,
  history: CustomerHistory,
  options: ClvOptions = {},
): number {
  const { horizon, discountRate, unitsPerYear } = ClvOptionsSchema.parse(options);
  const perUnit = (1 + discountRate) ** (1 / unitsPerYear) - 1;
  let value = 0;
  let before = 0;
  for (let k = 1; k <= Math.ceil(horizon); k++) {
    const t = Math.min(k, horizon);
    const upTo = bgNbdConditionalExpectedPurchases(purchases, history, t);
    value += (upTo - before) / (1 + perUnit) ** t;
    before = upTo;
  }
  return value * spendPerPurchase;
}

export interface CustomerValue {
  readonly customerId: string;
  readonly x: number;
  readonly tx: number;
  readonly T: number;
  readonly pAlive: number;
  readonly expectedPurchases: number;
  readonly expectedAvgSpend: number;
  readonly clv: number;
}

export type CohortValue =
  | {
      readonly ok: true;
      readonly bgNbd: FitResult<BgNbdParams> & { ok: true };
      readonly gammaGamma: FitResult<GammaGammaParams> & { ok: true };
      readonly customers: CustomerValue[];
      readonly totals: { readonly expectedPurchases: number; readonly customerEquity: number };
    }
  | (FitFailure & { readonly model: 'bgnbd' | 'gammaGamma' });

/**
 * The whole chain for a cohort: BG/NBD for how many purchases, Gamma-Gamma for how much
 * each, CLV per customer and customer equity (their sum). Either model failing to fit
 * fails the chain with that model's reason: a CLV without one of them would be made up.
 */
export function valueCohort(summaries: readonly CustomerSummary[], options: ClvOptions = {}): CohortValue {
  const parsed = ClvOptionsSchema.parse(options);
  const bgNbd = fitBgNbd(summaries);
  if (!bgNbd.ok) return { ...bgNbd, model: 'bgnbd' };
  const gammaGamma = fitGammaGamma(summaries.map((s) => ({ x: s.x, meanSpend: s.meanSpend })));
  if (!gammaGamma.ok) return { ...gammaGamma, model: 'gammaGamma' };
  let expectedPurchasesTotal = 0;
  let equity = 0;
  const customers = summaries.map((s): CustomerValue => {
    const expectedPurchases = bgNbdConditionalExpectedPurchases(bgNbd.params, s, parsed.horizon);
    const expectedAvgSpend = gammaGammaExpectedSpend(gammaGamma.params, s);
    const clv = customerLifetimeValue(bgNbd.params, expectedAvgSpend, s, parsed);
    expectedPurchasesTotal += expectedPurchases;
    equity += clv;
    return {
      customerId: s.customerId,
      x: s.x,
      tx: s.tx,
      T: s.T,
      pAlive: bgNbdProbabilityAlive(bgNbd.params, s),
      expectedPurchases,
      expectedAvgSpend,
      clv,
    };
  });
  return {
    ok: true,
    bgNbd,
    gammaGamma,
    customers,
    totals: { expectedPurchases: expectedPurchasesTotal, customerEquity: equity },
  };
}
