/** A small synchronous key-value port for identifiers and consent (localStorage in browsers). */
export interface Store {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/** An asynchronous port for larger structured data: the delivery queue and the visitor profile. */
export interface AsyncStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  keys(): Promise<string[]>;
  clear(): Promise<void>;
}

export function createMemoryStore(): Store {
  const map = new Map<string, string>();
  return {
    get: (key) => map.get(key) ?? null,
    set: (key, value) => void map.set(key, value),
    remove: (key) => void map.delete(key),
  };
}

export function createMemoryAsyncStore(): AsyncStore {
  const map = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => map.get(key) as T | undefined,
    set: async (key, value) => void map.set(key, value),
    remove: async (key) => void map.delete(key),
    keys: async () => [...map.keys()],
    clear: async () => map.clear(),
  };
}

const PREFIX = 'cordial.';

/**
 * localStorage under a `cordial.` prefix, written only while `persist()` allows it (consent);
 * memory otherwise or when storage throws (Safari private mode, sandboxed frames, quota).
 */
export function createBrowserStore(persist: () => boolean = () => true): Store {
  const memory = createMemoryStore();
  const local = (): Storage | null => {
    try {
      return globalThis.localStorage ?? null;
    } catch {
      return null;
    }
  };
  return {
    get(key) {
      const value = memory.get(key);
      if (value !== null || !persist()) return value;
      try {
        return local()?.getItem(PREFIX + key) ?? null;
      } catch {
        return null;
      }
    },
    set(key, value) {
      memory.set(key, value);
      try {
        if (persist()) local()?.setItem(PREFIX + key, value);
      } catch {
        // Storage blocked or full: the in-memory copy keeps this page working.
      }
    },
    remove(key) {
      memory.remove(key);
      try {
        local()?.removeItem(PREFIX + key);
      } catch {
        // As above: nothing persisted, nothing to remove.
      }
    },
  };
}

/**
 * IndexedDB (database `cordial`, one object store of structured clones: no JSON, so a
 * page's JSON overrides cannot touch it). Falls back to memory where IndexedDB is
 * missing or refuses to open (private modes, blocked storage).
 */
export function createIndexedDbStore(name = 'cordial'): AsyncStore {
  const memory = createMemoryAsyncStore();
  const db = new Promise<IDBDatabase | null>((resolve) => {
    try {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('kv');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  const run = <T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest, fallback: () => Promise<T>) =>
    db.then((database) =>
      database
        ? new Promise<T>((resolve, reject) => {
            const request = op(database.transaction('kv', mode).objectStore('kv'));
            request.onsuccess = () => resolve(request.result as T);
            request.onerror = () => reject(request.error);
          })
        : fallback(),
    );
  return {
    get: <T>(key: string) =>
      run<T | undefined>(
        'readonly',
        (s) => s.get(key),
        () => memory.get<T>(key),
      ),
    set: (key, value) =>
      run<void>(
        'readwrite',
        (s) => s.put(value, key),
        () => memory.set(key, value),
      ),
    remove: (key) =>
      run<void>(
        'readwrite',
        (s) => s.delete(key),
        () => memory.remove(key),
      ),
    keys: () =>
      run<string[]>(
        'readonly',
        (s) => s.getAllKeys(),
        () => memory.keys(),
      ) as Promise<string[]>, // only string keys are written
    clear: () =>
      run<void>(
        'readwrite',
        (s) => s.clear(),
        () => memory.clear(),
      ),
  };
}
