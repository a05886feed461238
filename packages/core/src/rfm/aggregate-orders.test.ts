import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateDirect, aggregatePartitioned } from './aggregate-orders.ts';

const columns = (rows: { c: number; d: number; a: number }[], customers: number) => ({
  customers,
  customer: Uint32Array.from(rows, (r) => r.c),
  day: Int32Array.from(rows, (r) => r.d),
  amount: Float64Array.from(rows, (r) => r.a),
});

describe('aggregateOrders', () => {
  it('should give bit-identical results on the direct and the partitioned path', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }).chain((customers) =>
          fc.tuple(
            fc.constant(customers),
            fc.array(
              fc.record({
                c: fc.integer({ min: 0, max: customers - 1 }),
                d: fc.integer({ min: 9_000, max: 10_100 }),
                a: fc.double({ min: 0, max: 1e5, noNaN: true }),
              }),
              { maxLength: 300 },
            ),
          ),
        ),
        ([customers, rows]) => {
          const orders = columns(rows, customers);
          const direct = aggregateDirect(orders, 10_000);
          const partitioned = aggregatePartitioned(orders, 10_000);
          // Element by element with Object.is: bit-identical, and far faster than a deep equal on typed arrays.
          const same = (a: ArrayLike<number>, b: ArrayLike<number> | undefined) =>
            b !== undefined && a.length === b.length && Array.prototype.every.call(a, (v, i) => Object.is(v, b[i]));
          expect(partitioned?.ignoredOrders).toBe(direct.ignoredOrders);
          expect(same(direct.frequency, partitioned?.frequency)).toBe(true);
          expect(same(direct.monetary, partitioned?.monetary)).toBe(true);
          expect(same(direct.recencyDays, partitioned?.recencyDays)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('should hand orders too old to pack (over 2,870 years) to the direct loop and still agree with it', () => {
    const orders = columns(
      [
        { c: 0, d: 5, a: 1.5 },
        { c: 1, d: 12, a: 7 },
        { c: 0, d: -2_000_000, a: 2.25 },
        { c: 1, d: 20, a: 3 },
        { c: 0, d: 9, a: 0.5 },
      ],
      2,
    );
    expect(aggregatePartitioned(orders, 10)).toEqual(aggregateDirect(orders, 10));
    expect(aggregatePartitioned(orders, 10)).toMatchObject({ ignoredOrders: 2, recencyDays: Int32Array.of(1, -1) });
  });

  it('should refuse an order of a customer outside the index on both paths', () => {
    const orders = columns([{ c: 5, d: 1, a: 1 }], 2);
    expect(() => aggregateDirect(orders, 10)).toThrow(RangeError);
    expect(() => aggregatePartitioned(orders, 10)).toThrow(RangeError);
  });
});
