import { type ClientConfig, parseConfig } from './config';
import { CATEGORIES, type ConsentCategory, type ConsentState, privacySignal, readConsent } from './consent';
import { createBrowserTransport, createDelivery, type Delivery, type Transport } from './delivery';
import { Emitter } from './emitter';
import { toJson, toPlain } from './json';
import { type Context, campaignFrom, LIBRARY, type Message, type Properties, pageContext, uuid } from './message';
import {
  createProfile,
  isProfile,
  type ProfileData,
  type ProfileSummary,
  recordMessage,
  summarize,
  touchSession,
} from './profile';
import { watchRoutes } from './spa';
import {
  type AsyncStore,
  createBrowserStore,
  createIndexedDbStore,
  createMemoryAsyncStore,
  type Store,
} from './storage';

/** An offer as the listeners see it (the full shape is the offer widget's `Offer`). */
export interface OfferRef {
  id: string;
  type: string;
  placement: string;
  variant?: string;
  title?: string;
}
/** What was decided for a slot: the `offer:decision` listeners' and DOM event's detail. */
export interface OfferDecision {
  placement: string;
  chosen: (OfferRef & { score: number }) | null;
  rejected: { id: string }[];
  /** The visitor is in the global control group (holdout): no offer. */
  control: boolean;
  /** false without personalization consent: only offers that do not use the profile qualify. */
  personalized: boolean;
  decidedAt: string;
}
/** Why a slot shows what it shows (`cordial.explain(placement)`): the decision with its reasons in words. */
export interface Explanation extends OfferDecision {
  chosen: (OfferRef & { score: number; reasons: string[] }) | null;
  rejected: { id: string; reasons: string[] }[];
}

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
  consent: [ConsentState];
  /** The profile changed (an event was recorded, or it was erased). */
  profile: [];
  /** A single-page app changed its route. */
  route: [string];
  'offer:decision': [OfferDecision];
  'offer:shown': [OfferRef];
  'offer:clicked': [OfferRef];
  'offer:dismissed': [OfferRef];
  'offer:converted': [OfferRef & { orderId: string }];
};
export type ClientEventName = keyof ClientEvents;

/** What the offer widget plugs in when it loads. */
export interface OffersImpl {
  set(config: unknown): Promise<string | null>;
  refresh(): void;
  /** Resolves once the stored history is back and the configuration applied, deciding now if nothing was decided. */
  explain(placement: string): Promise<Explanation>;
}

export interface Client {
  identify(userId?: string | null, traits?: Properties): Message | undefined;
  /** `options.timestamp` backdates the event (Segment's historical import), e.g. orders from before the SDK. */
  track(event: string, properties?: Properties, options?: { timestamp?: string | Date }): Message | undefined;
  page(category?: string | Properties, name?: string | Properties, properties?: Properties): Message | undefined;
  group(groupId: string, traits?: Properties): Message | undefined;
  alias(userId: string, previousId?: string): Message | undefined;
  reset(): void;
  on<K extends ClientEventName>(name: K, fn: (...args: ClientEvents[K]) => void): Client;
  off<K extends ClientEventName>(name: K, fn: (...args: ClientEvents[K]) => void): Client;
  /** Sends what is queued now (resolves when the attempt finished). */
  flush(): Promise<void>;
  user(): { anonymousId: string; userId: string | null; traits: Properties };
  readonly consent: {
    grant(categories?: ConsentCategory[]): void;
    revoke(): void;
    state(): ConsentState;
  };
  readonly profile: {
    /** Everything the SDK keeps about this visitor in this browser, as plain data. */
    export(): Promise<Record<string, unknown>>;
    /** Deletes all of it and starts over as a new anonymous visitor. */
    erase(): Promise<void>;
    /** The live profile (read-only), or null without personalization consent. */
    data(): ProfileData | null;
    /** RFM scores and segment, life-cycle stage, churn risk, affinities; null without personalization consent. */
    summary(): ProfileSummary | null;
    /** For widgets: keep a value with the profile (IndexedDB with personalization consent, memory otherwise). */
    remember(key: string, value: unknown): Promise<void>;
    recall<T>(key: string): Promise<T | undefined>;
  };
  readonly offers: {
    /**
     * Validates and applies an offer configuration. Resolves with null once it is in use, or with the message
     * naming every wrong field (it is then also reported through on('error')). Loads the offer widget if it is
     * not loaded yet (through loadWidgets; without it, waits until loadWidgets is called).
     */
    set(config: unknown): Promise<string | null>;
    refresh(): void;
    explain(placement: string): Promise<Explanation | null>;
  };
  /**
   * `cordial.explain(slot)`: why this offer, and why not the others. Waits for the offer widget while it loads
   * (never a premature null); null only when the page has no `<cordial-offer>` element.
   */
  explain(placement: string): Promise<Explanation | null>;
  readonly config: Readonly<ClientConfig>;
  /** For widgets: report something that happened outside a call. */
  emit<K extends ClientEventName>(name: K, ...args: ClientEvents[K]): void;
  /** For the offer widget: plug in the decisions. */
  useOffers(impl: OffersImpl): void;
  /** For loadWidgets: how to load a widget's module when the page asks for it before its element is there. */
  useLoader(load: (tag: string) => void): void;
}

export interface ClientDeps {
  store?: Store;
  persist?: AsyncStore;
  transport?: Transport;
  now?: () => number;
  navigator?: Navigator;
}

type Fields = Omit<Message, 'messageId' | 'anonymousId' | 'timestamp' | 'context' | 'userId'>;

/**
 * Creates the event API. Every public method is guarded: the host page never sees an
 * exception from us; errors are reported through `on('error')`.
 * @example
 *   const cordial = createClient({ endpoint: '/collect/batch' });
 *   cordial.track('Product Viewed', { product_id: 'p-1', category: 'Coffee', price: 12 });
 */
export function createClient(input: unknown = {}, deps: ClientDeps = {}): Client {
  const options = parseConfig(input);
  const browser = typeof document !== 'undefined';
  const now = deps.now ?? Date.now;
  const prefs = deps.store ?? createBrowserStore();
  const signal = options.privacySignals === false ? null : privacySignal(deps.navigator ?? globalThis.navigator);
  let consent = readConsent(prefs, options.consent === 'required', signal);
  const allowed = () => consent.analytics || consent.personalization;
  // Identifiers are kept in memory only until the visitor allows something.
  const ids = deps.store ?? createBrowserStore(allowed);
  const persist = deps.persist ?? createIndexedDbStore();
  /**
   * Synchronous copies (localStorage, written only with personalization consent) of what must survive the page
   * going away right after it changed: the session and widget memory (e.g. offer impressions for frequency caps).
   * IndexedDB writes are asynchronous and a reload can drop the last one; IndexedDB stays the long-term store.
   * Keys `cordial.s` ([sessionId, lastSeen]) and `cordial.w` (widget key → value), short for the 8 KB budget.
   */
  const copies = () => (parseStored(ids.get('w')) ?? {}) as Record<string, unknown>;
  /** Widget memory without personalization consent: this page only. */
  const scratch = createMemoryAsyncStore();
  const remembered = new Set<string>();
  const emitter = new Emitter<ClientEvents>((error) => fail(error));
  const warned = new Set<string>();
  /** Reports a failure: to on('error') listeners, else once per message to the console. Never throws itself. */
  const fail = (error: unknown) => {
    try {
      const err = error instanceof Error ? error : new Error(String(error));
      if (emitter.has('error')) emitter.emit('error', err);
      else if (!warned.has(err.message)) {
        warned.add(err.message);
        console.warn('[cordial]', err.message);
      }
    } catch {
      // The page broke even this (console, Set): stay silent rather than throw into it.
    }
  };
  const warn = (text: string) => emitter.emit('warning', text);

  let anonymousId = ids.get('anonymousId') || uuid();
  let userId: string | null = ids.get('userId');
  let traits = (parseStored(ids.get('traits')) ?? {}) as Properties;
  const saveIds = () => {
    ids.set('anonymousId', anonymousId);
    if (userId) ids.set('userId', userId);
    ids.set('traits', toJson(traits));
  };
  if (allowed()) saveIds();

  const delivery: Delivery | null = options.endpoint
    ? createDelivery({
        endpoint: options.endpoint,
        flushAt: options.flushAt ?? 20,
        flushInterval: options.flushInterval ?? 1000,
        maxQueue: options.maxQueue ?? 1000,
        transport: deps.transport ?? createBrowserTransport(),
        persist,
        onDrop: (count) => warn(`the delivery queue is full: dropped the ${count} oldest message(s)`),
        onRejected: (count) => warn(`the collector refused ${count} message(s); they are not retried`),
      })
    : null;
  /** Messages waiting for analytics consent (memory only, bounded like the queue). */
  let held: Message[] = [];

  // The session as last seen (read before anything is tracked here, which would overwrite it).
  const [id, seen] = (parseStored(ids.get('s')) ?? []) as [string, number];
  let profile = createProfile(seen || now(), id || uuid());
  let profileLoaded = false;
  const early: Message[] = [];
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const saveProfile = () => {
    if (!consent.personalization || !profileLoaded || saveTimer) return;
    saveTimer = setTimeout(() => {
      saveTimer = undefined;
      // Consent may have been revoked while the write was waiting.
      if (consent.personalization) persist.set('profile', profile).catch(fail);
    }, 300);
  };

  let ready = false;
  let pagedRoute: string | null = null;
  let offers: OffersImpl | null = null;
  let loadWidget: ((tag: string) => void) | undefined;
  /** offers.set() was called before the offer widget: load it as soon as there is a loader. */
  let wantOffers = false;
  /** What explain() and offers.set() wait for while the offer widget is still loading. */
  let plugged!: () => void;
  const offersIn = new Promise<void>((resolve) => (plugged = resolve));

  function context(): Context {
    const ctx: Context = { library: { ...LIBRARY } };
    if (typeof navigator !== 'undefined') {
      ctx.locale = navigator.language;
      ctx.userAgent = navigator.userAgent;
    }
    if (browser) {
      ctx.page = pageContext(location, document);
      const campaign = campaignFrom(location.search);
      if (campaign) ctx.campaign = campaign;
    }
    return ctx;
  }

  function dispatch(fields: Fields, at?: string | Date): Message {
    const time = at === undefined ? now() : new Date(at).getTime();
    if (Number.isNaN(time)) throw new TypeError('Cordial: options.timestamp must be a date or an ISO date string.');
    const message = toPlain({
      ...fields,
      messageId: uuid(),
      anonymousId,
      userId,
      timestamp: new Date(time).toISOString(),
      context: context(),
    }) as Message;
    if (consent.personalization)
      try {
        touchSession(profile, now(), uuid);
        ids.set('s', toJson([profile.sessionId, profile.lastSeen]));
        if (!profileLoaded) early.push(message);
        recordMessage(profile, message);
        saveProfile();
      } catch (error) {
        // The profile is for personalization; the message still goes out.
        fail(error);
      }
    if (consent.analytics) delivery?.push(message);
    else if (delivery && consent.reason === 'required') {
      held.push(message);
      if (held.length > (options.maxQueue ?? 1000)) held.shift();
    }
    emitter.emit(message.type, message);
    if (consent.personalization) emitter.emit('profile');
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
    if (value === undefined || value === null) return {};
    if (!isProps(value)) throw new TypeError(`Cordial: ${what} must be an object.`);
    return value;
  };
  const text = (value: unknown, what: string): string => {
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string' || value.trim() === '')
      throw new TypeError(`Cordial: ${what} must be a non-empty string.`);
    return value;
  };

  async function load() {
    try {
      await delivery?.restore();
      if (consent.personalization) {
        const stored = await persist.get<unknown>('profile');
        if (isProfile(stored)) {
          // IndexedDB may have missed the last write before the previous page went away: its session is newer.
          if (seen > stored.lastSeen) [stored.sessionId, stored.lastSeen] = [id, seen];
          profile = stored;
          // What was tracked while IndexedDB was opening joins the stored history.
          for (const message of early) recordMessage(profile, message);
          touchSession(profile, now(), uuid);
        }
      }
    } catch (error) {
      fail(error);
    }
    profileLoaded = true;
    early.length = 0;
    saveProfile();
    // load() runs again when personalization is granted later; ready is announced once.
    if (!ready) {
      ready = true;
      emitter.emit('ready');
    }
    if (consent.personalization) emitter.emit('profile');
  }

  const route = () => (browser ? location.pathname + location.search : '');

  function eraseLocal(): Promise<void> {
    for (const key of ['anonymousId', 'userId', 'traits', 's', 'w']) ids.remove(key);
    held = [];
    anonymousId = uuid();
    userId = null;
    traits = {};
    profile = createProfile(now(), uuid());
    return Promise.all([delivery?.clear(), persist.clear(), scratch.clear()]).then(() => undefined);
  }

  const client: Client = {
    identify: guard((id?: string | null, newTraits?: Properties) => {
      if (isProps(id) && newTraits === undefined) return client.identify(null, id);
      if (id !== undefined && id !== null) userId = text(id, 'userId');
      traits = { ...traits, ...(toPlain(props(newTraits, 'traits')) as Properties) };
      if (allowed()) saveIds();
      return dispatch({ type: 'identify', traits: { ...traits } });
    }),
    track: guard((event: string, properties?: Properties, options?: { timestamp?: string | Date }) =>
      dispatch(
        { type: 'track', event: text(event, 'the event name'), properties: props(properties, 'properties') },
        props(options, 'options').timestamp as string | undefined,
      ),
    ),
    page: guard((category?: string | Properties, name?: string | Properties, properties?: Properties) => {
      // Segment's signatures: page(), page(properties), page(name), page(name, properties), page(category, name, properties).
      const args: unknown[] = [];
      for (const a of [category, name, properties]) if (a !== undefined) args.push(a);
      const last = args[args.length - 1];
      const extra = isProps(last) ? (args.pop() as Properties) : {};
      const [first, second] = args as string[];
      const fields: Fields = { type: 'page', properties: { ...context().page, ...props(extra, 'properties') } };
      if (second !== undefined) {
        fields.category = text(first, 'the page category');
        fields.name = text(second, 'the page name');
      } else if (first !== undefined) fields.name = text(first, 'the page name');
      pagedRoute = route();
      return dispatch(fields);
    }),
    group: guard((groupId: string, groupTraits?: Properties) =>
      dispatch({ type: 'group', groupId: text(groupId, 'groupId'), traits: props(groupTraits, 'traits') }),
    ),
    alias: guard((newId: string, previousId?: string) => {
      const previous = previousId === undefined ? (userId ?? anonymousId) : text(previousId, 'previousId');
      userId = text(newId, 'userId');
      if (allowed()) saveIds();
      return dispatch({ type: 'alias', previousId: previous });
    }),
    reset: guard(() => {
      // Segment's reset: forget who this is (log out), keep the queue and the browsing profile.
      for (const key of ['anonymousId', 'userId', 'traits']) ids.remove(key);
      userId = null;
      traits = {};
      anonymousId = uuid();
      if (allowed()) saveIds();
      emitter.emit('reset');
    }) as () => void,
    on(name, fn) {
      emitter.on(name, fn);
      if (name === 'ready' && ready) guard(fn as () => void)();
      return client;
    },
    off(name, fn) {
      emitter.off(name, fn);
      return client;
    },
    flush: async () => {
      try {
        await delivery?.flush();
      } catch (error) {
        fail(error);
      }
    },
    user: () => ({ anonymousId, userId, traits: { ...traits } }),
    consent: {
      grant: guard((categories: ConsentCategory[] = CATEGORIES) => {
        for (const c of categories)
          if (c !== 'analytics' && c !== 'personalization')
            throw new TypeError('Cordial: consent categories are analytics, personalization.');
        prefs.set('consent', categories.join(','));
        const before = consent;
        consent = readConsent(prefs, true, null);
        if (allowed()) saveIds();
        if (consent.analytics && !before.analytics) {
          for (const message of held) delivery?.push(message);
          held = [];
        }
        if (consent.personalization && !before.personalization) void load();
        emitter.emit('consent', { ...consent });
      }) as Client['consent']['grant'],
      revoke: guard(() => {
        prefs.set('consent', '');
        consent = readConsent(prefs, true, null);
        void eraseLocal().catch(fail);
        emitter.emit('consent', { ...consent });
        emitter.emit('profile');
      }) as () => void,
      state: () => ({ ...consent }),
    },
    profile: {
      export: async () => {
        const widgets: Record<string, unknown> = {};
        try {
          for (const key of remembered) widgets[key] = toPlain(await client.profile.recall(key));
        } catch (error) {
          fail(error);
        }
        return {
          anonymousId,
          userId,
          traits: { ...traits },
          consent: { ...consent },
          profile: toPlain(profile),
          widgets,
          queuedMessages: delivery?.size ?? 0,
        };
      },
      erase: async () => {
        try {
          await eraseLocal();
          if (allowed()) saveIds();
          emitter.emit('reset');
          emitter.emit('profile');
        } catch (error) {
          fail(error);
        }
      },
      data: () => (consent.personalization ? profile : null),
      summary: () => (consent.personalization ? (guard(summarize)(profile, now()) ?? null) : null),
      remember: (key, value) => {
        remembered.add(key);
        // Written synchronously first: it is there on the next page even if this one is left right now.
        if (consent.personalization) ids.set('w', toJson({ ...copies(), [key]: value }));
        return (consent.personalization ? persist : scratch).set(`w:${key}`, value).catch(fail);
      },
      recall: async <T>(key: string) => {
        remembered.add(key);
        if (!consent.personalization) return scratch.get<T>(`w:${key}`);
        return (copies()[key] as T | undefined) ?? persist.get<T>(`w:${key}`).catch(() => undefined);
      },
    },
    offers: {
      set: (config) => {
        if (!offers) {
          wantOffers = true;
          loadWidget?.('cordial-offer');
        }
        return offersIn
          .then(() => (offers as OffersImpl).set(config))
          .catch((error: unknown) => {
            fail(error);
            return String(error);
          });
      },
      refresh: guard(() => offers?.refresh()) as () => void,
      explain: async (placement) => {
        try {
          if (!offers && browser && document.querySelector('cordial-offer')) await offersIn;
          return (await offers?.explain(placement)) ?? null;
        } catch (error) {
          fail(error);
          return null;
        }
      },
    },
    explain: (placement) => client.offers.explain(placement),
    config: options,
    // A widget's error goes where ours go (listeners, else the console once), not only to listeners.
    emit: (name, ...args) => (name === 'error' ? fail(args[0]) : emitter.emit(name, ...args)),
    useOffers: (impl) => {
      offers = impl;
      plugged();
    },
    useLoader: (load) => {
      loadWidget = load;
      if (wantOffers) load('cordial-offer');
    },
  };

  if (browser) {
    if (delivery) {
      const hide = guard(() => delivery.beacon());
      addEventListener('pagehide', hide);
      document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && hide());
    }
    // Once per route: the first automatic page() waits for the snippet's replayed calls (which may hold their own).
    const auto = options.autoPage !== false;
    if (auto)
      setTimeout(
        guard(() => pagedRoute === null && client.page()),
        0,
      );
    watchRoutes(
      guard(() => {
        if (auto && pagedRoute !== route()) client.page();
        emitter.emit('route', route());
      }),
    );
  }
  void load();
  return client;
}

function parseStored(text: string | null): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
