import { describe, expect, it } from 'vitest';
import type { Message } from './message';
import { createProfile, recordMessage, summarize } from './profile';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T12:00:00Z');
let n = 0;
const track = (event: string, properties: Record<string, unknown>, daysAgo: number): Message => ({
  type: 'track',
  event,
  properties,
  messageId: `m${++n}`,
  anonymousId: 'a',
  timestamp: new Date(NOW - daysAgo * DAY).toISOString(),
  context: { library: { name: 't', version: '0' } },
});
const order = (id: string, revenue: number, daysAgo: number) =>
  track(
    'Order Completed',
    { order_id: id, revenue, products: [{ product_id: `p-${id}`, category: 'Coffee', price: revenue }] },
    daysAgo,
  );

describe('profile', () => {
  it('should score a frequent, recent, big spender as a high-value champion with low churn risk', () => {
    const p = createProfile(NOW - 400 * DAY, 's');
    for (let i = 0; i < 8; i++) recordMessage(p, order(`o${i}`, 150, 5 + i * 20));
    const s = summarize(p, NOW);
    expect(s).toMatchObject({
      orders: 8,
      monetary: 1200,
      rfm: { r: 5, f: 5, m: 5 },
      segment: 'champions',
      stage: 'high-value',
    });
    expect(s.churnRisk).toBeLessThan(0.2);
  });

  it('should see a one-time buyer from a year ago as lapsed and lost', () => {
    const p = createProfile(NOW - 400 * DAY, 's');
    recordMessage(p, order('old', 40, 380));
    expect(summarize(p, NOW)).toMatchObject({ rfm: { r: 1, f: 1, m: 1 }, segment: 'lost', stage: 'lapsed' });
  });

  it('should count an order once even when its event arrives twice', () => {
    const p = createProfile(NOW, 's');
    const message = order('dup', 10, 1);
    recordMessage(p, message);
    recordMessage(p, { ...message, messageId: 'other' });
    expect(summarize(p, NOW).orders).toBe(1);
  });

  it('should keep recently viewed products newest first without duplicates, and weigh recent interest more', () => {
    const p = createProfile(NOW - 100 * DAY, 's');
    recordMessage(p, track('Product Viewed', { product_id: 'tea', category: 'Tea' }, 90));
    recordMessage(p, track('Product Viewed', { product_id: 'tea', category: 'Tea' }, 89));
    recordMessage(p, track('Product Viewed', { product_id: 'kettle', category: 'Kitchen', price: 59 }, 1));
    const s = summarize(p, NOW);
    expect(s.viewed.map((v) => v.id)).toEqual(['kettle', 'tea']);
    expect(s.affinities[0]?.category).toBe('Kitchen');
    expect(s.affinities.reduce((sum, a) => sum + a.share, 0)).toBeCloseTo(1);
  });

  it('should track the cart from Product Added and Product Removed and empty it on an order', () => {
    const p = createProfile(NOW, 's');
    recordMessage(p, track('Product Added', { product_id: 'a' }, 0));
    recordMessage(p, track('Product Added', { product_id: 'b' }, 0));
    recordMessage(p, track('Product Removed', { product_id: 'a' }, 0));
    expect(p.cart).toEqual(['b']);
    recordMessage(p, order('o', 5, 0));
    expect(p.cart).toEqual([]);
  });
});
