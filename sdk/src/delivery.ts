import type { Message } from './message';

/** How batches leave the browser. The default uses fetch and sendBeacon captured at load time. */
export interface Transport {
  send(url: string, body: string): Promise<boolean>;
  beacon(url: string, body: string): boolean;
}

export function createBrowserTransport(): Transport {
  // Captured now: a page that later replaces window.fetch does not see our traffic.
  const fetchFn = globalThis.fetch?.bind(globalThis);
  const beaconFn = globalThis.navigator?.sendBeacon?.bind(globalThis.navigator);
  return {
    async send(url, body) {
      if (!fetchFn) return false;
      try {
        const res = await fetchFn(url, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json' },
          keepalive: body.length < 60_000,
          credentials: 'omit',
        });
        return res.ok || (res.status >= 400 && res.status < 500 && res.status !== 429);
      } catch {
        return false;
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

export interface QueueOptions {
  endpoint: string;
  flushAt: number;
  flushInterval: number;
  maxQueue: number;
  transport: Transport;
  /** Called with the count when the bounded queue drops its oldest messages. */
  onDrop(count: number): void;
  /** Serialiser captured at load time (hostile pages may replace JSON.stringify). */
  stringify(value: unknown): string;
}

/**
 * A bounded batching queue with at-least-once delivery: a batch leaves the queue only
 * once the collector accepted it; failures retry with exponential backoff and jitter.
 * The collector de-duplicates by messageId.
 */
export function createQueue(options: QueueOptions) {
  const queue: Message[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = false;
  let attempt = 0;

  const body = (batch: Message[]) => options.stringify({ batch, sentAt: new Date().toISOString() });

  const schedule = (delay: number) => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      void flush();
    }, delay);
  };

  async function flush(): Promise<void> {
    if (inFlight || queue.length === 0) return;
    inFlight = true;
    const batch = queue.slice(0, 100);
    const ok = await options.transport.send(options.endpoint, body(batch));
    inFlight = false;
    if (ok) {
      attempt = 0;
      queue.splice(0, batch.length);
      if (queue.length > 0) schedule(0);
    } else {
      attempt++;
      const backoff = Math.min(60_000, 500 * 2 ** attempt);
      schedule(backoff / 2 + Math.random() * (backoff / 2));
    }
  }

  return {
    push(message: Message) {
      queue.push(message);
      const overflow = queue.length - options.maxQueue;
      if (overflow > 0) {
        queue.splice(0, overflow);
        options.onDrop(overflow);
      }
      if (queue.length >= options.flushAt) void flush();
      else schedule(options.flushInterval);
    },
    flush,
    /** On page hide: hand what is left to sendBeacon (it survives the page unloading). */
    beacon() {
      if (queue.length === 0) return;
      if (options.transport.beacon(options.endpoint, body(queue.slice(0, 100)))) queue.splice(0, 100);
    },
    get size() {
      return queue.length;
    },
  };
}
