import type { ProfileSummary } from '../../profile';
import type { chooseArm } from './bandit';
import type { Audience, EventCondition, Offer, OfferType } from './config';
import type { scheduleMisses } from './schedule';

/** What the decisions remember about offers in this browser (persisted with consent). */
export interface OfferHistory {
  /** newest last, at most MAX_IMPRESSIONS: offer, variant, time, session, element token, clicked */
  impressions: { o: string; v?: string; t: number; s: string; k?: string; c?: true }[];
  dismissed: Record<string, number>;
  clicked: Record<string, number>;
  converted: Record<string, number>;
  /** `${offerId}/${variantId}` → [impressions, clicks]: the bandit's evidence */
  arms: Record<string, [number, number]>;
}
export const MAX_IMPRESSIONS = 1000;
export const emptyHistory = (): OfferHistory => ({
  impressions: [],
  dismissed: {},
  clicked: {},
  converted: {},
  arms: {},
});

export type Device = 'mobile' | 'tablet' | 'desktop';

/** Counts the visitor's events; the EventIndex answers in O(log n). */
export interface EventCounter {
  count(condition: EventCondition, since: number): number;
}

export interface DecisionInput {
  offers: readonly Offer[];
  placement: string;
  /** null: no personalization consent, only non-personalized offers qualify */
  summary: ProfileSummary | null;
  events: EventCounter | null;
  traits: Record<string, unknown>;
  path: string;
  device: Device;
  now: number;
  sessionId: string;
  history: OfferHistory;
  caps?: { perSession?: number | undefined; perDay?: number | undefined } | undefined;
  holdout?: number | undefined;
  /** The visitor's stable bucket 0 ≤ b < 100 for an experiment key (hash of the anonymous id). */
  bucket(key: string): number;
  random(): number;
  /**
   * The Thompson-sampling bandit (bandit.ts), loaded only with configurations that have variants; without it an
   * offer's variants are not tested and its own content is shown.
   */
  choose?: typeof chooseArm | undefined;
  /** Schedules (schedule.ts), loaded only with configurations that have one. */
  schedule?: typeof scheduleMisses | undefined;
}

type Range = { min?: number | undefined; max?: number | undefined };
/** Why the profile fits an offer type (see typeFit). */
export type Fit =
  | ['customer' | 'returning-prospect' | 'new' | 'never-ordered' | 'bought' | 'browsed' | 'no-history' | 'no-views']
  | ['churn', number]
  | ['rfm', string]
  | ['viewed', number];

/**
 * Why an offer was chosen or left out, as data: a code and its values. Worded by explain.ts, which loads only when
 * someone asks (`cordial.explain()`), so that the decisions themselves carry no sentences.
 */
export type Reason =
  | ['control' | 'offer-control', number]
  | ['below', number, string, number]
  | ['start' | 'end', string]
  | ['weekday']
  | ['hours', number, number]
  | ['urls', string, string[]]
  | ['excluded', string]
  | ['device', Device, Device[]]
  | ['consent']
  | ['visitor', boolean]
  | ['segment' | 'stage', string]
  | ['churn', number, Range]
  | ['rfm', 'r' | 'f' | 'm', number, Range]
  | ['trait', string, unknown]
  | ['events', EventCondition, number]
  | ['dismissed' | 'converted', number | 'never']
  | ['session' | 'day' | 'all-session' | 'all-day', number, number]
  | ['priority', number]
  | ['not-personalized']
  | ['fit', OfferType, number, ...Fit]
  | ['interest', string, number]
  | ['variant', string, { id: string; impressions: number; clicks: number; draw: number }[]];

export interface Decision {
  placement: string;
  control: boolean;
  personalized: boolean;
  chosen: { offer: Offer; variant: string | null; score: number; reasons: Reason[] } | null;
  rejected: { id: string; reasons: Reason[] }[];
}

const DAY = 86_400_000;
const PERSONAL: (keyof Audience)[] = ['segments', 'stages', 'churnRisk', 'rfm', 'traits', 'events', 'visitor'];

/**
 * One decision for one placement: eligibility (schedule, audience) → scoring (priority ×
 * propensity from the profile) → frequency caps → the choice, then the variant by
 * Thompson sampling. Every offer left out says why. Pure: all inputs are arguments.
 */
export function decide(input: DecisionInput): Decision {
  const personalized = input.summary !== null;
  const decision: Decision = { placement: input.placement, control: false, personalized, chosen: null, rejected: [] };
  // Loops rather than Array.prototype.filter and friends in the common path: host pages replace them.
  const candidates: Offer[] = [];
  for (const o of input.offers) if (o.placement === input.placement) candidates.push(o);
  if (input.holdout && input.bucket('global') < input.holdout) {
    decision.control = true;
    for (const o of candidates) decision.rejected.push({ id: o.id, reasons: [['control', input.holdout]] });
    return decision;
  }
  const scored: { offer: Offer; score: number; reasons: Reason[] }[] = [];
  for (const offer of candidates) {
    const reasons = [...(input.schedule?.(offer, input.now) ?? []), ...audienceMisses(offer.audience, input)];
    if (reasons.length === 0) reasons.push(...capMisses(offer, input));
    if (reasons.length === 0 && offer.holdout && input.bucket(offer.id) < offer.holdout)
      reasons.push(['offer-control', offer.holdout]);
    if (reasons.length) decision.rejected.push({ id: offer.id, reasons });
    else scored.push({ offer, ...score(offer, input.summary) });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score || (b.offer.priority ?? 50) - (a.offer.priority ?? 50) || a.offer.id.localeCompare(b.offer.id),
  );
  const [best, ...rest] = scored;
  if (best) {
    for (const other of rest)
      decision.rejected.push({
        id: other.offer.id,
        reasons: [['below', other.score, best.offer.id, best.score], ...other.reasons],
      });
    let variant: string | null = null;
    const variants = best.offer.variants;
    if (variants && input.choose) {
      const arms = variants.map((v) => {
        const [impressions, clicks] = input.history.arms[`${best.offer.id}/${v.id}`] ?? [0, 0];
        return { id: v.id, impressions, clicks };
      });
      const pick = input.choose(arms, input.random);
      variant = pick.id;
      best.reasons.push(['variant', variant, arms.map((a) => ({ ...a, draw: pick.draws[a.id] ?? 0 }))]);
    }
    decision.chosen = { offer: best.offer, variant, score: best.score, reasons: best.reasons };
  }
  return decision;
}

const inRange = (value: number, range: Range) =>
  (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);

/** Page path patterns: `*` matches any run of characters, everything else literally. */
export function matchesPath(pattern: string, path: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(path);
}

function audienceMisses(a: Audience | undefined, input: DecisionInput): Reason[] {
  if (!a) return [];
  const misses: Reason[] = [];
  const path = input.path;
  if (a.urls && !a.urls.some((p) => matchesPath(p, path))) misses.push(['urls', path, a.urls]);
  if (a.excludeUrls?.some((p) => matchesPath(p, path))) misses.push(['excluded', path]);
  if (a.devices && !a.devices.includes(input.device)) misses.push(['device', input.device, a.devices]);
  const s = input.summary;
  if (!s) {
    if (PERSONAL.some((key) => a[key] !== undefined)) misses.push(['consent']);
    return misses;
  }
  if (a.visitor && (a.visitor === 'returning') !== s.returning) misses.push(['visitor', s.returning]);
  if (a.segments && !a.segments.includes(s.segment)) misses.push(['segment', s.segment]);
  if (a.stages && !a.stages.includes(s.stage)) misses.push(['stage', s.stage]);
  if (a.churnRisk && !inRange(s.churnRisk, a.churnRisk)) misses.push(['churn', s.churnRisk, a.churnRisk]);
  if (a.rfm)
    for (const key of ['r', 'f', 'm'] as const) {
      const range = a.rfm[key];
      if (range && !inRange(s.rfm[key], range)) misses.push(['rfm', key, s.rfm[key], range]);
    }
  if (a.traits)
    for (const [key, value] of Object.entries(a.traits))
      if (input.traits[key] !== value) misses.push(['trait', key, value]);
  if (a.events && input.events)
    for (const c of a.events) {
      const since = c.withinDays === undefined ? Number.NEGATIVE_INFINITY : input.now - c.withinDays * DAY;
      const n = input.events.count(c, since);
      if (n < (c.min ?? 1) || (c.max !== undefined && n > c.max)) misses.push(['events', c, n]);
    }
  return misses;
}

function capMisses(offer: Offer, input: DecisionInput): Reason[] {
  const { history, now, sessionId } = input;
  const misses: Reason[] = [];
  const caps = offer.caps ?? {};
  const wait = (key: 'dismissed' | 'converted', days: number | 'never') => {
    const at = history[key][offer.id];
    if (at !== undefined && (days === 'never' || now - at < days * DAY)) misses.push([key, days]);
  };
  wait('dismissed', caps.afterDismissal ?? 7);
  wait('converted', caps.afterConversion ?? 'never');
  let session = 0;
  let day = 0;
  let allSession = 0;
  let allDay = 0;
  for (const i of history.impressions) {
    const today = now - i.t < DAY;
    const mine = i.o === offer.id;
    if (i.s === sessionId) {
      allSession++;
      if (mine) session++;
    }
    if (today) {
      allDay++;
      if (mine) day++;
    }
  }
  const cap = (code: 'session' | 'day' | 'all-session' | 'all-day', shown: number, limit: number | undefined) => {
    if (limit !== undefined && shown >= limit) misses.push([code, shown, limit]);
  };
  cap('session', session, caps.perSession);
  cap('day', day, caps.perDay);
  cap('all-session', allSession, input.caps?.perSession);
  cap('all-day', allDay, input.caps?.perDay);
  return misses;
}

/** priority × (0.5 + propensity): the profile moves the owner's priority between 0.5× and 1.5×. */
function score(offer: Offer, s: ProfileSummary | null): { score: number; reasons: Reason[] } {
  const priority = offer.priority ?? 50;
  if (!s) return { score: priority, reasons: [['priority', priority], ['not-personalized']] };
  const [fit, ...why] = typeFit(offer.type, s);
  let propensity = fit;
  const reasons: Reason[] = [
    ['priority', priority],
    ['fit', offer.type, fit, ...why],
  ];
  if (offer.category) {
    const share = s.affinities.find((a) => a.category === offer.category)?.share ?? 0;
    propensity = 0.7 * fit + 0.3 * share;
    reasons.push(['interest', offer.category, share]);
  }
  return { score: priority * (0.5 + propensity), reasons };
}

function typeFit(type: OfferType, s: ProfileSummary): [number, ...Fit] {
  const f = s.rfm;
  switch (type) {
    case 'welcome':
      return s.orders > 0 ? [0.1, 'customer'] : s.returning ? [0.7, 'returning-prospect'] : [1, 'new'];
    case 'win-back':
      return s.orders === 0 ? [0, 'never-ordered'] : [s.churnRisk, 'churn', s.churnRisk];
    case 'retention':
      return s.orders === 0 ? [0, 'never-ordered'] : [0.4 + 0.06 * (f.f + f.m), 'rfm', `${f.r}${f.f}${f.m}`];
    case 'cross-sell':
      return s.cart.length || s.purchased.length
        ? [0.8, 'bought']
        : s.viewed.length
          ? [0.5, 'browsed']
          : [0.2, 'no-history'];
    case 'up-sell':
      return s.viewed.length ? [Math.min(1, 0.5 + s.viewed.length / 10), 'viewed', s.viewed.length] : [0.2, 'no-views'];
  }
}
