import { toJson } from './json';
import type { Message } from './message';
import type { AsyncStore } from './storage';

/** How batches leave the browser. 'retry' means the collector may accept them later. */
export type SendResult = 'ok' | 'retry' | 'rejected';
export interface Transport {
  send(url: string, body: string): Promise<SendResult>;
  beacon(url: string, body: string): boolean;
}

/**
 * XMLHttpRequest while the page is open, sendBeacon when it is hidden (captured when the SDK loads). No fetch: a page's
 * fetch wrapper can neither see nor break our traffic, and keepalive is not needed since whatever is still unconfirmed
 * when the page goes away is handed to sendBeacon (the collector de-duplicates by messageId).
 */
export function createBrowserTransport(): Transport {
  const nav = globalThis.navigator;
  const beaconFn = typeof nav?.sendBeacon === 'function' ? nav.sendBeacon.bind(nav) : null;
  return {
    async send(url, body) {
      try {
        const status = (await request(url, body)).status;
        return status > 199 && status < 300
          ? 'ok'
          : status === 408 || status === 429 || status > 499 || status === 0
            ? 'retry'
            : 'rejected';
      } catch {
        return 'retry';
      }
    },
    beacon(url, body) {
      try {
        return beaconFn ? beaconFn(url, new Blob([body], { type: 'application/json' })) : false;
      } catch {
        return false;
      }
    },
  };
}

/**
 * XMLHttpRequest, settled on loadend (status 0 after a network error): a POST of JSON with `body`, else a GET with
 * responseType 'json', so that neither the page's fetch wrapper nor its JSON.parse override is involved.
 */
export function request(url: string, body?: string): Promise<XMLHttpRequest> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(body ? 'POST' : 'GET', url);
    if (body) xhr.setRequestHeader('content-type', 'application/json');
    else xhr.responseType = 'json';
    xhr.onloadend = () => resolve(xhr);
    xhr.send(body);
  });
}

/** A JSON document (widget configurations, content), or a clear error. */
export async function getJson(url: string): Promise<unknown> {
  const xhr = await request(url);
  if (xhr.status > 199 && xhr.status < 300 && xhr.response !== null) return xhr.response;
  throw new Error(`Cordial: could not load ${url} as JSON (${xhr.status ? `HTTP ${xhr.status}` : 'network error'}).`);
}

export interface DeliveryOptions {
  endpoint: string;
  flushAt: number;
  flushInterval: number;
  maxQueue: number;
  transport: Transport;
  /** Where the queue survives reloads and offline periods (IndexedDB, or memory). */
  persist: AsyncStore;
  /** The bounded queue dropped this many of its oldest messages. */
  onDrop(count: number): void;
  /** The collector refused a batch for good (4xx): it is not retried. */
  onRejected(count: number): void;
  random?: () => number;
}

/** Segment's limits: 500 KB per batch; we also stop at 100 messages. */
const MAX_BATCH = 100;
const MAX_BYTES = 450_000;
const MAX_BACKOFF = 60_000;

/**
 * The delivery queue: batched, persisted, at-least-once. A message leaves the queue only
 * once the collector accepted its batch (or sendBeacon took it on page hide); failures
 * retry with exponential backoff and full jitter; the collector de-duplicates by messageId.
 */
export function createDelivery(options: DeliveryOptions) {
  let queue: Message[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | null = null;
  let attempt = 0;
  let saving: Promise<void> = Promise.resolve();
  const random = options.random ?? Math.random;

  // One key per page: two tabs of the same site must not overwrite each other's unsent messages.
  const key = `queue:${Math.random().toString(36).slice(2)}`;
  const save = () => {
    const snapshot = queue.slice();
    const write = () => (snapshot.length ? options.persist.set(key, snapshot) : options.persist.remove(key));
    saving = saving.then(write).catch(() => undefined);
    return saving;
  };

  const bodyOf = (batch: Message[]) => toJson({ batch, sentAt: new Date().toISOString() });

  /** The next batch: at most MAX_BATCH messages and MAX_BYTES of JSON. */
  const nextBatch = () => {
    const batch: Message[] = [];
    let bytes = 0;
    for (const message of queue) {
      const size = toJson(message).length;
      if (batch.length >= MAX_BATCH || (batch.length > 0 && bytes + size > MAX_BYTES)) break;
      batch.push(message);
      bytes += size;
    }
    return batch;
  };

  // Loops rather than Array.prototype.map/filter here and below: host pages replace them, and delivery must go on.
  const remove = (batch: Message[]) => {
    const sent = new Set<string>();
    for (const m of batch) sent.add(m.messageId);
    const kept: Message[] = [];
    for (const m of queue) if (!sent.has(m.messageId)) kept.push(m);
    queue = kept;
    return save();
  };

  const schedule = (delay: number) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void flush();
    }, delay);
  };

  const offline = () => globalThis.navigator?.onLine === false;

  function flush(): Promise<void> {
    // Never rejects (timers and the 'online' listener call it): an unexpected failure is retried like a network one.
    if (!inFlight)
      inFlight = send()
        .catch(retry)
        .finally(() => (inFlight = null));
    return inFlight;
  }

  const retry = () => {
    attempt++;
    // Full jitter (AWS architecture blog): spreads retries of many visitors after an outage.
    schedule(Math.min(MAX_BACKOFF, 1000 * 2 ** attempt) * (0.5 + random() / 2));
  };

  async function send(): Promise<void> {
    while (queue.length > 0) {
      if (offline()) return; // the 'online' event resumes
      const batch = nextBatch();
      const result = await options.transport.send(options.endpoint, bodyOf(batch));
      if (result === 'retry') return retry();
      attempt = 0;
      if (result === 'rejected') options.onRejected(batch.length);
      await remove(batch);
    }
  }

  if (typeof addEventListener === 'function') addEventListener('online', () => void flush());

  return {
    /**
     * Takes over what earlier pages left unsent. A page that is still open keeps its own copy
     * in memory and writes it back on its next change; if both send, the collector de-duplicates.
     */
    async restore(): Promise<void> {
      const keys = await options.persist.keys().catch(() => [] as string[]);
      const known = new Set<string>();
      for (const m of queue) known.add(m.messageId);
      const restored: Message[] = [];
      for (const other of keys) {
        if (!other.startsWith('queue:') || other === key) continue;
        const stored = await options.persist.get<Message[]>(other).catch(() => undefined);
        await options.persist.remove(other).catch(() => undefined);
        for (const m of Array.isArray(stored) ? stored : [])
          if (m && typeof m.messageId === 'string' && !known.has(m.messageId)) {
            known.add(m.messageId);
            restored.push(m);
          }
      }
      if (restored.length === 0) return;
      queue = restored.sort((a, b) => a.timestamp.localeCompare(b.timestamp)).concat(queue);
      void save();
      schedule(0);
    },
    push(message: Message) {
      queue.push(message);
      const overflow = queue.length - options.maxQueue;
      if (overflow > 0) {
        queue.splice(0, overflow);
        options.onDrop(overflow);
      }
      void save();
      if (queue.length >= options.flushAt) void flush();
      else if (timer === undefined || attempt === 0) schedule(options.flushInterval);
    },
    flush,
    /** On page hide: hand what is left to sendBeacon, which outlives the page. */
    beacon() {
      while (queue.length > 0) {
        const batch = nextBatch();
        if (!options.transport.beacon(options.endpoint, bodyOf(batch))) return;
        void remove(batch);
      }
    },
    /** Drops everything (consent revoked, profile erased). */
    clear() {
      queue = [];
      return save();
    },
    get size() {
      return queue.length;
    },
  };
}
export type Delivery = ReturnType<typeof createDelivery>;
