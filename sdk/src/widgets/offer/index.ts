import { nothing } from 'lit';
import type { Client, OfferDecision, OfferRef } from '../../client';
import type { WidgetServices } from '../../loader';
import type * as Bandit from './bandit';
import { type Offer, type OfferConfig, parseOfferConfig } from './config';
import { type Decision, type Device, decide, emptyHistory, MAX_IMPRESSIONS, type OfferHistory } from './decide';
import type { EventIndex } from './event-index';
// Without personalization consent there is no stored session: this page load is the session.
import { CordialOffer, PAGE, refreshOffers, setOfferController, useOverlay } from './offer-element';
import { OfferEvent } from './offer-events';
import type { Recommender } from './products';
import type { scheduleMisses } from './schedule';

/** Segment e-commerce v2 names for what happens to an offer (a promotion, in the spec's words). */
const PROMOTION_EVENT = { shown: 'Promotion Viewed', clicked: 'Promotion Clicked', dismissed: 'Promotion Dismissed' };
/** An order within 7 days of a click on an offer counts as its conversion. */
const ATTRIBUTION_WINDOW = 7 * 86_400_000;

/**
 * The offer widget module (dist/sdk/widgets/offer.js), imported by the loader when a
 * `<cordial-offer>` appears. Owns the offer configuration, the decisions and what they
 * remember (impressions, dismissals, conversions, the bandit's evidence).
 */
export function define(client: Client, { checkSchema, getJson }: WidgetServices): void {
  let config: OfferConfig = { offers: [] };
  let recommender: Recommender | null = null;
  let history = emptyHistory();
  // Code only some configurations need, loaded before such a configuration applies.
  let index: EventIndex | null = null;
  let bandit: typeof Bandit | undefined;
  let schedule: typeof scheduleMisses | undefined;
  /** The latest decision per placement, and when it was made (explain() words it). */
  const decisions = new Map<string, [Decision, string]>();
  const shownOn = new Map<string, CordialOffer>();
  // The client turns anything thrown into an Error and reports it (listeners, else the console once).
  const fail = (error: unknown) => client.emit('error', error as Error);
  // Personal data: kept with the profile (exported, erased and consent-bound with it).
  const save = () => client.profile.remember('offers', history);

  /** Nothing is decided before the stored history is back, or caps would miss earlier impressions. */
  let loaded = false;
  /** The latest configuration wins, even when an earlier one is still waiting for its code. */
  let version = 0;
  const setConfig = async (input: unknown): Promise<string | null> => {
    const parsed = parseOfferConfig(input, checkSchema);
    if (!parsed.ok) {
      fail(new Error(parsed.error));
      return parsed.error;
    }
    const mine = ++version;
    // A loop, not Array.prototype.some (host pages replace it).
    const uses = (test: (offer: Offer) => unknown) => {
      for (const offer of parsed.config.offers) if (test(offer)) return true;
      return false;
    };
    const url = client.config.recommendations;
    await Promise.all([
      !bandit && uses((o) => o.variants) && import('./bandit').then((m) => (bandit = m)),
      !schedule && uses((o) => o.schedule) && import('./schedule').then((m) => (schedule = m.scheduleMisses)),
      !index && uses((o) => o.audience?.events) && import('./event-index').then((m) => (index = new m.EventIndex())),
      uses((o) => (o.display && o.display !== 'inline') || (o.trigger && o.trigger.on !== 'load')) &&
        import('./overlay').then(useOverlay),
      // Without a table (none configured, or it failed to load) product lists fall back to the offer's own ids.
      !recommender &&
        uses((o) => o.content.products) &&
        Promise.all([import('./products'), url && getJson(url).catch(fail)]).then(
          ([m, table]) => (recommender = m.createRecommender(table, checkSchema, fail)),
        ),
    ]);
    if (mine !== version) return null;
    config = parsed.config;
    decisions.clear();
    refreshOffers();
    return null;
  };

  const bucket = (key: string) => {
    // FNV-1a of anonymousId/key: a stable 0–99 bucket per visitor and experiment.
    let h = 0x811c9dc5;
    for (const ch of `${client.user().anonymousId}/${key}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
    return (h >>> 0) % 100;
  };

  const decideFor = (placement: string, token?: string): [Decision, OfferDecision] => {
    const data = client.profile.data();
    if (data) index?.sync(data.events);
    const now = Date.now();
    const decision = decide({
      offers: config.offers,
      placement,
      summary: client.profile.summary(),
      events: data && index,
      traits: client.user().traits,
      path: location.pathname,
      device: device(),
      now,
      sessionId: data?.sessionId ?? PAGE,
      history: token ? { ...history, impressions: others(history.impressions, token) } : history,
      caps: config.caps,
      holdout: config.holdout,
      bucket,
      random: Math.random,
      choose: bandit?.chooseArm,
      schedule,
    });
    const decidedAt = new Date(now).toISOString();
    decisions.set(placement, [decision, decidedAt]);
    const chosen = decision.chosen;
    const summary: OfferDecision = {
      ...decision,
      decidedAt,
      chosen: chosen && { ...ref(chosen.offer, chosen.variant), score: chosen.score },
      rejected: [],
    };
    for (const { id } of decision.rejected) summary.rejected.push({ id });
    client.emit('offer:decision', summary);
    return [decision, summary];
  };

  const productUrl = (id: string) =>
    config.productUrl ? new URL(config.productUrl.replace('{id}', encodeURIComponent(id)), location.href).href : null;

  const ref = (offer: Offer, variant: string | null): OfferRef => ({
    id: offer.id,
    type: offer.type,
    placement: offer.placement,
    title: offer.variants?.find((v) => v.id === variant)?.title ?? offer.content.title,
    ...(variant && { variant }),
  });

  /** The element calls these from timers and event handlers: a failure is reported, never thrown into the page. */
  const guard =
    <A extends unknown[], R>(fn: (...args: A) => R, fallback: R) =>
    (...args: A): R => {
      try {
        return fn(...args);
      } catch (error) {
        fail(error);
        return fallback;
      }
    };

  setOfferController({
    decide: guard((element: CordialOffer) => {
      if (!loaded) return null;
      const [decision, summary] = decideFor(element.placement, element.token);
      element.dispatchEvent(new OfferEvent('decision', summary));
      return decision;
    }, null),
    report: guard(
      (
        element: CordialOffer,
        action: 'shown' | 'clicked' | 'dismissed',
        { offer, variant }: NonNullable<Decision['chosen']>,
      ) => {
        const now = Date.now();
        const arm = `${offer.id}/${variant}`;
        if (action === 'shown') {
          const sessionId = client.profile.data()?.sessionId ?? PAGE;
          history.impressions.push({
            o: offer.id,
            t: now,
            s: sessionId,
            k: element.token,
            ...(variant && { v: variant }),
          });
          if (history.impressions.length > MAX_IMPRESSIONS) history.impressions.shift();
          if (variant) bandit?.learn(history.arms, arm, false);
          shownOn.set(offer.id, element);
        } else if (action === 'clicked') {
          const impression = history.impressions.findLast((i) => i.o === offer.id && i.k === element.token);
          if (variant && impression && !impression.c) bandit?.learn(history.arms, arm, true);
          if (impression) impression.c = true;
          history.clicked[offer.id] = now;
        } else history.dismissed[offer.id] = now;
        void save();
        const detail = ref(offer, variant);
        client.track(PROMOTION_EVENT[action], {
          promotion_id: offer.id,
          creative: variant ?? offer.id,
          name: detail.title,
          position: offer.placement,
          offer_type: offer.type,
        });
        element.dispatchEvent(new OfferEvent(action, detail));
        client.emit(`offer:${action}`, detail);
      },
      undefined,
    ),
    fail,
    products: guard((offer: Offer, onClick: () => void) => {
      const spec = offer.content.products;
      return spec && recommender ? recommender.render(spec, client.profile.summary(), productUrl, onClick) : nothing;
    }, nothing),
  });

  // Conversions: an order after a click on an offer (within the attribution window).
  client.on('track', (message) => {
    if (message.event !== 'Order Completed') return;
    const now = Date.now();
    const orderId = String((message.properties as { order_id?: unknown } | undefined)?.order_id ?? message.messageId);
    for (const offer of config.offers) {
      const clicked = history.clicked[offer.id];
      if (clicked === undefined || now - clicked > ATTRIBUTION_WINDOW || (history.converted[offer.id] ?? 0) > clicked)
        continue;
      history.converted[offer.id] = now;
      const detail = { ...ref(offer, null), orderId };
      const element = shownOn.get(offer.id);
      (element?.isConnected ? element : document).dispatchEvent(new OfferEvent('converted', detail));
      client.emit('offer:converted', detail);
    }
    void save();
  });
  client.on('route', refreshOffers);
  client.on('consent', (state) => {
    if (!state.personalization) history = emptyHistory();
    refreshOffers();
  });
  client.on('reset', () => {
    history = emptyHistory();
    refreshOffers();
  });

  client.useOffers({
    // After the configuration the page was loaded with, so that the caller's one wins.
    set: async (input) => {
      await started;
      return setConfig(input);
    },
    refresh: refreshOffers,
    // Not before the stored history and the configuration are in: an earlier answer would be wrong or empty.
    explain: async (placement) => {
      await started;
      if (!decisions.has(placement)) decideFor(placement);
      const { explain } = await import('./explain');
      return explain(...(decisions.get(placement) as [Decision, string]));
    },
  });

  const start = async () => {
    const stored = await client.profile.recall<OfferHistory>('offers');
    if (stored && Array.isArray(stored.impressions)) history = { ...emptyHistory(), ...stored };
    loaded = true;
    const source = client.config.offers ?? inlineConfig();
    const offers = typeof source === 'string' ? await getJson(source) : source;
    if (offers !== undefined) await setConfig(offers);
    refreshOffers();
  };
  if (!customElements.get('cordial-offer')) customElements.define('cordial-offer', CordialOffer);
  // Settles either way: a configuration that failed to load is reported, and explain() answers from what is there.
  const started = new Promise<void>((resolve) => client.on('ready', () => void start().catch(fail).finally(resolve)));
}

/** `<script type="application/json" id="cordial-offers">` (not executed, so fine under CSP). */
function inlineConfig(): unknown {
  const text = document.getElementById('cordial-offers')?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new Error('Cordial: #cordial-offers is not valid JSON.');
  }
}

/** Impressions not made by this element (a loop: pages replace Array.prototype.filter). */
function others(impressions: OfferHistory['impressions'], token: string): OfferHistory['impressions'] {
  const list: OfferHistory['impressions'] = [];
  for (const i of impressions) if (i.k !== token) list.push(i);
  return list;
}

function device(): Device {
  const ua = navigator.userAgent;
  if (/iPad|Tablet/i.test(ua)) return 'tablet';
  if (/Mobi|Android/i.test(ua) || innerWidth < 640) return 'mobile';
  return innerWidth < 1024 && navigator.maxTouchPoints > 0 ? 'tablet' : 'desktop';
}
