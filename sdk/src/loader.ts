import type { Client } from './client';
import { getJson } from './delivery';
import { checkSchema, type JsonSchema } from './schema-check';
import { WIDGETS } from './widgets/registry';

/**
 * Code the event API already carries and hands to widgets, so that a widget module does
 * not ship a second copy of it.
 */
export interface WidgetServices {
  /** Checks data against a JSON Schema generated from our zod schemas (see schema-check.ts). */
  checkSchema(schema: JsonSchema, value: unknown): string[];
  /** GETs a JSON document with XMLHttpRequest (a page's fetch or JSON.parse overrides do not matter). */
  getJson(url: string): Promise<unknown>;
}

/** What every widget module exports: it defines its element(s), wired to the client. */
export interface WidgetModule {
  define(client: Client, services: WidgetServices): void | Promise<void>;
}

const services: WidgetServices = { checkSchema, getJson };

const LIT_GLOBALS = ['litPropertyMetadata', 'reactiveElementVersions', 'litHtmlVersions', 'litElementVersions'];

/**
 * Watches the document for widget tags and imports each widget module once, the first
 * time its element is seen (on load or added later, e.g. by a single-page app). The
 * modules are same-origin ES modules, so this works under `script-src 'self'`.
 * @param base URL of the folder that holds `widgets/` (the SDK's own folder).
 */
export function loadWidgets(client: Client, base: string | URL): void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return;
  const pending = new Map(Object.entries(WIDGETS));
  // Lit's globals are shared by every widget module: remove them only once no module is still loading
  // (a widget whose classes are finalised after another widget removed them would fail to define).
  let loading = 0;
  const had: Record<string, boolean> = {};
  const settled = () => {
    if (--loading > 0) return;
    // Lit records its versions (and decorator metadata) on window. Ours are not the
    // page's business: remove those that were not there before, once our elements are defined.
    for (const key of LIT_GLOBALS) if (!had[key]) delete (globalThis as Record<string, unknown>)[key];
  };
  const load = (tag: string) => {
    const name = pending.get(tag);
    if (name === undefined) return;
    pending.delete(tag);
    if (pending.size === 0) observer.disconnect();
    if (customElements.get(tag)) return;
    if (loading++ === 0) for (const key of LIT_GLOBALS) had[key] = key in globalThis;
    import(/* @vite-ignore */ new URL(`widgets/${name}.js`, base).href)
      .then((module: WidgetModule) => module.define(client, services))
      .catch((error: unknown) => client.emit('error', asError(error, `could not load the ${tag} widget`)))
      .finally(settled);
  };
  const scan = () => {
    try {
      for (const tag of pending.keys()) if (document.getElementsByTagName(tag).length > 0) load(tag);
    } catch (error) {
      client.emit('error', asError(error, 'could not load the widgets'));
    }
  };
  const observer = new MutationObserver(scan);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  scan();
  // offers.set() before any <cordial-offer>: the page asks for the widget itself.
  client.useLoader(load);
}

function asError(error: unknown, what: string): Error {
  return new Error(`Cordial: ${what}: ${error instanceof Error ? error.message : String(error)}`);
}
