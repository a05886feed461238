import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderStatistics, rfmThresholds, scoreAgainst } from './quantile-thresholds.ts';

describe('rfmThresholds', () => {
  it("should equal R's quantile(type = 7) at k/n plus one", () => {
    // quantile(1:10, c(.2, .4, .6, .8)) is 2.8, 4.6, 6.4, 8.2 in R.
    const thresholds = rfmThresholds(
      Float64Array.from({ length: 10 }, (_, i) => i + 1),
      5,
    );
    expect(thresholds.map((t) => Number(t.toFixed(10)))).toEqual([3.8, 5.6, 7.4, 9.2]);
  });

  it('should return no thresholds for no values', () => {
    expect(rfmThresholds([], 5)).toEqual([]);
  });

  it('should give a single value the lowest score', () => {
    const thresholds = rfmThresholds([7], 5);
    expect(scoreAgainst(7, thresholds)).toBe(1);
  });
});

describe('orderStatistics', () => {
  it('should agree with sorting for integers (counting) and for fractions (selection)', () => {
    fc.assert(
      fc.property(
        // `+ 0` turns −0 into 0: the two are the same order statistic but not Object.is-equal.
        fc.array(
          fc.oneof(
            fc.integer({ min: -50, max: 50 }),
            fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v + 0),
          ),
          {
            minLength: 1,
            maxLength: 200,
          },
        ),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        (values, rawRanks) => {
          const ranks = [...new Set(rawRanks.map((r) => r % values.length))].sort((a, b) => a - b);
          const sorted = [...values].sort((a, b) => a - b);
          const stats = orderStatistics(values, ranks);
          for (const k of ranks) expect(stats.get(k)).toBe(sorted[k]);
        },
      ),
    );
  });

  it('should count integers of a wide but bounded range and select beyond it', () => {
    const wide = [0, 5_000_000, 3, 2];
    expect(orderStatistics(wide, [0, 1, 3])).toEqual(
      new Map([
        [0, 0],
        [1, 2],
        [3, 5_000_000],
      ]),
    );
  });
});
