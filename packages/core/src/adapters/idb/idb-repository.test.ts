import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach } from 'vitest';
import type { MergeRecord } from '../../model/merge-record.ts';
import type { StoreName } from '../../model/stores.ts';
import { lenientIndexKeys } from '../../storage/index-keys.ts';
import { describeRepositoryContract } from '../../testing/repository.contract.ts';
import { MERGES } from './db-schema.ts';
import { openIdbRepository } from './idb-repository.ts';
import { migrate } from './migrations.ts';

let databases = 0;
const realPut = IDBObjectStore.prototype.put;
afterEach(() => {
  IDBObjectStore.prototype.put = realPut;
});

/** Lets `allowed` more puts through, then fails each put the way a full disk does. */
function exhaustQuotaAfter(allowed: number): void {
  let left = allowed;
  IDBObjectStore.prototype.put = function put(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (left-- <= 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return realPut.apply(this, args);
  };
}

describeRepositoryContract('openIdbRepository (fake-indexeddb)', {
  async open(options = {}) {
    const name = `contract-${++databases}`;
    if (options.raw) {
      // Damaged values as another build could have written them, in the one-envelope-per-record layout
      // of version 3: opening the repository then moves them into contact pages (version 4) too.
      const db = await openDB(name, 3, { upgrade: (d, oldVersion, _new, tx) => migrate(d, oldVersion, 3, tx) });
      for (const [store, values] of Object.entries(options.raw) as [StoreName | typeof MERGES, unknown[]][])
        for (const value of values) {
          const id = (value as { id: string }).id;
          // Merges keep the keys they name.
          const k =
            store === MERGES
              ? { contacts: [(value as MergeRecord).survivorId, ...(value as MergeRecord).mergedIds], time: 0 }
              : lenientIndexKeys(store, value);
          await db.put(store, { id, r: value, k });
        }
      db.close();
    }
    const repo = await openIdbRepository({ name });
    if (options.quota !== undefined) exhaustQuotaAfter(options.quota);
    return repo;
  },
});
