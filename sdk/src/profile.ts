import type { Message } from './message';

/**
 * The visitor's profile, kept in their own browser and fed by the events the page sends:
 * Segment e-commerce v2 names are understood natively. Raw facts only; the scores are
 * derived on demand by `summarize` so that thresholds can change without migrations.
 */
export interface LoggedEvent {
  /** epoch ms */
  t: number;
  /** event name (`page` for page views) */
  e: string;
  /** product category, when the event has one */
  c?: string;
  /** product id */
  p?: string;
}

export interface ViewedProduct {
  id: string;
  name?: string;
  category?: string;
  price?: number;
  t: number;
}

export interface ProfileData {
  v: 1;
  firstSeen: number;
  lastSeen: number;
  sessions: number;
  sessionId: string;
  /** newest last, at most MAX_EVENTS */
  events: LoggedEvent[];
  orders: { id: string; t: number; value: number; currency?: string; products: string[] }[];
  /** newest first, at most MAX_VIEWED */
  viewed: ViewedProduct[];
  /** category → decayed interest score */
  affinity: Record<string, number>;
  /** product ids in the cart (added and not removed) */
  cart: string[];
}

export const MAX_EVENTS = 10_000;
const MAX_VIEWED = 20;
const SESSION_GAP = 30 * 60_000;
const DAY = 86_400_000;
/** How much an event says about interest in its category. */
const WEIGHT: Record<string, number> = {
  'Product Viewed': 1,
  'Product Clicked': 1,
  'Product Added': 3,
  'Product Added to Wishlist': 2,
  'Order Completed': 5,
};
/** Interest halves every 30 days. */
const HALF_LIFE = 30 * DAY;

export function createProfile(now: number, sessionId: string): ProfileData {
  return {
    v: 1,
    firstSeen: now,
    lastSeen: now,
    sessions: 1,
    sessionId,
    events: [],
    orders: [],
    viewed: [],
    affinity: {},
    cart: [],
  };
}

/** Whether `value` is a profile an earlier version of this file wrote (storage is input too). */
export function isProfile(value: unknown): value is ProfileData {
  const p = value as ProfileData | null;
  return !!p && p.v === 1 && Array.isArray(p.events) && Array.isArray(p.orders) && Array.isArray(p.viewed);
}

type Product = { product_id?: unknown; sku?: unknown; name?: unknown; category?: unknown; price?: unknown };
const str = (v: unknown) => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : undefined);
const num = (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'string' && v !== '' && Number.isFinite(+v)
      ? +v
      : undefined;

/** Starts a new session after 30 minutes without activity (the usual web-analytics rule). */
export function touchSession(profile: ProfileData, now: number, newId: () => string): void {
  if (now - profile.lastSeen > SESSION_GAP) {
    profile.sessions++;
    profile.sessionId = newId();
  }
  profile.lastSeen = now;
}

/** Feeds one message into the profile (mutates it; the caller persists). */
export function recordMessage(profile: ProfileData, message: Message): void {
  const t = Date.parse(message.timestamp) || Date.now();
  const props = (message.properties ?? {}) as Record<string, unknown> & Product & { products?: unknown };
  if (message.type === 'page') {
    logEvent(profile, { t, e: 'page' });
    return;
  }
  if (message.type !== 'track' || !message.event) return;
  const name = message.event;
  const products: Product[] = Array.isArray(props.products) ? (props.products as Product[]) : [props];
  const weight = WEIGHT[name] ?? 0;
  for (const product of products) {
    const id = str(product.product_id) ?? str(product.sku);
    const category = str(product.category);
    logEvent(profile, { t, e: name, ...(category && { c: category }), ...(id && { p: id }) });
    if (category && weight) addAffinity(profile, category, weight, t);
    if (!id) continue;
    if (name === 'Product Viewed') {
      profile.viewed = [
        {
          id,
          t,
          ...(str(product.name) && { name: str(product.name) }),
          ...(category && { category }),
          ...(num(product.price) !== undefined && { price: num(product.price) }),
        },
        ...profile.viewed.filter((v) => v.id !== id),
      ].slice(0, MAX_VIEWED);
    } else if (name === 'Product Added' && !profile.cart.includes(id)) profile.cart.push(id);
    else if (name === 'Product Removed') profile.cart = profile.cart.filter((p) => p !== id);
  }
  if (name === 'Order Completed') {
    const id = str(props.order_id) ?? message.messageId;
    if (profile.orders.some((o) => o.id === id)) return;
    const value =
      num((props as Record<string, unknown>).revenue) ??
      num((props as Record<string, unknown>).total) ??
      products.reduce((sum, p) => sum + (num(p.price) ?? 0) * (num((p as Record<string, unknown>).quantity) ?? 1), 0);
    const ids = products.map((p) => str(p.product_id) ?? str(p.sku)).filter((x): x is string => !!x);
    const currency = str((props as Record<string, unknown>).currency);
    profile.orders.push({ id, t, value, products: ids, ...(currency && { currency }) });
    profile.cart = [];
  }
}

function logEvent(profile: ProfileData, event: LoggedEvent): void {
  profile.events.push(event);
  if (profile.events.length > MAX_EVENTS) profile.events.splice(0, profile.events.length - MAX_EVENTS);
}

function addAffinity(profile: ProfileData, category: string, weight: number, t: number): void {
  // Scores are stored as of `lastSeen`-independent epoch: weight × 2^(t/half-life), normalised on read.
  profile.affinity[category] = (profile.affinity[category] ?? 0) + weight * 2 ** ((t - profile.firstSeen) / HALF_LIFE);
}

export type LifecycleStage = 'prospect' | 'customer' | 'repeat' | 'high-value' | 'lapsed';
export type RfmSegment = 'champions' | 'loyal' | 'potential' | 'new' | 'at-risk' | 'lost' | 'hibernating' | 'prospect';

export interface ProfileSummary {
  returning: boolean;
  sessions: number;
  orders: number;
  /** days since the last order (null without orders) */
  recencyDays: number | null;
  monetary: number;
  /** 1 (worst) to 5 (best) each; 0 without orders */
  rfm: { r: number; f: number; m: number };
  segment: RfmSegment;
  stage: LifecycleStage;
  /** 0..1: how likely the customer has stopped buying */
  churnRisk: number;
  /** categories by decayed interest, strongest first, with shares summing to 1 */
  affinities: { category: string; share: number }[];
  viewed: ViewedProduct[];
  purchased: string[];
  cart: string[];
}

/** Thresholds for one visitor's RFM scores (a single browser has no population to rank against). */
const RECENCY_DAYS = [30, 90, 180, 365];
const FREQUENCY = [2, 3, 5, 8];
const MONETARY = [50, 150, 400, 1000];
const score = (value: number, steps: number[]) => 1 + steps.filter((s) => value >= s).length;

export function summarize(profile: ProfileData, now: number): ProfileSummary {
  const orders = profile.orders;
  const last = orders.length ? Math.max(...orders.map((o) => o.t)) : null;
  const recencyDays = last === null ? null : Math.max(0, (now - last) / DAY);
  const monetary = orders.reduce((sum, o) => sum + o.value, 0);
  const rfm =
    recencyDays === null
      ? { r: 0, f: 0, m: 0 }
      : { r: 6 - score(recencyDays, RECENCY_DAYS), f: score(orders.length, FREQUENCY), m: score(monetary, MONETARY) };
  // Churn risk: time since the last order measured in the customer's own buying rhythm
  // (mean gap between orders; 60 days until there are two orders). One rhythm late ≈ 0.4, three ≈ 0.8.
  const times = orders.map((o) => o.t).sort((a, b) => a - b);
  const gap = times.length > 1 ? ((times[times.length - 1] ?? 0) - (times[0] ?? 0)) / (times.length - 1) / DAY : 60;
  const churnRisk = recencyDays === null ? 0 : 1 - Math.exp(-recencyDays / (2 * Math.max(gap, 7)));
  const stage: LifecycleStage =
    orders.length === 0
      ? 'prospect'
      : churnRisk > 0.7
        ? 'lapsed'
        : orders.length === 1
          ? 'customer'
          : rfm.m >= 4
            ? 'high-value'
            : 'repeat';
  const total = Object.values(profile.affinity).reduce((a, b) => a + b, 0);
  const affinities = Object.entries(profile.affinity)
    .map(([category, value]) => ({ category, share: total ? value / total : 0 }))
    .sort((a, b) => b.share - a.share);
  return {
    returning: profile.sessions > 1,
    sessions: profile.sessions,
    orders: orders.length,
    recencyDays,
    monetary,
    rfm,
    segment: segmentOf(rfm, orders.length),
    stage,
    churnRisk,
    affinities,
    viewed: profile.viewed,
    purchased: [...new Set(orders.flatMap((o) => o.products))],
    cart: profile.cart,
  };
}

/** The usual named RFM segments, from the recency and frequency scores. */
function segmentOf({ r, f }: { r: number; f: number }, orders: number): RfmSegment {
  if (orders === 0) return 'prospect';
  if (r >= 4) return f >= 4 ? 'champions' : f >= 2 ? 'loyal' : 'new';
  if (r === 3) return f >= 2 ? 'potential' : 'hibernating';
  return f >= 2 ? 'at-risk' : r === 2 ? 'hibernating' : 'lost';
}
