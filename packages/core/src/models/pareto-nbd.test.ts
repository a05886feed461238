import { describe, expect, it } from 'vitest';
import { cdnowSummary } from '../../bench/shared-data.ts';
import { prepareCohort } from './customer-history.ts';
import {
  fitParetoNbd,
  type ParetoNbdParams,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoNbdProbabilityAlive,
} from './pareto-nbd.ts';

const PUBLISHED: ParetoNbdParams = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const sig3 = (v: number) => Number(v.toPrecision(3));

describe('fitParetoNbd on CDNOW', () => {
  const fit = fitParetoNbd(cdnowSummary());

  it('should reproduce the published parameters to 3 significant digits', () => {
    expect(fit.ok).toBe(true);
    if (!fit.ok) return;
    for (const key of ['r', 'alpha', 's', 'beta'] as const) expect(sig3(fit.params[key])).toBe(sig3(PUBLISHED[key]));
  });

  it('should reproduce the published log-likelihood −9595.0 to 0.1', () => {
    expect(fit.ok && fit.logLikelihood).toBeCloseTo(-9595.0, 1);
    expect(paretoNbdLogLikelihood(PUBLISHED, prepareCohort(cdnowSummary()))).toBeCloseTo(-9595.0, 1);
  });
});

describe('Pareto/NBD predictions', () => {
  it('should keep P(alive) in [0, 1], falling with silence, and 1 for a purchase right now', () => {
    const h = { x: 2, tx: 30.43, T: 38.86 };
    const now = paretoNbdProbabilityAlive(PUBLISHED, h);
    expect(now).toBeGreaterThan(0);
    expect(now).toBeLessThan(1);
    expect(paretoNbdProbabilityAlive(PUBLISHED, { ...h, T: 60 })).toBeLessThan(now);
    expect(paretoNbdProbabilityAlive(PUBLISHED, { x: 2, tx: 38.86, T: 38.86 })).toBe(1);
  });

  it('should expect more purchases from a customer who is more likely alive', () => {
    const recent = paretoNbdConditionalExpectedPurchases(PUBLISHED, { x: 2, tx: 38, T: 38.86 }, 39);
    const quiet = paretoNbdConditionalExpectedPurchases(PUBLISHED, { x: 2, tx: 5, T: 38.86 }, 39);
    expect(recent).toBeGreaterThan(quiet);
    expect(quiet).toBeGreaterThan(0);
  });

  it('should refuse a cohort without repeat buyers', () => {
    const once = Array.from({ length: 30 }, (_, i) => ({ x: 0, tx: 0, T: 5 + i }));
    expect(fitParetoNbd(once)).toMatchObject({ ok: false, reason: 'no-repeat-buyers' });
  });
});
