import type { Client, Explanation, OfferRef } from '../../client';
import type { WidgetServices } from '../../loader';
import { type Offer, type OfferConfig, parseOfferConfig } from './config';
import { type Decision, type Device, decide, emptyHistory, MAX_IMPRESSIONS, type OfferHistory } from './decide';
import { EventIndex } from './event-index';
import { CordialOffer, refreshOffers, setOfferController } from './offer-element';
import { OfferDecisionEvent, OfferEvent } from './offer-events';
import type { Recommender } from './products';

/** Segment e-commerce v2 names for what happens to an offer (a promotion, in the spec's words). */
const PROMOTION_EVENT = { shown: 'Promotion Viewed', clicked: 'Promotion Clicked', dismissed: 'Promotion Dismissed' };
/** An order within 7 days of a click on an offer counts as its conversion. */
const ATTRIBUTION_WINDOW = 7 * 86_400_000;

/**
 * The offer widget module (dist/sdk/widgets/offer.js), imported by the loader when a
 * `<cordial-offer>` appears. Owns the offer configuration, the decisions and what they
 * remember (impressions, dismissals, conversions, the bandit's evidence).
 */
export function define(client: Client, { checkSchema }: WidgetServices): void {
  let config: OfferConfig = { offers: [] };
  let recommender: Recommender | null = null;
  let recommending = false;
  let history = emptyHistory();
  const index = new EventIndex();
  const explanations = new Map<string, Explanation>();
  const shownOn = new Map<string, CordialOffer>();
  const fail = (error: unknown) => client.emit('error', error instanceof Error ? error : new Error(String(error)));
  // Personal data: kept with the profile (exported, erased and consent-bound with it).
  const save = () => client.profile.remember('offers', history);

  /** Nothing is decided before the stored history is back, or caps would miss earlier impressions. */
  let loaded = false;
  const setConfig = (input: unknown): string | null => {
    const parsed = parseOfferConfig(input, checkSchema);
    if (!parsed.ok) {
      fail(new Error(parsed.error));
      return parsed.error;
    }
    config = parsed.config;
    explanations.clear();
    if (!recommending && config.offers.some((o) => o.content.products)) {
      recommending = true;
      const url = client.config.recommendations;
      Promise.all([import('./products'), url ? getJson(url).catch(fail) : null])
        .then(([module, table]) => {
          recommender = module.createRecommender(table, checkSchema, fail);
          refreshOffers();
        })
        .catch(fail);
    }
    refreshOffers();
    return null;
  };

  const bucket = (key: string) => {
    // FNV-1a of anonymousId/key: a stable 0–99 bucket per visitor and experiment.
    let h = 0x811c9dc5;
    for (const ch of `${client.user().anonymousId}/${key}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
    return (h >>> 0) % 100;
  };

  const decideFor = (placement: string, token?: string): Decision => {
    const data = client.profile.data();
    if (data) index.sync(data.events);
    const now = Date.now();
    const decision = decide({
      offers: config.offers,
      placement,
      summary: client.profile.summary(),
      events: data ? index : null,
      traits: client.user().traits,
      path: location.pathname,
      device: device(),
      now,
      sessionId: data?.sessionId ?? sessionFallback,
      history: token ? { ...history, impressions: history.impressions.filter((i) => i.k !== token) } : history,
      caps: config.caps,
      holdout: config.holdout,
      bucket,
      random: Math.random,
    });
    const explanation = explain(decision);
    explanations.set(placement, explanation);
    client.emit('offer:decision', explanation);
    return decision;
  };
  const sessionFallback = `page-${Date.now()}`;

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
      const decision = decideFor(element.placement, element.token);
      element.announce(new OfferDecisionEvent(explanations.get(element.placement) as Explanation));
      return decision;
    }, null),
    report: guard(
      (
        element: CordialOffer,
        action: 'shown' | 'clicked' | 'dismissed',
        { offer, variant }: NonNullable<Decision['chosen']>,
      ) => {
        const now = Date.now();
        const arm = variant ? `${offer.id}/${variant}` : null;
        const counts = arm ? (history.arms[arm] ?? [0, 0]) : null;
        if (action === 'shown') {
          const sessionId = client.profile.data()?.sessionId ?? sessionFallback;
          history.impressions.push({
            o: offer.id,
            t: now,
            s: sessionId,
            k: element.token,
            ...(variant && { v: variant }),
          });
          if (history.impressions.length > MAX_IMPRESSIONS) history.impressions.shift();
          if (counts) counts[0]++;
          shownOn.set(offer.id, element);
        } else if (action === 'clicked') {
          // One click per impression at most, so that the bandit's click rate stays a rate.
          const impression = history.impressions.findLast((i) => i.o === offer.id && i.k === element.token);
          if (counts && impression && !impression.c) counts[1] = Math.min(counts[1] + 1, counts[0]);
          if (impression) impression.c = true;
          history.clicked[offer.id] = now;
        } else history.dismissed[offer.id] = now;
        if (arm && counts) history.arms[arm] = counts;
        void save();
        const detail = ref(offer, variant);
        client.track(PROMOTION_EVENT[action], {
          promotion_id: offer.id,
          creative: variant ?? offer.id,
          name: detail.title,
          position: offer.placement,
          offer_type: offer.type,
        });
        element.announce(new OfferEvent(action, detail));
        client.emit(`offer:${action}`, detail);
      },
      undefined,
    ),
    products: guard((offer: Offer) => {
      const spec = offer.content.products;
      return spec && recommender ? recommender.pick(spec, client.profile.summary()) : [];
    }, []),
    productUrl: (id) =>
      config.productUrl ? new URL(config.productUrl.replace('{id}', encodeURIComponent(id)), location.href).href : null,
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
    set: setConfig,
    refresh: refreshOffers,
    // Not before the stored history and the configuration are in: an earlier answer would be wrong or empty.
    explain: async (placement) => {
      await started;
      return explanations.get(placement) ?? explain(decideFor(placement));
    },
  });

  const start = async () => {
    const stored = await client.profile.recall<OfferHistory>('offers');
    if (stored && Array.isArray(stored.impressions)) history = { ...emptyHistory(), ...stored };
    loaded = true;
    const source = client.config.offers ?? inlineConfig();
    const offers = typeof source === 'string' ? await getJson(source) : source;
    if (offers !== undefined) setConfig(offers);
    refreshOffers();
  };
  if (!customElements.get('cordial-offer')) customElements.define('cordial-offer', CordialOffer);
  // Settles either way: a configuration that failed to load is reported, and explain() answers from what is there.
  const started = new Promise<void>((resolve) => client.on('ready', () => void start().catch(fail).finally(resolve)));
}

function explain(decision: Decision): Explanation {
  const chosen = decision.chosen;
  return {
    placement: decision.placement,
    control: decision.control,
    personalized: decision.personalized,
    decidedAt: new Date().toISOString(),
    chosen: chosen
      ? {
          id: chosen.offer.id,
          type: chosen.offer.type,
          placement: chosen.offer.placement,
          title: chosen.offer.content.title,
          ...(chosen.variant && { variant: chosen.variant }),
          score: Math.round(chosen.score * 100) / 100,
          reasons: chosen.reasons,
        }
      : null,
    rejected: decision.rejected,
  };
}

/** `<script type="application/json" id="cordial-offers">` (not executed, so fine under CSP). */
function inlineConfig(): unknown {
  const text = document.getElementById('cordial-offers')?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new Error('Cordial: #cordial-offers does not hold valid JSON.');
  }
}

/**
 * GET a JSON document with XMLHttpRequest and responseType 'json': neither a page's fetch
 * wrapper nor its JSON.parse override is involved.
 */
function getJson(url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', url);
    xhr.responseType = 'json';
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300 && xhr.response !== null
        ? resolve(xhr.response)
        : reject(
            new Error(
              `Cordial: could not load ${url} (HTTP ${xhr.status}${xhr.response === null ? ', not JSON' : ''}).`,
            ),
          );
    xhr.onerror = () => reject(new Error(`Cordial: could not load ${url} (network error).`));
    xhr.send();
  });
}

function device(): Device {
  const ua = navigator.userAgent;
  if (/iPad|Tablet/i.test(ua)) return 'tablet';
  if (/Mobi|Android/i.test(ua) || innerWidth < 640) return 'mobile';
  return innerWidth < 1024 && navigator.maxTouchPoints > 0 ? 'tablet' : 'desktop';
}
