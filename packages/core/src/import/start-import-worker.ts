/**
 * Starts an import worker from this package, for `importCsv`'s `worker` option: it reads and parses a
 * plain order file while the import links and stores the rows on the calling thread. A module of its
 * own (`@cordial/core/import-worker`): bundlers emit the worker file for every `new Worker(new URL())`
 * they see, so the analytics worker's client would bring that worker along.
 */
export function startImportWorker(): Worker {
  return new Worker(new URL('./order-rows.worker.ts', import.meta.url), { type: 'module' });
}
