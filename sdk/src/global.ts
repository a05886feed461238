import { type Client, createClient } from './client';
import { ConfigError } from './config';
import { loadWidgets } from './loader';

/**
 * The script-tag build:
 *   <script src="/sdk/cordial.iife.js" data-endpoint="/collect/batch" async></script>
 * Defines no global but `window.cordial`; replays the calls the queueing snippet kept,
 * in order; loads widget modules from its own folder when their elements appear; never
 * throws into the page; loading it twice keeps the first instance.
 */
type Queued = unknown[];
type Snippet = { _q?: Queued[]; _cordial?: true } | undefined;

declare global {
  interface Window {
    cordial?: unknown;
  }
}

/** `data-*` attributes of the script tag → config (numbers and booleans parsed). */
function configFrom(script: HTMLScriptElement | null): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  const data = script?.dataset ?? {};
  for (const key of Object.keys(data)) {
    const value = data[key] ?? '';
    config[key] = /^\d+$/.test(value) ? Number(value) : value === 'true' ? true : value === 'false' ? false : value;
  }
  for (const key of ['endpoint', 'offers', 'recommendations'])
    if (typeof config[key] === 'string') config[key] = new URL(config[key] as string, location.href).href;
  return config;
}

function install() {
  const existing = window.cordial as Snippet;
  if (existing?._cordial) return;
  const script = document.currentScript as HTMLScriptElement | null;
  const config = configFrom(script);
  let client: Client;
  try {
    client = createClient(config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // The owner's config is wrong: say so and keep the page's events local rather than lose them.
    console.error(error.message);
    client = createClient({});
  }
  const api: Client & { _cordial: true } = { ...client, _cordial: true };
  const queued = existing?._q ?? [];
  // Not writable, not configurable (the defaults): a page script cannot swap the API out.
  Object.defineProperty(window, 'cordial', { value: api, enumerable: true });
  for (const call of queued) {
    const [method, ...args] = Array.isArray(call) ? call : [];
    // 'consent.grant' and friends reach into the namespaces.
    let target: unknown = api;
    for (const part of String(method).split('.')) target = (target as Record<string, unknown> | undefined)?.[part];
    if (typeof target === 'function') {
      try {
        target(...args);
      } catch (error) {
        client.emit('error', error as Error); // emit('error') turns anything thrown into an Error
      }
    }
  }
  const base = script?.src ? new URL('./', script.src) : new URL('/sdk/', location.href);
  loadWidgets(api, base);
}

try {
  install();
} catch (error) {
  // Never throw into the host page.
  console.error('[cordial] could not start', error);
}
