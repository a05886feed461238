import MiniSearch from 'minisearch';
import type { Article } from './articles';
import { buildIndex, INDEX_FORMAT, INDEX_OPTIONS, type IndexedDoc, toDoc } from './search';

/** From this many articles on, the index is built in a worker and cached in IndexedDB. */
export const LARGE_COLLECTION = 1000;

const DB = 'cordial-help';
const STORE = 'search-index';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The cache of serialised indexes, keyed by content version, locale and index format. Null where IndexedDB is blocked. */
async function openCache(): Promise<IDBDatabase | null> {
  try {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    return await request(open);
  } catch {
    // Private modes and sandboxed frames refuse IndexedDB: the index is simply rebuilt each time.
    return null;
  }
}

async function readCached(db: IDBDatabase, key: string): Promise<string | undefined> {
  const value = await request(db.transaction(STORE).objectStore(STORE).get(key));
  return typeof value === 'string' ? value : undefined;
}

/** Keeps only the newest index: older versions are of no use once the content changed. */
async function writeCached(db: IDBDatabase, key: string, json: string): Promise<void> {
  const store = db.transaction(STORE, 'readwrite').objectStore(STORE);
  await request(store.clear());
  await request(store.put(json, key));
}

/**
 * Builds the index in a worker. Resolves to null when workers are unavailable or blocked
 * (a strict CSP without `worker-src` for our origin fires an error instead of running it).
 */
export function buildInWorker(docs: IndexedDoc[], timeoutMs = 20_000): Promise<string | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./index-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve(null);
      return;
    }
    const done = (value: string | null) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(value);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    worker.onmessage = (event: MessageEvent<unknown>) => done(typeof event.data === 'string' ? event.data : null);
    worker.onerror = () => done(null);
    worker.postMessage(docs);
  });
}

/** The main-thread fallback for large collections: indexes in chunks so the page stays responsive. */
async function buildInChunks(docs: IndexedDoc[]): Promise<MiniSearch<IndexedDoc>> {
  const index = new MiniSearch(INDEX_OPTIONS);
  await index.addAllAsync(docs, { chunkSize: 200 });
  return index;
}

export interface LoadedIndex {
  index: MiniSearch<IndexedDoc>;
  source: 'built' | 'worker' | 'main-thread' | 'cache';
}

/**
 * The search index for these articles: built at once for small collections; for large
 * ones read from the IndexedDB cache, or built in a worker (main thread as a fallback)
 * and cached under the content's version.
 */
export async function loadIndex(articles: Article[], version: string, locale: string): Promise<LoadedIndex> {
  const docs = articles.map(toDoc);
  if (articles.length < LARGE_COLLECTION) return { index: buildIndex(docs), source: 'built' };
  const key = `${INDEX_FORMAT}:${version}:${locale}`;
  const db = await openCache();
  try {
    const cached = db ? await readCached(db, key) : undefined;
    if (cached) return { index: await MiniSearch.loadJSONAsync(cached, INDEX_OPTIONS), source: 'cache' };
  } catch {
    // A corrupt or unreadable entry: rebuild below and overwrite it.
  }
  const json = await buildInWorker(docs);
  const index = json ? await MiniSearch.loadJSONAsync(json, INDEX_OPTIONS) : await buildInChunks(docs);
  if (db) await writeCached(db, key, json ?? JSON.stringify(index)).catch(() => undefined);
  db?.close();
  return { index, source: json ? 'worker' : 'main-thread' };
}
