import { describe, expect, it } from 'vitest';
import { hyp2f1, logBeta, logGamma, logSumExp } from './special-functions.ts';

describe('logGamma', () => {
  it('should match known values to 1e-13', () => {
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(0.01)).toBeCloseTo(4.599479878042022, 12);
    expect(logGamma(171)).toBeCloseTo(706.5730622457874, 9);
  });

  it('should be NaN outside x > 0', () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1.5)).toBeNaN();
  });

  it('should give ln B(2, 3) = ln(1/12)', () => {
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 13);
  });
});

describe('hyp2f1', () => {
  it('should equal −ln(1 − z)/z for a = b = 1, c = 2, also close to z = 1', () => {
    for (const z of [0.1, 0.5, 0.9, 0.99]) expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 10);
  });

  it('should equal (1 − z)^−a when b = c', () => {
    expect(hyp2f1(0.7, 3, 3, 0.6)).toBeCloseTo(0.4 ** -0.7, 12);
  });

  it('should refuse arguments outside [0, 1)', () => {
    expect(hyp2f1(1, 1, 2, 1)).toBeNaN();
    expect(hyp2f1(1, 1, 2, -0.5)).toBeNaN();
  });
});

describe('logSumExp', () => {
  it('should add in log space without overflow', () => {
    expect(logSumExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 10);
    expect(logSumExp(Number.NEGATIVE_INFINITY, -3)).toBe(-3);
  });
});
