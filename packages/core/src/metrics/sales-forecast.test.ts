import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../model/opportunity.ts';
import type { Order } from '../model/order.ts';
import { generateDataset } from '../testing/generate.ts';
import { forecastRevenueTrend, weightedPipeline } from './sales-forecast.ts';

const base = generateDataset({ seed: 5, contacts: 5 });
const opp = (
  stage: Opportunity['stage'],
  amount: number,
  probability: number,
  expectedClose?: string,
): Opportunity => ({
  ...(base.opportunities[0] as Opportunity),
  stage,
  amount: { amount, currency: 'EUR' },
  probability,
  expectedClose,
  ownerId: 'rep-a',
});
const order = (placedAt: string, amount: number): Order => ({
  ...(base.orders[0] as Order),
  placedAt,
  status: 'paid',
  currency: 'EUR',
  total: { amount, currency: 'EUR' },
});

describe('weightedPipeline', () => {
  const pipeline = [
    opp('lead', 1000, 0.1, '2025-03-10'),
    opp('proposal', 5000, 0.5, '2025-03-20'),
    opp('won', 9000, 1, '2025-02-01'),
    opp('negotiation', 2000, 0.8),
  ];

  it('should weight the open opportunities by their probability and leave closed ones out', () => {
    expect(weightedPipeline(pipeline)).toEqual({
      weighted: { EUR: 4200 },
      unweighted: { EUR: 8000 },
      opportunities: 3,
      byStage: { lead: { EUR: 100 }, proposal: { EUR: 2500 }, negotiation: { EUR: 1600 } },
    });
  });

  it('should keep only opportunities expected to close in the period when one is given', () => {
    expect(weightedPipeline(pipeline, { closeFrom: '2025-03-15', closeTo: '2025-03-31' }).weighted).toEqual({
      EUR: 2500,
    });
  });
});

describe('forecastRevenueTrend', () => {
  it('should extend a clean linear trend exactly', () => {
    // Revenue of 100, 200, …, 600 in January to June.
    const orders = [1, 2, 3, 4, 5, 6].map((m) => order(`2025-0${m}-15T00:00:00Z`, m * 100));
    const result = forecastRevenueTrend(orders, { asOf: '2025-07-10T00:00:00Z', currency: 'EUR', horizon: 2 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.slopePerPeriod).toBeCloseTo(100, 9);
    expect(result.forecast).toEqual([
      { periodStart: '2025-07-01', revenue: 700, low: 700, high: 700 },
      { periodStart: '2025-08-01', revenue: 800, low: 800, high: 800 },
    ]);
  });

  it('should widen the interval with noise and count empty periods as zero revenue', () => {
    const orders = [
      order('2025-01-03T00:00:00Z', 500),
      order('2025-03-03T00:00:00Z', 700),
      order('2025-04-03T00:00:00Z', 300),
    ];
    const result = forecastRevenueTrend(orders, { asOf: '2025-05-02T00:00:00Z', currency: 'EUR' });
    expect(result.ok && result.history.map((h) => h.revenue)).toEqual([500, 0, 700, 300]);
    expect(result.ok && (result.forecast[0]?.high as number) > (result.forecast[0]?.low as number)).toBe(true);
  });

  it('should forecast by week too', () => {
    const orders = Array.from({ length: 8 }, (_, i) => order(new Date(Date.UTC(2025, 0, 6 + 7 * i)).toISOString(), 50));
    const result = forecastRevenueTrend(orders, {
      asOf: '2025-03-03T00:00:00Z',
      currency: 'EUR',
      period: 'week',
      horizon: 1,
    });
    expect(result.ok && result.forecast).toEqual([{ periodStart: '2025-03-03', revenue: 50, low: 50, high: 50 }]);
  });

  it('should refuse fewer than three complete periods of history', () => {
    const result = forecastRevenueTrend([order('2025-06-15T00:00:00Z', 100)], {
      asOf: '2025-07-10T00:00:00Z',
      currency: 'EUR',
    });
    expect(result).toMatchObject({ ok: false, reason: 'too-little-data' });
  });
});
