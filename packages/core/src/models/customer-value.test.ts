import { describe, expect, it } from 'vitest';
import { cdnowSampleOrders, rfmPackageOrders } from '../../bench/shared-data.ts';
import { parseDayNumber } from '../rfm/day-number.ts';
import { bgNbdConditionalExpectedPurchases } from './bg-nbd.ts';
import { summarizeCalibration } from './calibration-summary.ts';
import { customerLifetimeValue, valueCohort } from './customer-value.ts';

const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const example = { x: 2, tx: 30.43, T: 38.86 };

describe('customerLifetimeValue', () => {
  it('should be expected purchases times spend when nothing is discounted', () => {
    const clv = customerLifetimeValue(BG, 35, example, { horizon: 39, discountRate: 0 });
    expect(clv).toBeCloseTo(bgNbdConditionalExpectedPurchases(BG, example, 39) * 35, 10);
  });

  it('should shrink as the discount rate grows and grow with the horizon', () => {
    const at = (discountRate: number, horizon: number) =>
      customerLifetimeValue(BG, 35, example, { horizon, discountRate });
    expect(at(0.2, 39)).toBeLessThan(at(0.05, 39));
    expect(at(0.1, 78)).toBeGreaterThan(at(0.1, 39));
  });

  it('should reject a negative discount rate', () => {
    expect(() => customerLifetimeValue(BG, 35, example, { discountRate: -0.1 })).toThrow();
  });
});

describe('valueCohort on CDNOW', () => {
  const summaries = summarizeCalibration(cdnowSampleOrders(), {
    calibrationEnd: parseDayNumber('1997-09-30') as number,
  });

  it('should fit both models and sum the CLVs into customer equity', () => {
    const value = valueCohort(summaries, { horizon: 39, discountRate: 0.1 });
    expect(value.ok).toBe(true);
    if (!value.ok) return;
    expect(Number(value.gammaGamma.params.p.toPrecision(3))).toBe(6.25);
    expect(value.customers).toHaveLength(2357);
    const equity = value.customers.reduce((s, c) => s + c.clv, 0);
    expect(value.totals.customerEquity).toBeCloseTo(equity, 6);
    expect(value.totals.expectedPurchases).toBeCloseTo(1654, -1);
    for (const c of value.customers) {
      expect(c.pAlive).toBeGreaterThanOrEqual(0);
      expect(c.pAlive).toBeLessThanOrEqual(1);
      expect(c.clv).toBeGreaterThanOrEqual(0);
    }
  });

  it('should say which model failed instead of valuing customers without repeat buyers', () => {
    const once = summaries.filter((s) => s.x === 0);
    expect(valueCohort(once)).toMatchObject({ ok: false, model: 'bgnbd', reason: 'no-repeat-buyers' });
  });

  it('should refuse the rfm package orders, whose spend is the same for everyone, instead of inventing a CLV', () => {
    const rfmCohort = summarizeCalibration(rfmPackageOrders(), {
      calibrationEnd: parseDayNumber('2006-12-31') as number,
    });
    const value = valueCohort(rfmCohort);
    expect(value).toMatchObject({ ok: false, model: 'gammaGamma', reason: 'degenerate' });
    expect(!value.ok && value.message).toContain('spend per purchase that looks the same');
  });
});
