// A decision over 100 offers for a visitor with 10,000 events, in Chromium (npm run bench -- offers).
// Goal from the issue: under 1 ms median. Baseline in the same run: the same decision with a
// naive event counter that re-scans the whole history for every event rule of every offer.

import { createRandom } from '@cordial/core/testing';
import { createProfile, type LoggedEvent, summarize } from '../../sdk/src/profile';
import type { EventCondition, Offer } from '../../sdk/src/widgets/offer/config';
import { type DecisionInput, decide, type EventCounter, emptyHistory } from '../../sdk/src/widgets/offer/decide';
import { EventIndex } from '../../sdk/src/widgets/offer/event-index';
import { done, report } from './bench-report.ts';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T12:00:00Z');

// The same visitor and offers on every run.
const random = createRandom(42).next;
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;

const CATEGORIES = ['Coffee', 'Coffee gear', 'Tea', 'Kitchen', 'Gifts', 'Books', 'Garden', 'Bakery'];
const EVENTS = ['Product Viewed', 'Product Viewed', 'Product Viewed', 'Product Added', 'page', 'Product Clicked'];

// The visitor: 10,000 events over a year, 40 orders.
const profile = createProfile(NOW - 365 * DAY, 's');
for (let i = 0; i < 10_000; i++) {
  const e = pick(EVENTS);
  const event: LoggedEvent = { t: NOW - 365 * DAY + i * ((365 * DAY) / 10_000), e };
  if (e !== 'page') Object.assign(event, { c: pick(CATEGORIES), p: `p-${Math.floor(random() * 300)}` });
  profile.events.push(event);
}
for (let i = 0; i < 40; i++)
  profile.orders.push({ id: `o${i}`, t: NOW - i * 9 * DAY, value: 20 + random() * 80, products: [`p-${i}`] });
for (const c of CATEGORIES) profile.affinity[c] = random() * 10;

// 100 offers for one placement, each with two or three event rules plus profile rules.
const TYPES = ['cross-sell', 'up-sell', 'win-back', 'welcome', 'retention'] as const;
const offers: Offer[] = Array.from({ length: 100 }, (_, i) => {
  const events: EventCondition[] = Array.from({ length: 2 + (i % 2) }, () => ({
    event: pick(EVENTS),
    category: pick(CATEGORIES),
    min: 1 + Math.floor(random() * 3),
    withinDays: pick([7, 30, 90]),
  }));
  return {
    id: `offer-${i}`,
    type: pick(TYPES),
    placement: 'home',
    priority: Math.floor(random() * 100),
    category: pick(CATEGORIES),
    content: { title: `Offer ${i}` },
    audience: {
      events,
      ...(i % 3 === 0 && { stages: ['repeat', 'high-value', 'customer'] as const }),
      ...(i % 4 === 0 && { urls: ['/store/*'] }),
    },
    caps: { perSession: 3, perDay: 5 },
    ...(i % 10 === 0 && { variants: [{ id: 'a' }, { id: 'b' }] }),
  } as Offer;
});

/** What the baseline does: scan every event for every rule. */
const naive: EventCounter = {
  count(c, since) {
    let n = 0;
    for (const e of profile.events)
      if (
        e.t >= since &&
        e.e === c.event &&
        (!c.category || e.c === c.category) &&
        (!c.productId || e.p === c.productId)
      )
        n++;
    return n;
  },
};
const index = new EventIndex();
const history = emptyHistory();
for (let i = 0; i < 200; i++)
  history.impressions.push({ o: `offer-${i % 100}`, t: NOW - i * 3_600_000, s: i < 20 ? 's' : 'old' });

function decision(events: EventCounter) {
  const input: DecisionInput = {
    offers,
    placement: 'home',
    summary: summarize(profile, NOW),
    events,
    traits: {},
    path: '/store/',
    device: 'desktop',
    now: NOW,
    sessionId: 's',
    history,
    bucket: () => 50,
    random,
  };
  return decide(input);
}

/** Median milliseconds per decision: samples of `batch` decisions (timer resolution is coarse). */
function median(run: () => unknown, batch: number, samples: number): number {
  for (let i = 0; i < batch * 3; i++) run();
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) run();
    times.push((performance.now() - start) / batch);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const indexed = () => {
  index.sync(profile.events); // what the widget does before each decision (no-op when up to date)
  return decision(index);
};
// Same answer both ways, or the comparison means nothing.
const a = indexed();
const b = decision(naive);
if (a.chosen?.offer.id !== b.chosen?.offer.id || a.rejected.length !== b.rejected.length)
  throw new Error('indexed and naive decisions differ');

const buildStart = performance.now();
new EventIndex().sync(profile.events);
const build = performance.now() - buildStart;

const fast = median(indexed, 50, 40);
const slow = median(() => decision(naive), 2, 20);
report({
  name: 'decision over 100 offers, 10,000 events (median)',
  value: fast,
  unit: 'ms',
  baseline: { name: 'naive re-scan per rule', value: slow },
  note: `goal < 1 ms; chose ${a.chosen?.offer.id}, ${a.rejected.length} rejected with reasons`,
});
report({
  name: 'one-time index build over 10,000 events',
  value: build,
  unit: 'ms',
  note: 'paid once when the offer widget loads',
});
done();
