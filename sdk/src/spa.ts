/**
 * Calls `onRoute` when a single-page app changes its route through the History API
 * (pushState, replaceState, back/forward) and the path or query actually changed. The
 * two History methods are wrapped once per page (a marker survives the SDK loading twice);
 * the wrappers call the original first so the app's navigation never depends on us.
 */
const MARK = Symbol.for('cordial.history');

export function watchRoutes(onRoute: () => void): void {
  if (typeof history === 'undefined') return;
  let last = location.pathname + location.search;
  const check = () => {
    const now = location.pathname + location.search;
    if (now === last) return;
    last = now;
    onRoute();
  };
  const h = history as History & { [MARK]?: (() => void)[] };
  addEventListener('popstate', check);
  // A page that froze history itself keeps its pushState unwrapped: back and forward are still followed.
  if (!Object.isExtensible(h)) return;
  if (!h[MARK]) {
    const listeners: (() => void)[] = [];
    h[MARK] = listeners;
    for (const name of ['pushState', 'replaceState'] as const) {
      const original = h[name];
      // defineProperty, not assignment: assigning fails when the page froze History.prototype.
      Object.defineProperty(h, name, {
        configurable: true,
        writable: true,
        value: function (this: History, ...args: Parameters<History['pushState']>) {
          const result = original.apply(this, args);
          for (const listener of listeners) {
            try {
              listener();
            } catch {
              // Reported by the client's own guard; never breaks the app's navigation.
            }
          }
          return result;
        },
      });
    }
  }
  h[MARK]?.push(check);
}
