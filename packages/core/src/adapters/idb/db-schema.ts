import { STORE_NAMES, type StoreName } from '../../model/stores.ts';
import type { IndexKeys } from '../../storage/index-keys.ts';

/**
 * The IndexedDB layout (docs/storage.md explains it):
 * - one object store per record kind except orders, each value an Envelope, key `id`;
 * - orders in columns: `orderBuckets` (bucket number → OrderBlock of every order of the contacts that
 *   hash to that bucket) and `orderDirectory` (shard number → which bucket each order id is in).
 */
export const DB_VERSION = 2;

/** Schema version 1 stored one record per order, as every other kind; version 2 moved orders to columns. */
export type RecordStoreName = Exclude<StoreName, 'orders'>;
export const RECORD_STORES = STORE_NAMES.filter((s): s is RecordStoreName => s !== 'orders');

export const ORDER_BUCKETS = 'orderBuckets';
export const ORDER_DIRECTORY = 'orderDirectory';
/**
 * Damaged values moved out of the way so writes can go on: orders of the version-1 layout that failed
 * their schema during the migration (`orders:ID`), and order blocks that failed their check when a write
 * needed them (`orderBuckets:N`). Reads report them as corrupt; nothing is thrown away.
 */
export const QUARANTINE = 'quarantine';

export interface Quarantined {
  store: 'orders';
  /** The order id, or `bucket N` for a whole damaged block. */
  id: string;
  contact?: string;
  issues: string;
  value: unknown;
}

/**
 * 1024 buckets keep a contact's bucket small (about 1,000 orders when a million are stored), so the
 * orders of one contact are one small read; 256 directory shards keep an id lookup to one read too.
 */
export const BUCKET_COUNT = 1024;
export const SHARD_COUNT = 256;

/** A stored record with the keys its indexes read (kept beside it so the record itself stays as written). */
export interface Envelope {
  id: string;
  r: unknown;
  k: IndexKeys;
}

/** Which bucket each order id of one shard is in. */
export interface DirectoryShard {
  ids: string[];
  buckets: Uint16Array;
}

export const CONTACT_TIME_INDEX = 'contact-time';
export const TIME_INDEX = 'time';
