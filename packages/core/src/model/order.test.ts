import { describe, expect, it } from 'vitest';
import { type Order, OrderSchema } from './order.ts';

const order: Order = {
  id: 'o1',
  createdAt: '2026-01-02T10:00:00.000Z',
  updatedAt: '2026-01-02T10:00:00.000Z',
  version: 1,
  contactId: 'c1',
  placedAt: '2026-01-02T09:59:00+01:00',
  status: 'paid',
  currency: 'EUR',
  lineItems: [{ name: 'Mug', quantity: 2, unitPrice: { amount: 9.5, currency: 'EUR' } }],
  discounts: [{ code: 'WELCOME', amount: { amount: 2, currency: 'EUR' } }],
  total: { amount: 17, currency: 'EUR' },
  externalIds: { shopify: '1042' },
};

describe('OrderSchema', () => {
  it('should accept an order whose amounts all share its currency', () => {
    expect(OrderSchema.parse(order)).toEqual(order);
  });

  it('should name every amount whose currency differs from the order currency', () => {
    const bad = { ...order, lineItems: [{ ...order.lineItems[0], unitPrice: { amount: 9.5, currency: 'USD' } }] };
    const result = OrderSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([['lineItems', 0, 'unitPrice']]);
  });

  it('should reject a time without an offset, a lower-case currency and a zero quantity', () => {
    expect(OrderSchema.safeParse({ ...order, placedAt: '2026-01-02 10:00' }).success).toBe(false);
    expect(OrderSchema.safeParse({ ...order, currency: 'eur' }).success).toBe(false);
    const zero = { ...order, lineItems: [{ ...order.lineItems[0], quantity: 0 }] };
    expect(OrderSchema.safeParse(zero).success).toBe(false);
  });
});
