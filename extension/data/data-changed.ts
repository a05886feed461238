/**
 * Tells every open extension page (sidebars, the popup) that stored customer data changed
 * outside them (the demo seed, a feed import), so they reload what they show.
 * BroadcastChannel is same-origin: the webmail page never hears it.
 */
const CHANNEL = 'cordial:data-changed';

export function announceDataChanged(): void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: 'changed' });
  channel.close();
}

/** Listens until `signal` aborts (or, without one, for the life of the page). */
export function onDataChanged(listener: () => void, signal?: AbortSignal): void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.addEventListener('message', listener);
  signal?.addEventListener('abort', () => channel.close(), { once: true });
}
