import { describe, expect, it } from 'vitest';
import { cdnowSampleOrders, cdnowSpend, cdnowSummary } from '../../bench/shared-data.ts';
import { parseDayNumber } from '../rfm/day-number.ts';
import { fitBgNbd } from './bg-nbd.ts';
import { summarizeCalibration } from './calibration-summary.ts';

const calibrationEnd = parseDayNumber('1997-09-30') as number;
const holdoutEnd = parseDayNumber('1998-06-30') as number;

describe('summarizeCalibration on the raw CDNOW transactions', () => {
  const summary = summarizeCalibration(cdnowSampleOrders(), { calibrationEnd, holdoutEnd });
  const byId = new Map(summary.map((s) => [Number(s.customerId), s]));

  it('should find the 2,357 customers, 946 of them repeat buyers', () => {
    expect(summary).toHaveLength(2357);
    expect(summary.filter((s) => s.x > 0)).toHaveLength(946);
  });

  it('should match the published summary (x exactly; t_x, T and z̄ to their 2 printed decimals)', () => {
    const spend = new Map(cdnowSpend().map((s) => [s.id, s.meanSpend]));
    for (const published of cdnowSummary()) {
      const ours = byId.get(published.id);
      expect(ours?.x).toBe(published.x);
      expect(Math.abs((ours?.tx ?? Number.NaN) - published.tx)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs((ours?.T ?? Number.NaN) - published.T)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs((ours?.meanSpend ?? Number.NaN) - (spend.get(published.id) as number))).toBeLessThanOrEqual(
        0.005 + 1e-9,
      );
    }
  });

  it('should count the 1,882 repeat purchases of weeks 40–78', () => {
    expect(summary.reduce((n, s) => n + s.holdoutPurchases, 0)).toBe(1882);
  });

  it('should fit the same BG/NBD parameters from raw transactions as from the published summary', () => {
    const fit = fitBgNbd(summary);
    expect(fit.ok && Number(fit.params.r.toPrecision(3))).toBe(0.243);
    expect(fit.ok && fit.logLikelihood).toBeCloseTo(-9582.4, 0);
  });
});

describe('summarizeCalibration conventions', () => {
  const day = (d: string) => parseDayNumber(d) as number;

  it('should merge purchases on the same day and leave the first purchase out of x and z̄', () => {
    const [s] = summarizeCalibration(
      [
        { customerId: 'a', day: day('2024-01-01'), amount: 100 },
        { customerId: 'a', day: day('2024-01-08'), amount: 10 },
        { customerId: 'a', day: day('2024-01-08'), amount: 20 },
        { customerId: 'a', day: day('2024-01-22'), amount: 30 },
      ],
      { calibrationEnd: day('2024-01-29') },
    );
    expect(s).toMatchObject({ x: 2, tx: 3, T: 4, meanSpend: 30 });
  });

  it('should leave out customers whose first purchase is after the calibration end', () => {
    const out = summarizeCalibration([{ customerId: 'late', day: day('2024-03-01'), amount: 5 }], {
      calibrationEnd: day('2024-01-29'),
    });
    expect(out).toEqual([]);
  });
});
