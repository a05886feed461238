import { createClient } from './client';
import { createOffers } from './offers';
import { createBrowserStore } from './storage';
import { CordialOffer, setOfferHost } from './widgets/offer/offer';

/**
 * The script-tag build: `<script src=".../cordial.iife.js" data-endpoint="/collect/batch">`.
 * Defines no global but `window.cordial`; replays calls queued by the snippet; never
 * throws into the page, and loading it twice keeps the first instance.
 */
type Queued = [string, ...unknown[]];
type Snippet = { _q?: Queued[]; _loaded?: boolean } | Queued[] | undefined;

declare global {
  interface Window {
    cordial?: unknown;
  }
}

function install() {
  const existing = window.cordial as Snippet;
  if (existing && !Array.isArray(existing) && existing._loaded) return;

  const script = document.currentScript as HTMLScriptElement | null;
  const data = script?.dataset ?? {};
  const config: Record<string, unknown> = {};
  if (data.writeKey) config.writeKey = data.writeKey;
  if (data.endpoint) config.endpoint = new URL(data.endpoint, location.href).href;

  const store = createBrowserStore();
  const client = createClient(config, { store });
  const offers = createOffers(client, store, (action, offer) => client.emit(`offer:${action}`, offer));

  const api = Object.freeze({ ...client, offers: { set: offers.set, list: offers.list }, _loaded: true });
  const queued: Queued[] = Array.isArray(existing) ? existing : (existing?._q ?? []);
  Object.defineProperty(window, 'cordial', { value: api, configurable: true, enumerable: false, writable: false });

  const inline = document.getElementById('cordial-offers');
  if (inline?.textContent) {
    try {
      const error = offers.set(JSON.parse(inline.textContent));
      if (error) console.warn(error);
    } catch {
      console.warn('Cordial: #cordial-offers is not valid JSON.');
    }
  }
  setOfferHost(offers.host);
  if (!customElements.get('cordial-offer')) customElements.define('cordial-offer', CordialOffer);

  for (const [method, ...args] of queued) {
    const fn = (api as unknown as Record<string, unknown>)[method];
    if (typeof fn === 'function') fn(...args);
  }
  client.emit('ready');
}

try {
  install();
} catch (error) {
  // Never throw into the host page.
  console.error('[cordial] could not start', error);
}
