import { describe, expect, it } from 'vitest';
import { cdnowSpend } from '../../bench/shared-data.ts';
import { fitGammaGamma, gammaGammaExpectedSpend, gammaGammaLogLikelihood } from './gamma-gamma.ts';

const sig3 = (v: number) => Number(v.toPrecision(3));

describe('fitGammaGamma on CDNOW', () => {
  const fit = fitGammaGamma(cdnowSpend());

  it('should fit the 946 repeat customers and reproduce p = 6.25, q = 3.74, γ = 15.44 to 3 significant digits', () => {
    expect(fit).toMatchObject({ ok: true, customers: 946 });
    if (!fit.ok) return;
    expect([sig3(fit.params.p), sig3(fit.params.q), sig3(fit.params.gamma)]).toEqual([6.25, 3.74, 15.4]);
  });

  it('should reproduce the log-likelihood −4055.92 of the mean-spend density', () => {
    expect(fit.ok && fit.logLikelihood).toBeCloseTo(-4055.92, 1);
    expect(gammaGammaLogLikelihood({ p: 6.25, q: 3.74, gamma: 15.44 }, cdnowSpend())).toBeCloseTo(-4055.92, 1);
  });
});

describe('gammaGammaExpectedSpend', () => {
  const params = { p: 6.25, q: 3.74, gamma: 15.44 };

  it('should give a customer without repeat purchases the population mean γp/(q − 1)', () => {
    expect(gammaGammaExpectedSpend(params, { x: 0, meanSpend: 0 })).toBeCloseTo((15.44 * 6.25) / 2.74, 10);
  });

  it('should move towards the customer’s own mean as purchases accumulate', () => {
    const few = gammaGammaExpectedSpend(params, { x: 1, meanSpend: 100 });
    const many = gammaGammaExpectedSpend(params, { x: 50, meanSpend: 100 });
    expect(few).toBeLessThan(many);
    expect(many).toBeLessThan(100);
    expect(many).toBeGreaterThan(90);
  });
});

describe('fitGammaGamma reports what it cannot fit', () => {
  it('should refuse a cohort without repeat buyers', () => {
    expect(fitGammaGamma([{ x: 0, meanSpend: 0 }])).toMatchObject({ ok: false, reason: 'no-repeat-buyers' });
  });

  it('should refuse fewer than 10 repeat buyers', () => {
    expect(
      fitGammaGamma(
        cdnowSpend()
          .filter((h) => h.x > 0)
          .slice(0, 3),
      ),
    ).toMatchObject({
      ok: false,
      reason: 'too-little-data',
    });
  });

  it('should refuse spend without variation', () => {
    const same = Array.from({ length: 20 }, () => ({ x: 2, meanSpend: 10 }));
    expect(fitGammaGamma(same)).toMatchObject({ ok: false, reason: 'degenerate' });
  });
});
