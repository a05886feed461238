import { describe, expect, it } from 'vitest';
import type { Case } from '../model/case.ts';
import type { Contact } from '../model/contact.ts';
import type { Opportunity } from '../model/opportunity.ts';
import type { Order } from '../model/order.ts';
import type { Touchpoint } from '../model/touchpoint.ts';
import { generateDataset } from '../testing/generate.ts';
import { computeMarketingMetrics } from './marketing-metrics.ts';
import { computeSalesMetrics } from './sales-metrics.ts';
import { computeServiceMetrics } from './service-metrics.ts';

// Hand-made records: generated ones with the fields that matter overridden.
const base = generateDataset({ seed: 3, contacts: 5 });
const contact = (id: string, ownerId: string, createdAt = '2025-01-01T00:00:00Z'): Contact => ({
  ...(base.contacts[0] as Contact),
  id,
  ownerId,
  createdAt,
});
const order = (
  id: string,
  contactId: string,
  placedAt: string,
  amount: number,
  status: Order['status'] = 'paid',
): Order => ({
  ...(base.orders[0] as Order),
  id,
  contactId,
  placedAt,
  status,
  currency: 'EUR',
  total: { amount, currency: 'EUR' },
});
const opportunity = (id: string, stage: Opportunity['stage'], patch: Partial<Opportunity> = {}): Opportunity => ({
  ...(base.opportunities[0] as Opportunity),
  id,
  stage,
  ownerId: 'rep-a',
  createdAt: '2025-01-05T00:00:00Z',
  updatedAt: '2025-02-10T00:00:00Z',
  closedAt: undefined,
  ...patch,
});
const touchpoint = (
  purpose: Touchpoint['purpose'],
  channel: Touchpoint['channel'],
  occurredAt: string,
): Touchpoint => ({
  ...(base.touchpoints[0] as Touchpoint),
  purpose,
  channel,
  occurredAt,
  ownerId: 'rep-a',
});
const serviceCase = (type: Case['type'], agentId: string, openedAt: string, resolvedAt?: string): Case => ({
  ...(base.cases[0] as Case),
  type,
  agentId,
  openedAt,
  resolvedAt,
});

const february = { from: '2025-02-01T00:00:00Z', to: '2025-03-01T00:00:00Z' };

describe('computeSalesMetrics', () => {
  const data = {
    contacts: [
      contact('old', 'rep-a'),
      contact('new', 'rep-a'),
      contact('lead', 'rep-b'),
      contact('late', 'rep-a', '2025-06-01T00:00:00Z'),
    ],
    orders: [
      order('o1', 'old', '2025-01-10T00:00:00Z', 100),
      order('o2', 'old', '2025-02-03T00:00:00Z', 40),
      order('o3', 'new', '2025-02-14T00:00:00Z', 25.5),
      order('o4', 'new', '2025-02-20T00:00:00Z', 10, 'refunded'),
    ],
    opportunities: [
      opportunity('p1', 'lead'),
      opportunity('p2', 'qualified', { ownerId: 'rep-b' }),
      opportunity('p3', 'proposal'),
      opportunity('p4', 'lead', { closedAt: '2025-02-15T00:00:00Z', stage: 'lost' }),
    ],
    touchpoints: [
      touchpoint('sales', 'phone', '2025-02-02T10:00:00Z'),
      touchpoint('sales', 'email', '2025-02-02T11:00:00Z'),
      touchpoint('service', 'phone', '2025-02-03T10:00:00Z'),
    ],
  };

  it('should count new, retained and prospective customers and split revenue into new and recurring', () => {
    expect(computeSalesMetrics(data, february)).toEqual({
      prospectiveCustomers: 1,
      newCustomers: 1,
      retainedCustomers: 1,
      openLeads: 2,
      salesCalls: 1,
      newRevenue: { EUR: 25.5 },
      recurringRevenue: { EUR: 40 },
      proposalsGiven: 1,
    });
  });

  it('should narrow every figure to one owner', () => {
    const m = computeSalesMetrics(data, { ...february, ownerId: 'rep-b' });
    expect(m).toMatchObject({
      prospectiveCustomers: 1,
      newCustomers: 0,
      openLeads: 1,
      salesCalls: 0,
      proposalsGiven: 0,
    });
  });

  it('should reject a window that ends before it starts', () => {
    expect(() => computeSalesMetrics(data, { from: february.to, to: february.from })).toThrow(/end after/);
  });
});

describe('computeServiceMetrics', () => {
  it('should count cases per agent and type, time to resolution and calls per day', () => {
    const m = computeServiceMetrics(
      {
        cases: [
          serviceCase('problem', 'agent-x', '2025-02-01T00:00:00Z', '2025-02-02T00:00:00Z'),
          serviceCase('problem', 'agent-y', '2025-02-05T00:00:00Z', '2025-02-05T12:00:00Z'),
          serviceCase('question', 'agent-x', '2025-01-20T00:00:00Z'),
        ],
        touchpoints: Array.from({ length: 14 }, () => touchpoint('service', 'phone', '2025-02-10T09:00:00Z')),
      },
      february,
    );
    expect(m).toEqual({
      casesPerAgent: { 'agent-x': 1, 'agent-y': 1 },
      serviceCalls: 14,
      requestsByType: { problem: { count: 2, perDay: 2 / 28 } },
      averageHoursToResolution: 18,
      averageServiceCallsPerDay: 0.5,
    });
  });

  it('should say there is no time to resolution when nothing was resolved', () => {
    expect(computeServiceMetrics({ cases: [], touchpoints: [] }, february).averageHoursToResolution).toBeNull();
  });
});

describe('computeMarketingMetrics', () => {
  it('should report responses, purchases and revenue per campaign and the retention rates', () => {
    const campaign = {
      ...(base.campaigns[0] as (typeof base.campaigns)[number]),
      id: 'cmp',
      name: 'Spring',
      status: 'active' as const,
      startsAt: '2025-02-01T00:00:00Z',
      endsAt: '2025-02-28T00:00:00Z',
    };
    const response = (contactId: string, kind: 'sent' | 'clicked' | 'converted', orderId?: string) => ({
      ...(base.campaignResponses[0] as (typeof base.campaignResponses)[number]),
      campaignId: 'cmp',
      contactId,
      response: kind,
      respondedAt: '2025-02-10T00:00:00Z',
      ...(orderId ? { orderId } : {}),
    });
    const m = computeMarketingMetrics(
      {
        contacts: [contact('a', 'rep-a'), contact('b', 'rep-a'), contact('c', 'rep-a')],
        orders: [
          order('j1', 'a', '2025-01-03T00:00:00Z', 10),
          order('j2', 'b', '2025-01-09T00:00:00Z', 10),
          order('j3', 'c', '2024-12-01T00:00:00Z', 10),
          order('j4', 'c', '2025-01-15T00:00:00Z', 10),
          order('f1', 'a', '2025-02-11T00:00:00Z', 60),
          order('f2', 'b', '2025-02-12T00:00:00Z', 5),
        ],
        campaigns: [campaign],
        campaignResponses: [response('a', 'converted', 'f1'), response('b', 'clicked'), response('c', 'sent')],
      },
      february,
    );
    expect(m.campaignsRun).toBe(1);
    expect(m.campaigns).toEqual([
      { campaignId: 'cmp', name: 'Spring', responses: 2, purchases: 1, revenue: { EUR: 60 } },
    ]);
    // The previous window is the 28 days before February: b (first purchase, new) and c (an older customer)
    // bought then; only b bought again in February.
    expect(m.customerRetentionRate).toBe(0.5);
    expect(m.newCustomerRetentionRate).toBe(1);
  });
});

describe('the metrics on a generated data set', () => {
  const ds = generateDataset({ seed: 11, contacts: 200 });
  const window = { from: '2026-05-01T00:00:00Z', to: '2026-08-01T00:00:00Z' };

  it('should add up across owners to the figures of everyone', () => {
    const all = computeSalesMetrics(ds, window);
    const owners = [...new Set(ds.contacts.map((c) => c.ownerId))];
    const parts = owners.map((ownerId) => computeSalesMetrics(ds, { ...window, ownerId }));
    expect(parts.reduce((s, p) => s + p.newCustomers + p.retainedCustomers, 0)).toBe(
      all.newCustomers + all.retainedCustomers,
    );
    expect(parts.reduce((s, p) => s + p.prospectiveCustomers, 0)).toBe(all.prospectiveCustomers);
    expect(all.newCustomers + all.retainedCustomers).toBeGreaterThan(0);
  });

  it('should keep retention rates within [0, 1]', () => {
    const m = computeMarketingMetrics(ds, window);
    for (const rate of [m.customerRetentionRate, m.newCustomerRetentionRate]) {
      expect(rate).not.toBeNull();
      expect(rate as number).toBeGreaterThanOrEqual(0);
      expect(rate as number).toBeLessThanOrEqual(1);
    }
  });
});
