import { createRandom } from '@cordial/core/testing';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createProfile, type LoggedEvent, type ProfileSummary, summarize } from '../../profile';
import { chooseArm, learn } from './bandit';
import type { EventCondition, Offer } from './config';
import { type DecisionInput, decide, emptyHistory, matchesPath } from './decide';
import { EventIndex } from './event-index';
import { explain } from './explain';
import { scheduleMisses } from './schedule';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-03T10:00:00Z'); // a Wednesday

const offer = (id: string, extra: Partial<Offer> = {}): Offer => ({
  id,
  type: 'cross-sell',
  placement: 'home',
  content: { title: id },
  ...extra,
});

function summaryWith(orders: number[] = [], sessions = 1): ProfileSummary {
  const p = createProfile(NOW - 400 * DAY, 's1');
  p.sessions = sessions;
  p.orders = orders.map((daysAgo, i) => ({ id: `o${i}`, t: NOW - daysAgo * DAY, value: 60, products: [`p${i}`] }));
  return summarize(p, NOW);
}

/** A decision with its reasons in words, as `cordial.explain()` gives it. */
const explained = (decisionInput: DecisionInput) => explain(decide(decisionInput), new Date(NOW).toISOString());

function input(offers: Offer[], extra: Partial<DecisionInput> = {}): DecisionInput {
  return {
    offers,
    placement: 'home',
    summary: summaryWith(),
    events: new EventIndex(),
    traits: {},
    path: '/store/',
    device: 'desktop',
    now: NOW,
    sessionId: 's1',
    history: emptyHistory(),
    bucket: () => 50,
    random: createRandom(1).next,
    choose: chooseArm,
    schedule: scheduleMisses,
    ...extra,
  };
}

describe('decide', () => {
  it('should choose by priority times propensity and say why the others lost', () => {
    const d = explained(
      input([
        offer('low', { priority: 10 }),
        offer('high', { priority: 90 }),
        offer('elsewhere', { placement: 'cart' }),
      ]),
    );
    expect(d.chosen?.id).toBe('high');
    expect(d.chosen?.reasons).toEqual(['priority 90', 'cross-sell fit 0.2: no product history']);
    expect(d.rejected).toEqual([
      { id: 'low', reasons: ['scored 7, below high (63)', 'priority 10', 'cross-sell fit 0.2: no product history'] },
    ]);
  });

  it('should pick the offer type that fits the visitor: welcome for a new visitor, win-back for a lapsing customer', () => {
    const offers = [offer('welcome', { type: 'welcome' }), offer('win-back', { type: 'win-back' })];
    expect(decide(input(offers)).chosen?.offer.id).toBe('welcome');
    const lapsing = summaryWith([500, 450, 400]);
    expect(lapsing.stage).toBe('lapsed');
    expect(decide(input(offers, { summary: lapsing })).chosen?.offer.id).toBe('win-back');
  });

  it('should apply audience rules and name the one that failed', () => {
    const offers = [
      offer('segment', { audience: { segments: ['champions'] } }),
      offer('stage', { audience: { stages: ['repeat'] } }),
      offer('churn', { audience: { churnRisk: { min: 0.5 } } }),
      offer('rfm', { audience: { rfm: { f: { min: 3 } } } }),
      offer('trait', { audience: { traits: { plan: 'pro' } } }),
      offer('url', { audience: { urls: ['/store/product/*'] } }),
      offer('device', { audience: { devices: ['mobile'] } }),
      offer('returning', { audience: { visitor: 'returning' } }),
    ];
    const d = explained(input(offers));
    expect(d.chosen).toBeNull();
    expect(Object.fromEntries(d.rejected.map((r) => [r.id, r.reasons[0]]))).toEqual({
      segment: 'RFM segment is prospect',
      stage: 'life-cycle stage is prospect',
      churn: 'churn risk 0 outside 0.5–…',
      rfm: 'F score 0 outside 3–…',
      trait: 'trait plan is not pro',
      url: 'page /store/ matches none of /store/product/*',
      device: 'device is desktop, not mobile',
      returning: 'the visitor is new',
    });
    const match = explained(
      input(offers, {
        traits: { plan: 'pro' },
        summary: summaryWith([], 2),
        path: '/store/product/x',
        device: 'mobile',
      }),
    );
    const ineligible = match.rejected.filter((r) => !r.reasons[0]?.startsWith('scored'));
    expect(ineligible.map((r) => r.id).sort()).toEqual(['churn', 'rfm', 'segment', 'stage']);
  });

  it('should count events in a time window: "viewed category X at least twice in 7 days"', () => {
    const index = new EventIndex();
    const views = (daysAgo: number[]) => daysAgo.map((d) => ({ t: NOW - d * DAY, e: 'Product Viewed', c: 'Tea' }));
    const rule = offer('tea-fan', {
      audience: { events: [{ event: 'Product Viewed', category: 'Tea', min: 2, withinDays: 7 }] },
    });
    index.sync(views([10, 3]));
    expect(explained(input([rule], { events: index })).rejected[0]?.reasons).toEqual([
      'Product Viewed in Tea within 7 days: 1 time(s), needs ≥ 2',
    ]);
    index.sync(views([10, 3, 1]));
    expect(decide(input([rule], { events: index })).chosen?.offer.id).toBe('tea-fan');
  });

  it('should fall back to non-personalized offers without personalization consent', () => {
    const d = explained(
      input([offer('personal', { audience: { stages: ['prospect'] } }), offer('generic')], {
        summary: null,
        events: null,
      }),
    );
    expect(d.personalized).toBe(false);
    expect(d.chosen?.id).toBe('generic');
    expect(d.chosen?.reasons).toEqual(['priority 50', 'not personalized (no consent)']);
    expect(d.rejected[0]?.reasons).toEqual(['needs personalization consent (audience uses the profile)']);
  });

  it('should respect the schedule', () => {
    const offers = [
      offer('future', { schedule: { start: '2026-07-01T00:00:00Z' } }),
      offer('weekend', { schedule: { weekdays: [0, 6] } }),
    ];
    expect(explained(input(offers)).rejected.map((r) => r.reasons[0])).toEqual([
      'scheduled to start 2026-07-01T00:00:00Z',
      'not scheduled on this weekday',
    ]);
  });

  it('should apply frequency caps per offer and globally, and wait after a dismissal or a conversion', () => {
    const history = emptyHistory();
    history.impressions.push({ o: 'capped', t: NOW - 1000, s: 's1' }, { o: 'other', t: NOW - 2000, s: 's0' });
    history.dismissed.dismissed = NOW - 2 * DAY;
    history.converted.converted = NOW - 100 * DAY;
    const offers = [
      offer('capped', { caps: { perSession: 1 } }),
      offer('daily', { caps: { perDay: 0 } }),
      offer('dismissed', { caps: { afterDismissal: 7 } }),
      offer('converted'),
      offer('free'),
    ];
    const d = explained(input(offers, { history }));
    expect(d.chosen?.id).toBe('free');
    expect(Object.fromEntries(d.rejected.map((r) => [r.id, r.reasons[0]]))).toEqual({
      capped: 'shown 1 time(s) this session (cap 1)',
      daily: 'shown 0 time(s) today (cap 0)',
      dismissed: 'dismissed less than 7 day(s) ago',
      converted: 'converted (not shown again)',
    });
    expect(explained(input([offer('free')], { history, caps: { perDay: 2 } })).rejected[0]?.reasons).toEqual([
      '2 offer(s) shown today (global cap 2)',
    ]);
  });

  it('should put the visitor in the control group by their bucket', () => {
    expect(decide(input([offer('a')], { holdout: 60, bucket: () => 59 }))).toMatchObject({
      control: true,
      chosen: null,
    });
    expect(decide(input([offer('a')], { holdout: 60, bucket: () => 60 })).chosen?.offer.id).toBe('a');
    expect(decide(input([offer('a', { holdout: 10 })], { bucket: (key) => (key === 'a' ? 3 : 99) })).chosen).toBeNull();
  });

  it('should learn which variant gets clicked: Thompson sampling shows the better one most of the time', () => {
    const history = emptyHistory();
    history.arms['v/a'] = [40, 2];
    history.arms['v/b'] = [40, 12];
    const random = createRandom(7).next;
    const variants = [{ id: 'a' }, { id: 'b' }];
    let b = 0;
    for (let i = 0; i < 200; i++)
      if (decide(input([offer('v', { variants })], { history, random })).chosen?.variant === 'b') b++;
    expect(b).toBeGreaterThan(180);
    const fresh = createRandom(3).next;
    let explored = 0;
    for (let i = 0; i < 200; i++)
      if (
        chooseArm(
          [
            { id: 'a', impressions: 0, clicks: 0 },
            { id: 'b', impressions: 0, clicks: 0 },
          ],
          fresh,
        ).id === 'a'
      )
        explored++;
    expect(explored).toBeGreaterThan(70);
    expect(explored).toBeLessThan(130);
  });
});

describe('learn', () => {
  it('should count impressions and at most one click per impression', () => {
    const arms: Record<string, [number, number]> = {};
    learn(arms, 'o/a', false);
    learn(arms, 'o/a', true);
    learn(arms, 'o/a', true);
    expect(arms).toEqual({ 'o/a': [1, 1] });
  });

  it('should leave variants untested when the bandit is not loaded: the offer shows its own content', () => {
    const d = explained(input([offer('v', { variants: [{ id: 'a' }, { id: 'b' }] })], { choose: undefined }));
    expect(d.chosen).toMatchObject({ id: 'v', reasons: ['priority 50', 'cross-sell fit 0.2: no product history'] });
    expect(d.chosen?.variant).toBeUndefined();
  });
});

describe('matchesPath', () => {
  it('should treat * as a wildcard and everything else literally', () => {
    expect(matchesPath('/store/product/*', '/store/product/p-1')).toBe(true);
    expect(matchesPath('/store/product/*', '/store/cart')).toBe(false);
    expect(matchesPath('/a.b', '/aXb')).toBe(false);
  });
});

describe('EventIndex', () => {
  it('should count exactly what a scan of the log counts', () => {
    const event = fc.record({
      t: fc.integer({ min: 0, max: 100 }),
      e: fc.constantFrom('Product Viewed', 'Product Added', 'page'),
      c: fc.option(fc.constantFrom('Tea', 'Coffee'), { nil: undefined }),
      p: fc.option(fc.constantFrom('p1', 'p2'), { nil: undefined }),
    });
    const condition = fc.record({
      event: fc.constantFrom('Product Viewed', 'Product Added', 'page'),
      category: fc.option(fc.constantFrom('Tea', 'Coffee'), { nil: undefined }),
      productId: fc.option(fc.constantFrom('p1', 'p2'), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 60 }),
        fc.array(event, { maxLength: 20 }),
        condition,
        fc.integer({ min: 0, max: 100 }),
        (first, more, c, since) => {
          const log = first.map((e) => JSON.parse(JSON.stringify(e)) as LoggedEvent);
          const index = new EventIndex();
          index.sync(log);
          log.push(...more.map((e) => JSON.parse(JSON.stringify(e)) as LoggedEvent));
          index.sync(log);
          const cond = JSON.parse(JSON.stringify(c)) as EventCondition;
          const naive = log.filter(
            (e) =>
              e.t >= since &&
              e.e === cond.event &&
              (!cond.category || e.c === cond.category) &&
              (!cond.productId || e.p === cond.productId),
          ).length;
          expect(index.count(cond, since)).toBe(naive);
        },
      ),
    );
  });
});
