import type { IDBPTransaction } from 'idb';
import { entryOf } from '../../storage/hash-directory.ts';
import { SHARD_COUNT } from './db-schema.ts';

type Tx = IDBPTransaction<unknown, string[], 'readonly' | 'readwrite' | 'versionchange'>;

/** The shard of the order directory that holds an id with this hash. */
export const shardOf = (hash: number) => hash % SHARD_COUNT;

/** Adds the entry (hash, place) to the list of its shard (`shard`), for a merge into the stored shards. */
export function addEntry(entries: Map<number, number[]>, hash: number, place: number, shard = shardOf): void {
  const list = entries.get(shard(hash));
  if (list) list.push(entryOf(hash, place));
  else entries.set(shard(hash), [entryOf(hash, place)]);
}

/** What the order and contact directories differ in: their store, their shard type, their truth. */
export interface DirectoryKind<S> {
  store: string;
  empty: () => S;
  isShard: (value: unknown) => value is S;
  /** The whole directory computed from what it indexes (the blocks or pages are the truth). */
  rebuild: (tx: Tx) => Promise<Map<number, S>>;
}

/** The directory shards of the given numbers; a damaged shard has the whole directory rebuilt in memory. */
export async function loadShards<S>(
  tx: Tx,
  kind: DirectoryKind<S>,
  numbers: Iterable<number>,
): Promise<{ shards: Map<number, S>; rebuilt: boolean }> {
  const list = [...numbers];
  const store = tx.objectStore(kind.store);
  const values = await Promise.all(list.map((n) => store.get(n)));
  const shards = new Map<number, S>();
  let damaged = false;
  values.forEach((value, i) => {
    if (value === undefined) shards.set(list[i] as number, kind.empty());
    else if (kind.isShard(value)) shards.set(list[i] as number, value);
    else damaged = true;
  });
  return damaged ? { shards: await kind.rebuild(tx), rebuilt: true } : { shards, rebuilt: false };
}
