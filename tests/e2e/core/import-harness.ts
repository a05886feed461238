// The page the import browser test drives: a real file input, the real IndexedDB repository,
// and the report rendered as text. Bundled with Vite by import.spec.ts.
import { type ImportReport, type ImportStore, importCsv, streamChunks } from '@cordial/core';
import { openIdbRepository } from '@cordial/core/idb';

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
