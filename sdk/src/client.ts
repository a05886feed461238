import { parseConfig } from './config';
import { createBrowserTransport, createQueue, type Transport } from './delivery';
import { Emitter } from './emitter';
import { type Context, campaignFrom, LIBRARY, type Message, type Properties, pageContext, uuid } from './message';
import type { Offer } from './offer-config';
import { createBrowserStore, type Store } from './storage';

/** The listener contract of `cordial.on(name, fn)`. */
export type ClientEvents = {
  ready: [];
  identify: [Message];
  track: [Message];
  page: [Message];
  group: [Message];
  alias: [Message];
  reset: [];
  error: [Error];
  warning: [string];
  'offer:shown': [Offer];
  'offer:clicked': [Offer];
  'offer:dismissed': [Offer];
};

export interface Client {
  identify(userId?: string | null, traits?: Properties): Message | undefined;
  track(event: string, properties?: Properties): Message | undefined;
  page(category?: string, name?: string, properties?: Properties): Message | undefined;
  group(groupId: string, traits?: Properties): Message | undefined;
  alias(userId: string, previousId?: string): Message | undefined;
  reset(): void;
  on<K extends keyof ClientEvents>(name: K, fn: (...args: ClientEvents[K]) => void): Client;
  off<K extends keyof ClientEvents>(name: K, fn: (...args: ClientEvents[K]) => void): Client;
  /** Sends what is queued now (resolves when the attempt finished). */
  flush(): Promise<void>;
  user(): { anonymousId: string; userId: string | null; traits: Properties };
  /** For the widgets: tell the listeners about something that happened outside a call. */
  emit<K extends keyof ClientEvents>(name: K, ...args: ClientEvents[K]): void;
}

export interface ClientDeps {
  store?: Store;
  transport?: Transport;
  now?: () => Date;
}

/**
 * Creates the event API. Every public method is guarded: the host page never sees an
 * exception from us; errors are reported through `on('error')`.
 * @example
 *   const cordial = createClient({ endpoint: '/collect/batch' });
 *   cordial.track('Product Viewed', { product_id: 'p-1', price: 12 });
 */
export function createClient(config: unknown = {}, deps: ClientDeps = {}): Client {
  const options = parseConfig(config);
  const store = deps.store ?? createBrowserStore();
  const now = deps.now ?? (() => new Date());
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const emitter = new Emitter<ClientEvents>((error) => console.error('[cordial] a listener threw', error));
  const fail = (error: unknown) => emitter.emit('error', error instanceof Error ? error : new Error(String(error)));

  let anonymousId = store.get('anonymousId') ?? '';
  if (!anonymousId) {
    anonymousId = uuid();
    store.set('anonymousId', anonymousId);
  }
  let userId: string | null = store.get('userId');
  let traits: Properties = readJson(store.get('traits')) ?? {};

  function readJson(text: string | null): Properties | null {
    try {
      return text ? (parse(text) as Properties) : null;
    } catch {
      return null;
    }
  }

  const queue = options.endpoint
    ? createQueue({
        endpoint: options.endpoint,
        flushAt: options.flushAt ?? 20,
        flushInterval: options.flushInterval ?? 2000,
        maxQueue: options.maxQueue ?? 1000,
        transport: deps.transport ?? createBrowserTransport(),
        stringify,
        onDrop: (count) => emitter.emit('warning', `queue full: dropped the ${count} oldest message(s)`),
      })
    : null;

  if (queue && typeof addEventListener === 'function') {
    addEventListener('pagehide', () => queue.beacon());
    addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') queue.beacon();
    });
  }

  function context(): Context {
    const ctx: Context = { library: { ...LIBRARY } };
    if (typeof navigator !== 'undefined') {
      ctx.locale = navigator.language;
      ctx.userAgent = navigator.userAgent;
    }
    if (typeof location !== 'undefined' && typeof document !== 'undefined') {
      ctx.page = pageContext(location, document);
      const campaign = campaignFrom(location.search);
      if (campaign) ctx.campaign = campaign;
    }
    return ctx;
  }

  function dispatch(fields: Omit<Message, 'messageId' | 'anonymousId' | 'timestamp' | 'context' | 'userId'>): Message {
    const message: Message = {
      ...fields,
      messageId: uuid(),
      anonymousId,
      userId,
      timestamp: now().toISOString(),
      context: context(),
    };
    queue?.push(message);
    emitter.emit(message.type, message);
    return message;
  }

  function guard<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R | undefined {
    return (...args) => {
      try {
        return fn(...args);
      } catch (error) {
        fail(error);
        return undefined;
      }
    };
  }

  const isProps = (value: unknown): value is Properties =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  const props = (value: unknown, what: string): Properties => {
    if (value === undefined) return {};
    if (!isProps(value)) throw new TypeError(`Cordial: ${what} must be an object.`);
    return value;
  };

  const client: Client = {
    identify: guard((id?: string | null, newTraits?: Properties) => {
      if (id !== undefined && id !== null && typeof id !== 'string')
        throw new TypeError('Cordial: userId must be a string.');
      if (id) {
        userId = id;
        store.set('userId', id);
      }
      traits = { ...traits, ...props(newTraits, 'traits') };
      store.set('traits', stringify(traits));
      return dispatch({ type: 'identify', traits: { ...traits } });
    }),
    track: guard((event: string, properties?: Properties) => {
      if (typeof event !== 'string' || event.trim() === '') throw new TypeError('Cordial: track needs an event name.');
      return dispatch({ type: 'track', event, properties: props(properties, 'properties') });
    }),
    page: guard((category?: string, name?: string, properties?: Properties) => {
      const fields: Parameters<typeof dispatch>[0] = { type: 'page', properties: props(properties, 'properties') };
      if (name !== undefined) fields.name = name;
      if (category !== undefined) fields.category = category;
      const page = context().page;
      if (page) fields.properties = { ...page, ...fields.properties };
      return dispatch(fields);
    }),
    group: guard((groupId: string, groupTraits?: Properties) =>
      dispatch({ type: 'group', groupId: String(groupId), traits: props(groupTraits, 'traits') }),
    ),
    alias: guard((newId: string, previousId?: string) => {
      const previous = previousId ?? userId ?? anonymousId;
      userId = String(newId);
      store.set('userId', userId);
      return dispatch({ type: 'alias', previousId: previous });
    }),
    reset: guard(() => {
      for (const key of ['userId', 'traits', 'anonymousId']) store.remove(key);
      userId = null;
      traits = {};
      anonymousId = uuid();
      store.set('anonymousId', anonymousId);
      emitter.emit('reset');
    }) as () => void,
    on(name, fn) {
      emitter.on(name, fn);
      return client;
    },
    off(name, fn) {
      emitter.off(name, fn);
      return client;
    },
    flush: async () => {
      try {
        await queue?.flush();
      } catch (error) {
        fail(error);
      }
    },
    user: () => ({ anonymousId, userId, traits: { ...traits } }),
    emit: (name, ...args) => emitter.emit(name, ...args),
  };
  return client;
}
