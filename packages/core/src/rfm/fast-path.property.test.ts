// The fast RFM path against the straightforward one (testing/reference-rfm.ts) on generated
// data: ties, tiny inputs, future orders, every bin count, edited rule tables, integer
// ranges too long to tabulate, and the large-input paths (partitioning, radix selection).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SegmentRule } from '../segments/segment-rules.ts';
import { createRandom } from '../testing/random.ts';
import { referenceRfmColumns } from '../testing/reference-rfm.ts';
import { aggregateDirect, aggregatePartitioned } from './aggregate-orders.ts';
import { radixStatistics } from './quantile-thresholds.ts';
import { type OrderColumns, type RfmColumns, scoreRfmColumns } from './score-rfm.ts';

const AS_OF = 10_000;
/** Generous: these run hundreds of cases and the CI machine is shared; they assert results, never times. */
const LOADED_MACHINE_TIMEOUT = 60_000;

/** Element by element with Object.is: bit-identical, and far faster than a deep equal on typed arrays. */
const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.prototype.every.call(a, (v, i) => Object.is(v, b[i]));

function expectSameRfm(fast: RfmColumns, slow: RfmColumns) {
  expect(fast.thresholds).toEqual(slow.thresholds);
  expect({ scored: fast.scoredCustomers, ignored: fast.ignoredOrders }).toEqual({
    scored: slow.scoredCustomers,
    ignored: slow.ignoredOrders,
  });
  for (const key of ['recencyDays', 'frequency', 'monetary', 'r', 'f', 'm', 'segment'] as const) {
    expect(same(fast[key], slow[key]), key).toBe(true);
  }
  expect(fast.segmentNames).toEqual(slow.segmentNames);
}

/** Few distinct amounts make ties likely; any double makes them unlikely. */
const amountArb = fc.oneof(
  fc.constantFrom(0, 5, 12.5, 12.5, 40, 99.99),
  fc.double({ min: -500, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((v) => v + 0),
);

/** Days near the analysis date (some after it) or, for a whole run, spread over millennia (too long a range to tabulate). */
const dayArb = (wide: boolean) => fc.integer({ min: AS_OF - (wide ? 900_000 : 60), max: AS_OF + 5 });

/** Small inputs, drawn order by order so that fast-check can shrink a failure to a few orders. */
function ordersArb(maxCustomers: number, maxOrders: number): fc.Arbitrary<OrderColumns> {
  return fc.tuple(fc.integer({ min: 1, max: maxCustomers }), fc.boolean()).chain(([customers, wide]) =>
    fc
      .array(fc.tuple(fc.integer({ min: 0, max: customers - 1 }), dayArb(wide), amountArb), {
        maxLength: maxOrders,
        size: 'max',
      })
      .map((rows) => ({
        customers,
        customer: Uint32Array.from(rows, (row) => row[0]),
        day: Int32Array.from(rows, (row) => row[1]),
        amount: Float64Array.from(rows, (row) => row[2]),
      })),
  );
}

/** Large inputs from a seed (fast-check draws the seed and the shape; the orders come from the seeded generator). */
function largeOrdersArb(customers: { min: number; max: number }, orders: { min: number; max: number }) {
  return fc
    .record({
      seed: fc.integer(),
      customers: fc.integer(customers),
      orders: fc.integer(orders),
      ties: fc.boolean(),
      wide: fc.boolean(),
    })
    .map(({ seed, customers, orders, ties, wide }): OrderColumns => {
      const random = createRandom(seed);
      const columns = {
        customers,
        customer: new Uint32Array(orders),
        day: new Int32Array(orders),
        amount: new Float64Array(orders),
      };
      for (let i = 0; i < orders; i++) {
        columns.customer[i] = random.int(0, customers - 1);
        columns.day[i] = random.int(AS_OF - (wide ? 900_000 : 400), AS_OF + 5);
        columns.amount[i] = ties ? random.pick([0, 5, 12.5, 40]) : Math.round(random.exponential(80) * 100) / 100;
      }
      return columns;
    });
}

const rangeArb = (bins: number) =>
  fc
    .tuple(fc.integer({ min: 1, max: bins }), fc.integer({ min: 1, max: bins }))
    .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]);

/** A user-edited table for `bins` (unique names, none "Others"), or the default one. */
const rulesArb = (bins: number): fc.Arbitrary<SegmentRule[] | undefined> =>
  fc.option(
    fc
      .array(fc.tuple(rangeArb(bins), rangeArb(bins), rangeArb(bins)), { minLength: 1, maxLength: 12 })
      .map((ranges) =>
        ranges.map(([recency, frequency, monetary], i) => ({ name: `S${i}`, recency, frequency, monetary })),
      ),
    { nil: undefined },
  );

describe('the fast RFM path', () => {
  it(
    'should equal the straightforward implementation on small inputs, ties and future orders included',
    () => {
      fc.assert(
        fc.property(
          ordersArb(40, 120),
          fc.integer({ min: 2, max: 10 }).chain((bins) => fc.tuple(fc.constant(bins), rulesArb(bins))),
          (orders, [bins, rules]) => {
            const options = { asOfDay: AS_OF, bins, ...(rules && { rules }) };
            expectSameRfm(scoreRfmColumns(orders, options), referenceRfmColumns(orders, options));
          },
        ),
        { numRuns: 200 },
      );
    },
    LOADED_MACHINE_TIMEOUT,
  );

  it(
    'should equal it where the radix selection takes the thresholds (over 4,096 customers with orders)',
    () => {
      fc.assert(
        fc.property(
          largeOrdersArb({ min: 5_000, max: 6_000 }, { min: 20_000, max: 30_000 }),
          fc.integer({ min: 2, max: 10 }),
          (orders, bins) => {
            expectSameRfm(
              scoreRfmColumns(orders, { asOfDay: AS_OF, bins }),
              referenceRfmColumns(orders, { asOfDay: AS_OF, bins }),
            );
          },
        ),
        { numRuns: 12 },
      );
    },
    LOADED_MACHINE_TIMEOUT,
  );

  it(
    'should equal it where the orders are partitioned by customer (over 131,072 customers)',
    () => {
      fc.assert(
        fc.property(
          ordersArb(140_000, 20_000).filter((o) => o.customers >= 1 << 17),
          (orders) => {
            expectSameRfm(scoreRfmColumns(orders, { asOfDay: AS_OF }), referenceRfmColumns(orders, { asOfDay: AS_OF }));
          },
        ),
        { numRuns: 4 },
      );
    },
    LOADED_MACHINE_TIMEOUT,
  );
});

describe('aggregatePartitioned', () => {
  it(
    'should sum bit-identically to the direct loop whatever the chunk size',
    () => {
      fc.assert(
        fc.property(ordersArb(10_000, 300), fc.integer({ min: 1, max: 64 }), (orders, chunk) => {
          const direct = aggregateDirect(orders, AS_OF);
          const partitioned = aggregatePartitioned(orders, AS_OF, chunk);
          expect(partitioned.ignoredOrders).toBe(direct.ignoredOrders);
          expect(same(partitioned.frequency, direct.frequency)).toBe(true);
          expect(same(partitioned.monetary, direct.monetary)).toBe(true);
          expect(same(partitioned.recencyDays, direct.recencyDays)).toBe(true);
        }),
        { numRuns: 150 },
      );
    },
    LOADED_MACHINE_TIMEOUT,
  );
});

describe('radixStatistics', () => {
  it('should agree with sorting, for ties, signs, zeros and a filter, down to one value', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(0, 1, 1, -1, 2.5, 1e-300, -1e-300, 65_536),
            fc.double({ noNaN: true }).map((v) => v + 0),
          ),
          { minLength: 1, maxLength: 300 },
        ),
        fc.infiniteStream(fc.boolean()),
        fc.array(fc.nat(), { minLength: 1, maxLength: 18 }),
        (values, keep, rawRanks) => {
          const where = Uint8Array.from(values, () => (keep.next().value ? 1 : 0));
          where[0] = 1;
          const kept = values.filter((_, i) => where[i] === 1).sort((a, b) => a - b);
          const ranks = [...new Set(rawRanks.map((r) => r % kept.length))].sort((a, b) => a - b);
          const stats = radixStatistics(Float64Array.from(values), ranks, where);
          // == rather than Object.is: −0 and 0 are the same order statistic.
          for (const k of ranks) expect(stats.get(k) === kept[k]).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
