/**
 * Calls back when a single-page app changes route: History API calls (pushState and
 * replaceState, wrapped once per page and shared by every watcher) and popstate.
 */
const listeners = new Set<() => void>();
let patched = false;

function notify() {
  for (const fn of listeners) fn();
}

function patch() {
  if (patched) return;
  patched = true;
  for (const method of ['pushState', 'replaceState'] as const) {
    const original = history[method];
    history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      // After the page's own code runs (it usually re-renders right after pushState).
      queueMicrotask(notify);
      return result;
    };
  }
  addEventListener('popstate', notify);
}

export function onLocationChange(fn: () => void): () => void {
  patch();
  listeners.add(fn);
  return () => listeners.delete(fn);
}
