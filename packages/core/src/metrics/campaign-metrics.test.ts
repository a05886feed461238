import { describe, expect, it } from 'vitest';
import type { Campaign } from '../model/campaign.ts';
import type { CampaignResponse } from '../model/campaign-response.ts';
import type { Order } from '../model/order.ts';
import { generateDataset } from '../testing/generate.ts';
import { computeCampaignPerformance, purchaseHistories, responseOutcome } from './campaign-metrics.ts';
import { computeMarketingMetrics } from './marketing-metrics.ts';

// Hand-made records: generated ones with the fields that matter overridden.
const base = generateDataset({ seed: 5, contacts: 5 });
const DAY = 86_400_000;
const T = Date.parse('2026-03-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const campaign = (id: string): Campaign => ({ ...(base.campaigns[0] as Campaign), id, name: `Campaign ${id}` });
const response = (
  campaignId: string,
  contactId: string,
  kind: CampaignResponse['response'],
  at: number,
  extra: Partial<CampaignResponse> = {},
): CampaignResponse => ({
  id: `${campaignId}-${contactId}-${kind}-${at}`,
  createdAt: iso(at),
  updatedAt: iso(at),
  version: 1,
  campaignId,
  contactId,
  response: kind,
  respondedAt: iso(at),
  ...extra,
});
const order = (id: string, contactId: string, at: number, amount: number, status: Order['status'] = 'paid'): Order => ({
  ...(base.orders[0] as Order),
  id,
  contactId,
  placedAt: iso(at),
  status,
  currency: 'EUR',
  total: { amount, currency: 'EUR' },
});

describe('responseOutcome', () => {
  const none = () => undefined;
  it('should not count a delivery or an open as a response', () => {
    expect(responseOutcome(response('k', 'a', 'sent', T), none).responded).toBe(false);
    expect(responseOutcome(response('k', 'a', 'opened', T), none).responded).toBe(false);
    expect(responseOutcome(response('k', 'a', 'clicked', T), none)).toEqual({
      responded: true,
      bought: false,
      money: undefined,
    });
  });

  it('should take the revenue from the named order only when that order is a purchase', () => {
    const paid = order('o1', 'a', T, 40);
    const refunded = order('o2', 'a', T, 40, 'refunded');
    const lookup = (id: string) => ({ o1: paid, o2: refunded })[id];
    expect(responseOutcome(response('k', 'a', 'clicked', T, { orderId: 'o1' }), lookup)).toEqual({
      responded: true,
      bought: true,
      money: { amount: 40, currency: 'EUR' },
    });
    expect(responseOutcome(response('k', 'a', 'clicked', T, { orderId: 'o2' }), lookup).bought).toBe(false);
  });
});

describe('purchaseHistories', () => {
  it('should give each buyer their first purchase and purchase count, ignoring orders that did not happen', () => {
    const histories = purchaseHistories([
      order('1', 'a', T + 5 * DAY, 10),
      order('2', 'a', T, 10, 'fulfilled'),
      order('3', 'a', T - DAY, 10, 'cancelled'),
      order('4', 'b', T, 10, 'pending'),
    ]);
    expect(histories.get('a')).toEqual({ firstPurchaseAt: T, purchases: 2 });
    expect(histories.has('b')).toBe(false);
  });
});

describe('computeCampaignPerformance', () => {
  it('should report reach, responses, purchases, revenue and the retention of the customers it acquired', () => {
    const orders = [
      order('a1', 'a', T + 2 * DAY, 50), // a: first purchase 2 days after responding, then again: acquired, kept
      order('a2', 'a', T + 40 * DAY, 30),
      order('b1', 'b', T + 10 * DAY, 20), // b: first purchase 10 days after responding, only once: acquired, lost
      order('c1', 'c', T - 90 * DAY, 20), // c: an existing customer, not acquired
      order('d1', 'd', T + 45 * DAY, 20), // d: bought, but after the 30-day window
    ];
    const histories = purchaseHistories(orders);
    const [k, other] = computeCampaignPerformance({
      campaigns: [campaign('k'), campaign('empty')],
      campaignResponses: [
        ...['a', 'b', 'c', 'd', 'e'].map((id) => response('k', id, 'sent', T - DAY)),
        response('k', 'a', 'converted', T, { revenue: { amount: 50, currency: 'EUR' } }),
        response('k', 'a', 'opened', T - DAY / 2),
        response('k', 'b', 'clicked', T),
        response('k', 'c', 'converted', T, { orderId: 'c9', revenue: { amount: 12, currency: 'USD' } }),
        response('k', 'd', 'responded', T),
        response('k', 'e', 'opened', T),
      ],
      purchases: (id) => histories.get(id),
    });
    expect(k).toEqual({
      campaignId: 'k',
      name: 'Campaign k',
      reached: 5,
      responses: 4,
      responseRate: 0.8,
      purchases: 2,
      revenue: { EUR: 50, USD: 12 },
      acquired: 2,
      retained: 1,
      retentionRate: 0.5,
    });
    expect(other).toMatchObject({ reached: 0, responses: 0, responseRate: null, acquired: 0, retentionRate: null });
  });

  it('should count a purchase just inside the acquisition window and not one just outside', () => {
    const histories = purchaseHistories([order('x', 'a', T + 7 * DAY, 10), order('y', 'b', T + 7 * DAY + 1, 10)]);
    const [k] = computeCampaignPerformance(
      {
        campaigns: [campaign('k')],
        campaignResponses: [response('k', 'a', 'clicked', T), response('k', 'b', 'clicked', T)],
        purchases: (id) => histories.get(id),
      },
      { acquisitionWindowDays: 7 },
    );
    expect(k?.acquired).toBe(1);
  });

  it('should agree with the windowed marketing metrics when the window covers the whole campaign', () => {
    const ds = generateDataset({ seed: 21, contacts: 300 });
    const ordersById = new Map(ds.orders.map((o) => [o.id, o]));
    const histories = purchaseHistories(ds.orders);
    const lifetime = computeCampaignPerformance({
      ...ds,
      purchases: (id) => histories.get(id),
      order: (id) => ordersById.get(id),
    });
    const windowed = computeMarketingMetrics(ds, { from: '1990-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' });
    expect(lifetime.some((c) => c.responses > 0 && c.purchases > 0)).toBe(true);
    for (const result of windowed.campaigns) {
      const same = lifetime.find((c) => c.campaignId === result.campaignId);
      expect(same).toMatchObject({ responses: result.responses, purchases: result.purchases, revenue: result.revenue });
    }
    for (const c of lifetime) {
      expect(c.responses).toBeLessThanOrEqual(c.reached);
      expect(c.retained).toBeLessThanOrEqual(c.acquired);
      expect(c.acquired).toBeLessThanOrEqual(c.responses);
    }
  });
});
