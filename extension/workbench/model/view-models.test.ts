import type { Case, Contact, Opportunity, Task } from '@cordial/core';
import { generateDataset } from '@cordial/core/testing';
import { describe, expect, it } from 'vitest';
import { bringFollowUpsForward, DEMO_PEOPLE } from '../../data/demo-seed';
import { churnDistribution, clvDistribution, lifecycleFunnel, rfmGrid, segmentMovement } from './analysis-views';
import { campaignFromForm } from './campaigns';
import { CustomerFilterSchema, type CustomerRow, queryCustomers } from './customers';
import { csvField, describeQuery, ListQuerySchema, listToCsv, runListQuery } from './list-builder';
import { fiscalQuarter, neighbourStage, pipelineForecast, salesMetrics } from './pipeline';
import { caseQueue, serviceMetrics } from './service';
import { followUps, newlyAtRisk, scoreLead } from './today';

const NOW = Date.parse('2026-11-01T12:00:00Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const meta = { createdAt: iso(NOW), updatedAt: iso(NOW), version: 1 };

function row(patch: Partial<CustomerRow>): CustomerRow {
  return {
    id: 'c',
    name: 'Ada Lovelace',
    email: 'ada@example.org',
    company: 'Engines',
    owner: 'rep-1',
    tags: [],
    stage: 'repeat',
    segment: 'Loyal Customers',
    segmentBefore: 'Loyal Customers',
    r: 4,
    f: 4,
    m: 4,
    recencyDays: 10,
    orders: 5,
    monetary: 500,
    clv: 300,
    pAlive: 0.9,
    pAliveBefore: 0.9,
    risk: 'low',
    riskReason: 'usually buys every 3 weeks; last purchase 1 week ago',
    lastTouch: NOW - 5 * DAY,
    doNotContact: false,
    emailConsent: true,
    ...patch,
  };
}

function contact(patch: Partial<Contact> = {}): Contact {
  const unknown = { status: 'unknown' as const };
  return {
    id: 'c1',
    ...meta,
    emails: ['lead@example.org'],
    phones: [],
    lifecycleStage: 'prospect',
    tags: [],
    customFields: {},
    consent: { email: { status: 'granted' }, sms: unknown, phone: unknown, tracking: unknown },
    marketing: { doNotContact: false, topics: [] },
    externalIds: {},
    ...patch,
  };
}

describe('customers table', () => {
  const rows = [
    row({ id: 'a', name: 'Ada', risk: 'high', tags: ['vip'], clv: 900 }),
    row({ id: 'b', name: 'Bob', risk: 'low', owner: 'rep-2', clv: 100, lastTouch: NOW - 200 * DAY }),
    row({
      id: 'c',
      name: 'Cy',
      stage: 'prospect',
      segment: undefined,
      orders: 0,
      clv: undefined,
      monetary: 0,
      r: 0,
      f: 0,
    }),
  ];
  const query = (patch: object) =>
    queryCustomers(rows, CustomerFilterSchema.parse(patch), { key: 'name', descending: false }, NOW).map((r) => r.id);

  it('should filter by risk, owner, tag, value, stage, RFM cell and last touch', () => {
    expect(query({ risks: ['high'] })).toEqual(['a']);
    expect(query({ owner: 'rep-2' })).toEqual(['b']);
    expect(query({ tag: 'vip' })).toEqual(['a']);
    expect(query({ minValue: 200 })).toEqual(['a']);
    expect(query({ stages: ['prospect'] })).toEqual(['c']);
    expect(query({ rfm: { r: 4, f: 4 } })).toEqual(['a', 'b']);
    expect(query({ notTouchedForDays: 90 })).toEqual(['b']);
    expect(query({ touchedWithinDays: 30 })).toEqual(['a', 'c']);
  });

  it('should sort by value with the CLV, falling back to spend so far', () => {
    const sorted = queryCustomers(rows, CustomerFilterSchema.parse({}), { key: 'value', descending: true }, NOW);
    expect(sorted.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('today', () => {
  it('should split open follow-ups into overdue and due today, leaving done and later ones out', () => {
    const task = (id: string, dueAt: number, done = false): Task => ({
      id,
      ...meta,
      kind: 'call',
      title: id,
      dueAt: iso(dueAt),
      done,
    });
    const now = new Date(NOW);
    const endOfDay = new Date(now);
    endOfDay.setHours(23, 0, 0, 0);
    const { overdue, dueToday } = followUps(
      [
        task('late', NOW - DAY),
        task('done', NOW - DAY, true),
        task('soon', endOfDay.getTime()),
        task('next week', NOW + 7 * DAY),
      ],
      now,
    );
    expect(overdue.map((t) => t.id)).toEqual(['late']);
    expect(dueToday.map((t) => t.id)).toEqual(['soon']);
  });

  it('should give the demo a handful of follow-ups due later today, the same ones every time', () => {
    const demo = () => generateDataset({ seed: 7, contacts: 300, now: iso(NOW), people: DEMO_PEOPLE }).tasks;
    const before = followUps(demo(), new Date(NOW));
    const [first, second] = [demo(), demo()];
    bringFollowUpsForward(first, NOW);
    bringFollowUpsForward(second, NOW);
    const after = followUps(first, new Date(NOW));
    expect(before.dueToday).toEqual([]);
    expect(after.dueToday.length).toBeGreaterThanOrEqual(3);
    expect(after.dueToday.length).toBeLessThanOrEqual(5);
    expect(after.overdue).toEqual(before.overdue);
    expect(second).toEqual(first);
  });

  it('should flag customers whose P(alive) fell below the threshold or who moved into an at-risk segment, with why', () => {
    const found = newlyAtRisk([
      row({ id: 'fell', pAlive: 0.3, pAliveBefore: 0.6 }),
      row({ id: 'moved', segment: 'At Risk', segmentBefore: 'Loyal Customers', clv: 1000 }),
      row({ id: 'always', pAlive: 0.2, pAliveBefore: 0.2, segment: 'At Risk', segmentBefore: 'At Risk' }),
    ]);
    expect(found.map((f) => f.row.id)).toEqual(['moved', 'fell']);
    expect(found[1]?.reason).toContain('chance still active fell from 60% to 30%');
    expect(found[0]?.reason).toContain('moved to “At Risk” from “Loyal Customers”');
  });

  it('should explain a lead score from engagement, fit and recency', () => {
    const touch = (days: number, direction: 'inbound' | 'outbound') => ({
      id: `t${days}`,
      ...meta,
      contactId: 'c1',
      channel: 'email' as const,
      direction,
      occurredAt: iso(NOW - days * DAY),
      purpose: 'sales' as const,
      externalIds: {},
    });
    const { score, factors } = scoreLead(
      contact({ title: 'Head of Purchasing', company: 'Northwind' }),
      {
        touchpoints: [touch(2, 'inbound'), touch(10, 'outbound')],
        responses: [],
        account: undefined,
        opportunity: undefined,
      },
      NOW,
    );
    expect(factors.map((f) => [f.factor, f.points])).toEqual([
      ['engagement', 10],
      ['fit', 27],
      ['recency', 25],
    ]);
    expect(score).toBe(62);
    expect(factors[1]?.why).toBe('decision maker (Head of Purchasing), works at Northwind, agreed to email');
    expect(factors[2]?.why).toBe('last in touch 2 days ago');
  });
});

describe('pipeline', () => {
  const opp = (
    id: string,
    stage: Opportunity['stage'],
    amount: number,
    probability: number,
    patch: Partial<Opportunity> = {},
  ): Opportunity => ({
    id,
    ...meta,
    name: id,
    stage,
    amount: { amount, currency: 'EUR' },
    probability,
    externalIds: {},
    ...patch,
  });

  it('should weight open opportunities by probability, for the quarter too, and keep other currencies apart', () => {
    const f = pipelineForecast(
      [
        opp('a', 'proposal', 1000, 0.5, { expectedClose: '2026-12-10' }),
        opp('b', 'lead', 2000, 0.1, { expectedClose: '2027-01-20' }),
        opp('c', 'won', 5000, 1, { expectedClose: '2026-12-01' }),
        opp('d', 'qualified', 400, 0.25),
        opp('e', 'proposal', 900, 0.5, { amount: { amount: 900, currency: 'USD' } }),
      ],
      'EUR',
      fiscalQuarter(new Date(2026, 10, 15), 1),
    );
    expect(f).toEqual({
      months: [
        { month: '2026-12', weighted: 500, pipeline: 1000 },
        { month: '2027-01', weighted: 200, pipeline: 2000 },
        { month: 'undated', weighted: 100, pipeline: 400 },
      ],
      weighted: 800,
      pipeline: 3400,
      quarterWeighted: 500,
      otherCurrencies: { USD: 900 },
    });
  });

  it('should compute win rate, open leads, proposals and recent wins', () => {
    const m = salesMetrics(
      {
        contacts: [],
        orders: [],
        opportunities: [
          opp('w', 'won', 100, 1, { closedAt: iso(NOW - 5 * DAY) }),
          opp('l', 'lost', 100, 0),
          opp('x', 'lead', 100, 0.1),
          opp('p', 'proposal', 100, 0.5),
        ],
        touchpoints: [
          {
            id: 't1',
            ...meta,
            contactId: 'c1',
            channel: 'phone',
            direction: 'outbound',
            occurredAt: iso(NOW - DAY),
            purpose: 'sales',
            externalIds: {},
          },
        ],
      },
      'EUR',
      NOW,
    );
    expect(m).toMatchObject({
      openLeads: 1,
      proposalsGiven: 2,
      wonLast30: 1,
      wonRevenueLast30: 100,
      winRate: 0.5,
      salesCalls: 1,
    });
  });

  it('should name the fiscal quarter and its first and last days for any fiscal-year start', () => {
    expect(fiscalQuarter(new Date(2026, 10, 15), 1)).toEqual({
      label: 'FY2026 Q4',
      closeFrom: '2026-10-01',
      closeTo: '2026-12-31',
    });
    expect(fiscalQuarter(new Date(2026, 10, 15), 4)).toEqual({
      label: 'FY2027 Q3',
      closeFrom: '2026-10-01',
      closeTo: '2026-12-31',
    });
    expect(fiscalQuarter(new Date(2027, 0, 10), 7)).toEqual({
      label: 'FY2027 Q3',
      closeFrom: '2027-01-01',
      closeTo: '2027-03-31',
    });
    expect(fiscalQuarter(new Date(2028, 1, 10), 12).closeTo).toBe('2028-02-29');
  });

  it('should move a card one stage at a time and not past the ends', () => {
    expect(neighbourStage('lead', 1)).toBe('qualified');
    expect(neighbourStage('lead', -1)).toBeUndefined();
  });
});

describe('service', () => {
  const kase = (id: string, patch: Partial<Case>): Case => ({
    id,
    ...meta,
    subject: id,
    type: 'question',
    priority: 'normal',
    status: 'open',
    openedAt: iso(NOW - 10 * DAY),
    externalIds: {},
    ...patch,
  });
  it('should measure time to resolution, per agent, and order the queue by priority then age', () => {
    const cases = [
      kase('r', { status: 'resolved', resolvedAt: iso(NOW - 10 * DAY + 4 * 3_600_000), agentId: 'kim' }),
      kase('old', { priority: 'high', openedAt: iso(NOW - 20 * DAY), type: 'complaint', channel: 'phone' }),
      kase('urgent', { priority: 'urgent', agentId: 'kim' }),
    ];
    const call = {
      id: 'call',
      ...meta,
      contactId: 'c1',
      channel: 'phone' as const,
      direction: 'inbound' as const,
      occurredAt: iso(NOW - DAY),
      purpose: 'complaint' as const,
      externalIds: {},
    };
    const m = serviceMetrics(cases, [call, { ...call, id: 'old-call', occurredAt: iso(NOW - 40 * DAY) }], NOW);
    expect(m.averageServiceCallsPerDay).toBeCloseTo(1 / 30, 6);
    expect(m.meanHoursToResolve).toBe(4);
    expect(m.open).toBe(2);
    expect(m.agents.find((a) => a.agent === 'kim')).toMatchObject({ open: 1, resolved: 1, meanHoursToResolve: 4 });
    expect(m.complaintsByChannel).toEqual([{ label: 'phone', count: 1 }]);
    expect(caseQueue(cases).map((c) => c.id)).toEqual(['urgent', 'old']);
  });
});

describe('campaigns', () => {
  it('should refuse a campaign that ends before it starts', () => {
    expect(() =>
      campaignFromForm(
        { name: 'X', channel: 'email', startsAt: '2026-12-01', endsAt: '2026-11-01', currency: 'EUR' },
        { id: 'x', at: iso(NOW) },
      ),
    ).toThrow(/ends before it starts/);
  });
});

describe('list generator', () => {
  const rows = [
    row({ id: 'champ-x', segment: 'Champions' }),
    row({ id: 'champ-xy', segment: 'Champions' }),
    row({ id: 'champ-optout', segment: 'Champions', doNotContact: true }),
    row({ id: 'loyal-x', segment: 'Loyal Customers' }),
  ];
  const categories = new Map([
    ['champ-x', new Set(['Coffee'])],
    ['champ-xy', new Set(['Coffee', 'Grinders'])],
    ['champ-optout', new Set(['Coffee'])],
    ['loyal-x', new Set(['Coffee'])],
  ]);
  it('should find Champions who bought X but never Y, leaving out people who may not be contacted', () => {
    const query = ListQuerySchema.parse({ segments: ['Champions'], boughtAny: ['Coffee'], neverBought: ['Grinders'] });
    expect(runListQuery(rows, query, categories).map((r) => r.id)).toEqual(['champ-x']);
    expect(describeQuery(query)).toBe('Champions, who bought Coffee, but never Grinders, who may be emailed');
  });

  it('should quote CSV fields and defuse spreadsheet formulas', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField(-3)).toBe('-3');
    expect(listToCsv([row({ id: 'z', name: 'Zoë "Z"' })]).split('\r\n')[1]).toBe(
      'z,"Zoë ""Z""",ada@example.org,Engines,Loyal Customers,repeat,low,300.00',
    );
  });
});

describe('analysis pictures', () => {
  const rows = [
    row({
      id: 'a',
      r: 5,
      f: 5,
      monetary: 100,
      segment: 'Champions',
      segmentBefore: 'Loyal Customers',
      pAlive: 0.95,
      clv: 10,
    }),
    row({
      id: 'b',
      r: 5,
      f: 5,
      monetary: 300,
      segment: 'Champions',
      segmentBefore: 'Champions',
      pAlive: 0.05,
      clv: 1000,
    }),
    row({
      id: 'c',
      r: 1,
      f: 2,
      monetary: 50,
      segment: 'Lost',
      segmentBefore: undefined,
      stage: 'churned',
      pAlive: 0.5,
      clv: 20,
    }),
  ];
  it('should count customers per RFM cell with their mean spend', () => {
    const grid = rfmGrid(rows);
    expect(grid[4]?.[4]).toEqual({ r: 5, f: 5, count: 2, meanMonetary: 200 });
    expect(grid[0]?.[1]).toEqual({ r: 1, f: 2, count: 1, meanMonetary: 50 });
    expect(grid[2]?.[2]?.meanMonetary).toBeUndefined();
  });
  it('should show segment sizes now and a month ago with the flows', () => {
    expect(segmentMovement(rows, ['Champions', 'Loyal Customers', 'Lost'])).toEqual([
      { segment: 'Champions', now: 2, lastMonth: 1, joined: 1, left: 0 },
      { segment: 'Loyal Customers', now: 0, lastMonth: 1, joined: 0, left: 1 },
      { segment: 'Lost', now: 1, lastMonth: 0, joined: 1, left: 0 },
    ]);
  });
  it('should bucket P(alive) by tenths, the life cycle in order, and CLV up to the 99th percentile', () => {
    expect(churnDistribution(rows).map((b) => b.count)).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(lifecycleFunnel(rows).find((b) => b.label === 'churned')?.count).toBe(1);
    const clv = clvDistribution(rows);
    expect(clv.equity).toBe(1030);
    expect(clv.buckets.reduce((s, b) => s + b.count, 0)).toBe(3);
    expect(clv.buckets.at(-1)?.to).toBe(Infinity);
  });
});
