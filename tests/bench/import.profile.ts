// The import benchmark's data through the real IndexedDB repository, for `scripts/profile.mjs` (not a
// benchmark: `npm run bench` runs *.bench.ts only). Query: `c` contacts (100000), `o` orders (1000000),
// `phase` to profile (`all`, `contacts` or `orders`), `cb` and `ob` batch sizes (`cb1` and `ob1` the
// first batches'), `worker=0` to read the orders on the page's thread. It prints START where the profiled phase begins and the times at the end:
//   node scripts/profile.mjs tests/bench/import.profile.ts "phase=orders" --profile
import { importCsv, streamChunks } from '@cordial/core';
import { openIdbRepository } from '@cordial/core/idb';
import { startImportWorker } from '@cordial/core/import-worker';
import { contactsCsv, ordersCsv } from './csv-data.ts';

const query = new URLSearchParams(location.search);
const number = (key: string, fallback: number) => Number(query.get(key) ?? fallback);
const phase = query.get('phase') ?? 'all';
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

async function main() {
  const contacts = new File(contactsCsv(number('c', 100_000)).chunks, 'contacts.csv');
  const orders = new File(ordersCsv(number('o', 1_000_000), number('c', 100_000)).chunks, 'orders.csv');
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase('profile-import');
    request.onsuccess = resolve;
    request.onerror = resolve;
  });
  const repo = await openIdbRepository({ name: 'profile-import' });
  if (phase !== 'orders') {
    console.log('START');
    await settle();
  }
  let start = performance.now();
  const contactReport = await importCsv(repo, streamChunks(contacts.stream()), {
    kind: 'contacts',
    batchSize: number('cb', 20_000),
    firstBatchSize: number('cb1', 5_000),
  });
  const contactTime = performance.now() - start;
  if (phase !== 'contacts') {
    if (phase === 'orders') {
      console.log('START');
      await settle();
    }
    start = performance.now();
    const useWorker = query.get('worker') !== '0';
    const orderReport = await importCsv(repo, useWorker ? orders : streamChunks(orders.stream()), {
      kind: 'orders',
      batchSize: number('ob', 100_000),
      firstBatchSize: number('ob1', 25_000),
      ...(useWorker && { worker: startImportWorker }),
    });
    console.log(`orders ${(performance.now() - start).toFixed(0)} ms (${orderReport.accepted} accepted)`);
  }
  console.log(`contacts ${contactTime.toFixed(0)} ms (${contactReport.accepted} accepted)`);
  await repo.close();
}

main()
  .catch((error) => console.log(`failed: ${error instanceof Error ? error.stack : String(error)}`))
  .finally(() => console.log('BENCH_DONE'));
