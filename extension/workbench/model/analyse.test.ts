import { createMemoryRepository, NO_SEGMENT } from '@cordial/core';
import { generateDataset, storeDataset } from '@cordial/core/testing';
import { describe, expect, it } from 'vitest';
import { analyse, NO_TIER, STAGES, TIERS } from './analyse';

const NOW = '2026-11-01T00:00:00.000Z';

async function seededFacts(contacts = 300) {
  const repo = createMemoryRepository();
  const data = generateDataset({ seed: 7, contacts, now: NOW });
  await storeDataset(repo, data);
  return { facts: await repo.orderFacts(), data };
}

describe('analyse', () => {
  it('should score every buying customer, fit the models and give each a churn tier with a reason', async () => {
    const { facts } = await seededFacts();
    const a = analyse({ orders: facts, asOf: Date.parse(NOW) });
    expect(a.totals.modelNote).toBeNull();
    expect(a.totals.customerEquity).toBeGreaterThan(0);
    for (let c = 0; c < a.contactIds.length; c++) {
      if ((a.frequency[c] as number) === 0) continue;
      expect(a.segment[c]).not.toBe(NO_SEGMENT);
      expect(a.r[c]).toBeGreaterThanOrEqual(1);
      expect(a.pAlive[c]).toBeGreaterThanOrEqual(0);
      expect(a.pAlive[c]).toBeLessThanOrEqual(1);
      expect(a.churnTier[c]).not.toBe(NO_TIER);
      expect(a.churnReason[c]).toMatch(/bought once|usually buys/);
    }
    const tiers = new Set([...a.churnTier].filter((t) => t !== NO_TIER).map((t) => TIERS[t]));
    expect(tiers).toEqual(new Set(['low', 'medium', 'high']));
    expect(new Set([...a.stage].map((s) => STAGES[s])).has('churned')).toBe(true);
  });

  it('should count only paid and fulfilled orders in the analysed currency, and say how many it left out', async () => {
    const { facts, data } = await seededFacts();
    const a = analyse({ orders: facts, asOf: Date.parse(NOW) });
    const counted = data.orders.filter((o) => o.status === 'paid' || o.status === 'fulfilled');
    const inCurrency = counted.filter((o) => o.currency === a.currency);
    expect(a.totals.orders).toBe(inCurrency.length);
    expect(a.totals.ignoredOrders.notPaid).toBe(data.orders.length - counted.length);
    expect(a.totals.ignoredOrders.otherCurrency).toBe(counted.length - inCurrency.length);
    expect(a.totals.revenue).toBeCloseTo(
      inCurrency.reduce((s, o) => s + o.total.amount, 0),
      6,
    );
    expect(a.months.reduce((s, m) => s + m.orders, 0)).toBe(inCurrency.length);
  });

  it('should leave a customer without a segment a month ago when the first purchase came later', () => {
    const a = analyse({
      orders: {
        contactIds: ['recent', 'old'],
        contact: Uint32Array.from([0, 1, 1]),
        placedAt: Float64Array.from([Date.parse('2026-10-20'), Date.parse('2026-01-05'), Date.parse('2026-06-05')]),
        total: Float64Array.from([10, 20, 30]),
        currencies: ['EUR'],
        currency: Uint16Array.from([0, 0, 0]),
        status: Uint8Array.from([1, 2, 1]),
      },
      asOf: Date.parse(NOW),
    });
    expect(a.segment[0]).not.toBe(NO_SEGMENT);
    expect(a.segmentBefore[0]).toBe(NO_SEGMENT);
    expect(a.segmentBefore[1]).not.toBe(NO_SEGMENT);
  });

  it('should explain why there is no CLV instead of inventing one when the models cannot be fitted', () => {
    const a = analyse({
      orders: {
        contactIds: ['a', 'b'],
        contact: Uint32Array.from([0, 1]),
        placedAt: Float64Array.from([Date.parse('2026-01-01'), Date.parse('2026-02-01')]),
        total: Float64Array.from([10, 20]),
        currencies: ['EUR'],
        currency: Uint16Array.from([0, 0]),
        status: Uint8Array.from([1, 1]),
      },
      asOf: Date.parse(NOW),
    });
    expect(a.totals.customerEquity).toBeNull();
    expect(a.totals.modelNote).toMatch(/BG\/NBD/);
    expect(Number.isNaN(a.clv[0])).toBe(true);
    expect(a.churnReason[0]).toMatch(/bought once/);
  });
});
