import type { ProfileSummary } from '../../profile';
import { chooseArm } from './bandit';
import type { Audience, EventCondition, Offer } from './config';

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
}

export interface Decision {
  placement: string;
  control: boolean;
  personalized: boolean;
  chosen: { offer: Offer; variant: string | null; score: number; reasons: string[] } | null;
  rejected: { id: string; reasons: string[] }[];
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
  const candidates = input.offers.filter((o) => o.placement === input.placement);
  if (input.holdout && input.bucket('global') < input.holdout) {
    decision.control = true;
    for (const o of candidates)
      decision.rejected.push({
        id: o.id,
        reasons: [`the visitor is in the control group (holdout ${input.holdout}%)`],
      });
    return decision;
  }
  const scored: { offer: Offer; score: number; reasons: string[] }[] = [];
  for (const offer of candidates) {
    const reasons = [...scheduleMisses(offer, input.now), ...audienceMisses(offer.audience, input)];
    if (reasons.length === 0) reasons.push(...capMisses(offer, input));
    if (reasons.length === 0 && offer.holdout && input.bucket(offer.id) < offer.holdout)
      reasons.push(`the visitor is in this offer's control group (holdout ${offer.holdout}%)`);
    if (reasons.length) decision.rejected.push({ id: offer.id, reasons });
    else scored.push({ offer, ...score(offer, input.summary) });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score || (b.offer.priority ?? 50) - (a.offer.priority ?? 50) || a.offer.id.localeCompare(b.offer.id),
  );
  const [best, ...rest] = scored;
  for (const other of rest)
    decision.rejected.push({
      id: other.offer.id,
      reasons: [
        `scored ${round(other.score)}, below ${best?.offer.id} (${round(best?.score ?? 0)}): ${other.reasons.join('; ')}`,
      ],
    });
  if (best) {
    let variant: string | null = null;
    const variants = best.offer.variants;
    if (variants) {
      const arms = variants.map((v) => {
        const [impressions, clicks] = input.history.arms[`${best.offer.id}/${v.id}`] ?? [0, 0];
        return { id: v.id, impressions, clicks };
      });
      const pick = chooseArm(arms, input.random);
      variant = pick.id;
      best.reasons.push(
        `variant ${variant} by Thompson sampling (${arms.map((a) => `${a.id}: ${a.clicks}/${a.impressions} clicks, draw ${round(pick.draws[a.id] ?? 0)}`).join('; ')})`,
      );
    }
    decision.chosen = { offer: best.offer, variant, score: best.score, reasons: best.reasons };
  }
  return decision;
}

function scheduleMisses(offer: Offer, now: number): string[] {
  const s = offer.schedule;
  if (!s) return [];
  const date = new Date(now);
  if (s.start && now < Date.parse(s.start)) return [`scheduled to start ${s.start}`];
  if (s.end && now >= Date.parse(s.end)) return [`schedule ended ${s.end}`];
  if (s.weekdays && !s.weekdays.includes(date.getDay())) return ['not scheduled on this weekday'];
  const hour = date.getHours() + date.getMinutes() / 60;
  if (s.hours && !(hour >= s.hours[0] && hour < s.hours[1]))
    return [`scheduled between ${s.hours[0]}:00 and ${s.hours[1]}:00`];
  return [];
}

const inRange = (value: number, range: { min?: number | undefined; max?: number | undefined }) =>
  (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);
const rangeText = (r: { min?: number | undefined; max?: number | undefined }) => `${r.min ?? '…'}–${r.max ?? '…'}`;

/** Page path patterns: `*` matches any run of characters, everything else literally. */
export function matchesPath(pattern: string, path: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(path);
}

function audienceMisses(a: Audience | undefined, input: DecisionInput): string[] {
  if (!a) return [];
  const misses: string[] = [];
  if (a.urls && !a.urls.some((p) => matchesPath(p, input.path)))
    misses.push(`page ${input.path} matches none of ${a.urls.join(', ')}`);
  if (a.excludeUrls?.some((p) => matchesPath(p, input.path))) misses.push(`page ${input.path} is excluded`);
  if (a.devices && !a.devices.includes(input.device))
    misses.push(`device is ${input.device}, not ${a.devices.join('/')}`);
  const s = input.summary;
  if (!s) {
    if (PERSONAL.some((key) => a[key] !== undefined))
      misses.push('needs personalization consent (audience uses the profile)');
    return misses;
  }
  if (a.visitor && (a.visitor === 'returning') !== s.returning)
    misses.push(`the visitor is ${s.returning ? 'returning' : 'new'}`);
  if (a.segments && !a.segments.includes(s.segment)) misses.push(`RFM segment is ${s.segment}`);
  if (a.stages && !a.stages.includes(s.stage)) misses.push(`life-cycle stage is ${s.stage}`);
  if (a.churnRisk && !inRange(s.churnRisk, a.churnRisk))
    misses.push(`churn risk ${round(s.churnRisk)} outside ${rangeText(a.churnRisk)}`);
  if (a.rfm)
    for (const key of ['r', 'f', 'm'] as const) {
      const range = a.rfm[key];
      if (range && !inRange(s.rfm[key], range))
        misses.push(`${key.toUpperCase()} score ${s.rfm[key]} outside ${rangeText(range)}`);
    }
  if (a.traits)
    for (const [key, value] of Object.entries(a.traits))
      if (input.traits[key] !== value) misses.push(`trait ${key} is not ${String(value)}`);
  if (a.events && input.events)
    for (const c of a.events) {
      const since = c.withinDays === undefined ? Number.NEGATIVE_INFINITY : input.now - c.withinDays * DAY;
      const n = input.events.count(c, since);
      const min = c.min ?? 1;
      if (n < min || (c.max !== undefined && n > c.max))
        misses.push(`${describe(c)}: ${n} time(s), needs ${c.max === undefined ? `≥ ${min}` : `${min}–${c.max}`}`);
    }
  return misses;
}

const describe = (c: EventCondition) =>
  `${c.event}${c.category ? ` in ${c.category}` : ''}${c.productId ? ` of ${c.productId}` : ''}${c.withinDays === undefined ? '' : ` within ${c.withinDays} days`}`;

function capMisses(offer: Offer, input: DecisionInput): string[] {
  const { history, now, sessionId } = input;
  const misses: string[] = [];
  const caps = offer.caps ?? {};
  const wait = (key: 'dismissed' | 'converted', days: number | 'never', what: string) => {
    const at = history[key][offer.id];
    if (at !== undefined && (days === 'never' || now - at < days * DAY))
      misses.push(`${what} ${days === 'never' ? '(not shown again)' : `less than ${days} day(s) ago`}`);
  };
  wait('dismissed', caps.afterDismissal ?? 7, 'dismissed');
  wait('converted', caps.afterConversion ?? 'never', 'converted');
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
  if (caps.perSession !== undefined && session >= caps.perSession)
    misses.push(`shown ${session} time(s) this session (cap ${caps.perSession})`);
  if (caps.perDay !== undefined && day >= caps.perDay) misses.push(`shown ${day} time(s) today (cap ${caps.perDay})`);
  const g = input.caps;
  if (g?.perSession !== undefined && allSession >= g.perSession)
    misses.push(`${allSession} offer(s) shown this session (global cap ${g.perSession})`);
  if (g?.perDay !== undefined && allDay >= g.perDay)
    misses.push(`${allDay} offer(s) shown today (global cap ${g.perDay})`);
  return misses;
}

/** priority × (0.5 + propensity): the profile moves the owner's priority between 0.5× and 1.5×. */
function score(offer: Offer, s: ProfileSummary | null): { score: number; reasons: string[] } {
  const priority = offer.priority ?? 50;
  if (!s) return { score: priority, reasons: [`priority ${priority}`, 'not personalized (no consent)'] };
  const [fit, why] = typeFit(offer.type, s);
  let propensity = fit;
  const reasons = [`priority ${priority}`, `${offer.type} fit ${round(fit)}: ${why}`];
  if (offer.category) {
    const share = s.affinities.find((a) => a.category === offer.category)?.share ?? 0;
    propensity = 0.7 * fit + 0.3 * share;
    reasons.push(`interest in ${offer.category} ${round(share)}`);
  }
  return { score: priority * (0.5 + propensity), reasons };
}

function typeFit(type: Offer['type'], s: ProfileSummary): [number, string] {
  switch (type) {
    case 'welcome':
      return s.orders > 0
        ? [0.1, 'already a customer']
        : s.returning
          ? [0.7, 'returning prospect']
          : [1, 'new visitor'];
    case 'win-back':
      return s.orders === 0 ? [0, 'never ordered'] : [s.churnRisk, `churn risk ${round(s.churnRisk)}`];
    case 'retention':
      return s.orders === 0
        ? [0, 'never ordered']
        : [0.4 + 0.06 * (s.rfm.f + s.rfm.m), `RFM ${s.rfm.r}${s.rfm.f}${s.rfm.m}`];
    case 'cross-sell':
      return s.cart.length || s.purchased.length
        ? [0.8, 'has bought or has a cart']
        : s.viewed.length
          ? [0.5, 'has browsed products']
          : [0.2, 'no product history'];
    case 'up-sell':
      return s.viewed.length
        ? [Math.min(1, 0.5 + s.viewed.length / 10), `viewed ${s.viewed.length} product(s)`]
        : [0.2, 'no product views'];
  }
}

const round = (x: number) => Math.round(x * 100) / 100;
