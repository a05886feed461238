/**
 * Lets the event loop run what is waiting (IndexedDB's replies to a write in flight) before the
 * caller goes on: a macrotask, so the replies queued before it run first. In a page or worker through
 * a MessageChannel (a timeout would be clamped to 4 ms after a few in a row), in Node setImmediate.
 */
export function yieldToLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}
