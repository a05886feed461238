import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDelivery, type SendResult, type Transport } from './delivery';
import type { Message } from './message';
import { createMemoryAsyncStore } from './storage';

const message = (n: number): Message => ({
  type: 'track',
  event: `E${n}`,
  messageId: `m-${n}`,
  anonymousId: 'anon',
  timestamp: '2026-01-01T00:00:00.000Z',
  context: { library: { name: 'test', version: '0' } },
});

function fakeTransport(results: SendResult[] = []) {
  const bodies: { batch: Message[]; sentAt: string }[] = [];
  const beacons: string[] = [];
  const transport: Transport = {
    send: vi.fn(async (_url: string, body: string) => {
      bodies.push(JSON.parse(body));
      return results.shift() ?? 'ok';
    }),
    beacon: (_url, body) => {
      beacons.push(body);
      return true;
    },
  };
  return { transport, bodies, beacons };
}

function setup(results: SendResult[] = [], overrides: Partial<Parameters<typeof createDelivery>[0]> = {}) {
  const fake = fakeTransport(results);
  const persist = createMemoryAsyncStore();
  const onDrop = vi.fn();
  const onRejected = vi.fn();
  const delivery = createDelivery({
    endpoint: '/collect/batch',
    flushAt: 3,
    flushInterval: 1000,
    maxQueue: 5,
    transport: fake.transport,
    persist,
    onDrop,
    onRejected,
    random: () => 0.5,
    ...overrides,
  });
  return { ...fake, delivery, persist, onDrop, onRejected };
}

describe('createDelivery', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('should send a Segment batch once flushAt messages are waiting', async () => {
    const { delivery, bodies } = setup();
    for (const n of [1, 2, 3]) delivery.push(message(n));
    await vi.runOnlyPendingTimersAsync();
    expect(bodies).toHaveLength(1);
    expect(bodies[0]?.batch.map((m) => m.messageId)).toEqual(['m-1', 'm-2', 'm-3']);
    expect(typeof bodies[0]?.sentAt).toBe('string');
    expect(delivery.size).toBe(0);
  });

  it('should send fewer messages after flushInterval', async () => {
    const { delivery, bodies } = setup();
    delivery.push(message(1));
    expect(bodies).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(bodies).toHaveLength(1);
  });

  it('should keep a failed batch and retry it with growing, jittered delays until the collector accepts it', async () => {
    const { delivery, bodies } = setup(['retry', 'retry', 'ok']);
    delivery.push(message(1));
    await delivery.flush();
    expect(bodies).toHaveLength(1);
    expect(delivery.size).toBe(1);
    // attempt 1: 2000 ms × (0.5 + 0.5/2) = 1500 ms
    await vi.advanceTimersByTimeAsync(1499);
    expect(bodies).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(bodies).toHaveLength(2);
    // attempt 2: 4000 ms × 0.75 = 3000 ms
    await vi.advanceTimersByTimeAsync(3000);
    expect(bodies).toHaveLength(3);
    expect(delivery.size).toBe(0);
    expect(bodies.every((b) => b.batch[0]?.messageId === 'm-1')).toBe(true);
  });

  it('should drop the oldest messages beyond maxQueue and count them', () => {
    const { delivery, onDrop } = setup([], { flushAt: 100 });
    for (let n = 1; n <= 7; n++) delivery.push(message(n));
    expect(delivery.size).toBe(5);
    expect(onDrop).toHaveBeenCalledTimes(2);
    expect(onDrop).toHaveBeenCalledWith(1);
  });

  it('should not retry a batch the collector refused (4xx) and report it', async () => {
    const { delivery, onRejected } = setup(['rejected']);
    delivery.push(message(1));
    await delivery.flush();
    expect(delivery.size).toBe(0);
    expect(onRejected).toHaveBeenCalledWith(1);
  });

  it('should persist the queue so that the next page restores and sends it', async () => {
    const first = setup(['retry'], { flushAt: 100 });
    first.delivery.push(message(1));
    first.delivery.push(message(2));
    await first.delivery.flush();
    const second = setup([], { persist: first.persist });
    await second.delivery.restore();
    await vi.runOnlyPendingTimersAsync();
    expect(second.bodies[0]?.batch.map((m) => m.messageId)).toEqual(['m-1', 'm-2']);
  });

  it('should keep the unsent messages of two open tabs apart, and let the next page take over both', async () => {
    const tabA = setup(['retry'], { flushAt: 100 });
    const tabB = setup(['retry'], { flushAt: 100, persist: tabA.persist });
    tabA.delivery.push(message(1));
    tabB.delivery.push(message(2));
    await Promise.all([tabA.delivery.flush(), tabB.delivery.flush()]);
    const next = setup([], { persist: tabA.persist });
    await next.delivery.restore();
    await vi.runOnlyPendingTimersAsync();
    expect(next.bodies.flatMap((b) => b.batch.map((m) => m.messageId)).sort()).toEqual(['m-1', 'm-2']);
  });

  it('should hand the rest of the queue to sendBeacon on page hide', () => {
    const { delivery, beacons } = setup([], { flushAt: 100 });
    delivery.push(message(1));
    delivery.beacon();
    expect(JSON.parse(beacons[0] ?? '{}').batch[0].messageId).toBe('m-1');
    expect(delivery.size).toBe(0);
  });
});
