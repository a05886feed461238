// The page the import browser test drives: a real file input, the real IndexedDB repository,
// and the report rendered as text. Bundled with Vite by import.spec.ts.
import { type ImportReport, type ImportStore, importCsv, type Repository, streamChunks } from '@cordial/core';
import { openIdbRepository } from '@cordial/core/idb';
import { startImportWorker } from '@cordial/core/import-worker';

const input = document.querySelector<HTMLInputElement>('#file');
const kind = document.querySelector<HTMLSelectElement>('#kind');
const button = document.querySelector<HTMLButtonElement>('#import');
const output = document.querySelector<HTMLOutputElement>('#report');
if (!input || !kind || !button || !output) throw new Error('harness page is incomplete');

declare global {
  interface Window {
    lastReport?: ImportReport;
    readStore?: (store: string) => Promise<unknown[]>;
    findByEmail?: (email: string) => Promise<unknown[]>;
    importOrdersBothWays?: (text: string, failure?: 'load' | 'midway') => Promise<unknown>;
  }
}

button.addEventListener('click', async () => {
  const file = input.files?.[0];
  if (!file) return;
  output.textContent = 'importing…';
  const repo = await openIdbRepository({ name: 'cordial-import-e2e' });
  try {
    const report = await importCsv(repo, streamChunks(file.stream()), {
      kind: kind.value as ImportStore,
      batchSize: 3,
    });
    window.lastReport = report;
    output.textContent = `${report.accepted} of ${report.rows} rows imported, ${report.rejected.length} rejected`;
  } catch (error) {
    output.textContent = `import failed: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await repo.close();
  }
});

/** Reads back through a fresh connection, as the next session of the app would. */
window.readStore = async (store) => {
  const repo = await openIdbRepository({ name: 'cordial-import-e2e' });
  try {
    return (await repo.list(store as ImportStore, { limit: 10_000 })).records;
  } finally {
    await repo.close();
  }
};
window.findByEmail = async (email) => {
  const repo = await openIdbRepository({ name: 'cordial-import-e2e' });
  try {
    return (await repo.findContactsByEmail(email)).records;
  } finally {
    await repo.close();
  }
};

/**
 * The import worker, or one that fails: `load`, a worker whose script throws before it sends anything;
 * `midway`, the real worker killed once the batches it sent hold more than 1,000 rows (a batch is one
 * chunk of the file, 64 KB to 2 MB as Chromium reads it), then an error event (as a crash gives).
 */
function testWorker(failure: 'load' | 'midway' | undefined, onRows: (rows: number) => void): Worker {
  if (failure === 'load')
    return new Worker(
      URL.createObjectURL(new Blob(['throw new Error("no worker here")'], { type: 'text/javascript' })),
    );
  const worker = startImportWorker();
  let sent = 0;
  worker.addEventListener('message', (event) => {
    if (event.data?.type !== 'rows') return;
    onRows(event.data.lines.length);
    sent += event.data.lines.length;
    if (failure === 'midway' && sent > 1000) {
      worker.terminate();
      setTimeout(() =>
        worker.dispatchEvent(new ErrorEvent('error', { message: 'the worker crashed (test)', cancelable: true })),
      );
    }
  });
  return worker;
}

/**
 * The repository with each write held back a little, as a slow disk would: the import then reads no
 * faster than it stores, so the worker's first rows come while the file is far from read (the import
 * reads on itself until they do).
 */
function slowWrites(repo: Repository): Repository {
  return {
    ...repo,
    write: async (ops) => {
      await new Promise((resolve) => setTimeout(resolve, 250));
      return repo.write(ops);
    },
  };
}

/**
 * Imports one order file twice, each into an empty database: its rows read by an import worker (as the
 * workbench imports a file), and read on this thread. Gives both reports and everything stored. With
 * `failure`, the worker fails (testWorker): the import is to read the rest on this thread.
 */
window.importOrdersBothWays = async (text, failure) => {
  const file = new File([text], 'orders.csv', { type: 'text/csv' });
  const run = async (name: string, withWorker: boolean) => {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
    let workers = 0;
    /** Rows the worker sent (the import reads the first chunk of the file, 1.6 to 2.4 MB in Chromium, itself). */
    let workerRows = 0;
    const repo = await openIdbRepository({ name });
    try {
      const report = await importCsv(
        failure ? slowWrites(repo) : repo,
        withWorker ? file : streamChunks(file.stream()),
        {
          kind: 'orders',
          batchSize: 2000,
          now: () => '2026-01-01T00:00:00.000Z',
          ...(withWorker && {
            worker: () => {
              workers++;
              return testWorker(failure, (rows) => {
                workerRows += rows;
              });
            },
          }),
        },
      );
      const orders = (await repo.list('orders', { limit: 100_000 })).records;
      const contacts = (await repo.list('contacts', { limit: 100_000 })).records;
      return { report, orders, contacts, workers, workerRows };
    } finally {
      await repo.close();
    }
  };
  return { worker: await run('cordial-import-worker', true), thread: await run('cordial-import-thread', false) };
};
