import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RfmOrder, scoreRfm } from './score-rfm.ts';

const AS_OF = 20_000;
const orderArb = fc.record({
  customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
  day: fc.integer({ min: AS_OF - 400, max: AS_OF }),
  amount: fc.integer({ min: 0, max: 100_000 }).map((cents) => cents / 100),
});
const ordersArb = fc.array(orderArb, { minLength: 1, maxLength: 60 });
const byCustomer = (orders: RfmOrder[]) =>
  new Map(scoreRfm(orders, { asOfDay: AS_OF }).rows.map((row) => [row.customerId, row]));

describe('scoreRfm properties', () => {
  it('should give the same scores and segments whatever the order of the rows', () => {
    fc.assert(
      fc.property(ordersArb, fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (orders, noise) => {
        const shuffled = orders
          .map((order) => ({ order, key: noise.next().value as number }))
          .sort((x, y) => x.key - y.key)
          .map((x) => x.order);
        const a = byCustomer(orders);
        const b = byCustomer(shuffled);
        for (const [id, row] of a) {
          const other = b.get(id);
          expect(other).toMatchObject({ r: row.r, f: row.f, m: row.m, segment: row.segment, frequency: row.frequency });
          expect(other?.monetary).toBeCloseTo(row.monetary, 6);
        }
      }),
    );
  });

  it('should never lower frequency or monetary value when an order is added', () => {
    fc.assert(
      fc.property(ordersArb, orderArb, (orders, extra) => {
        const before = byCustomer(orders);
        const after = byCustomer([...orders, extra]);
        for (const [id, row] of before) {
          const next = after.get(id);
          expect(next?.frequency).toBeGreaterThanOrEqual(row.frequency);
          expect(next?.monetary).toBeGreaterThanOrEqual(row.monetary - 1e-9);
        }
        expect(after.get(extra.customerId)?.frequency).toBe((before.get(extra.customerId)?.frequency ?? 0) + 1);
      }),
    );
  });
});
