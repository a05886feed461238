import { describe, expect, it } from 'vitest';
import { aggregateDirect, aggregatePartitioned } from './aggregate-orders.ts';

const columns = (rows: { c: number; d: number; a: number }[], customers: number) => ({
  customers,
  customer: Uint32Array.from(rows, (r) => r.c),
  day: Int32Array.from(rows, (r) => r.d),
  amount: Float64Array.from(rows, (r) => r.a),
});

// The property test comparing the two paths on generated orders is in fast-path.property.test.ts.
describe('aggregateOrders', () => {
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
