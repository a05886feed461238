/** A tiny key-value port; the browser adapter falls back to memory where storage is blocked. */
export interface Store {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export function createMemoryStore(): Store {
  const map = new Map<string, string>();
  return {
    get: (key) => map.get(key) ?? null,
    set: (key, value) => void map.set(key, value),
    remove: (key) => void map.delete(key),
  };
}

/** localStorage under a `cordial.` prefix; memory when it throws (Safari private mode, sandboxed frames, quota). */
export function createBrowserStore(): Store {
  const memory = createMemoryStore();
  const prefix = 'cordial.';
  return {
    get(key) {
      try {
        return globalThis.localStorage.getItem(prefix + key) ?? memory.get(key);
      } catch {
        return memory.get(key);
      }
    },
    set(key, value) {
      memory.set(key, value);
      try {
        globalThis.localStorage.setItem(prefix + key, value);
      } catch {
        // Storage blocked or full: the in-memory copy keeps this page working.
      }
    },
    remove(key) {
      memory.remove(key);
      try {
        globalThis.localStorage.removeItem(prefix + key);
      } catch {
        // As above: nothing persisted, nothing to remove.
      }
    },
  };
}
