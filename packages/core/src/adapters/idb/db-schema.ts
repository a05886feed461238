import { STORE_NAMES, type StoreName } from '../../model/stores.ts';
import type { IndexKeys } from '../../storage/index-keys.ts';

/**
 * The IndexedDB layout (docs/storage.md explains it):
 * - one object store per record kind except orders and contacts, each value an Envelope, key `id`;
 * - contacts in pages of PAGE_SIZE (see CONTACT_PAGES), found through hash directories of their ids and keys;
 * - orders in columns: `orderBuckets` holds OrderBlocks keyed `[bucket, segment]`, where the bucket is
 *   a hash of the contact id (so a contact's orders are a few small values) and each bulk write appends
 *   one segment per bucket (so writing a million orders never rewrites what is stored); `orderDirectory`
 *   says which bucket each order id is in, as 32-bit id hashes (typed arrays, cheap to read and write).
 */
export const DB_VERSION = 8;

/**
 * Schema version 1 stored one record per order, as every other kind; version 2 moved orders to columns;
 * version 3 added the store of merge records; version 4 moved contacts into pages (CONTACT_PAGES);
 * version 5 dropped the pages' `ids` index (the contact directory finds a contact's page); version 6
 * replaced the pages' other multi-entry indexes by parts of the contact directory (ContactShard);
 * version 7 moved the contacts' identities out of the pages (CONTACT_IDENTITIES); version 8 stamps each
 * contact directory shard (shardStamp) instead of the whole directory (LEGACY_DIRECTORY_STAMP).
 */
export type RecordStoreName = Exclude<StoreName, 'orders'>;
export const RECORD_STORES = STORE_NAMES.filter((s): s is RecordStoreName => s !== 'orders');

/**
 * Contacts in pages: each value holds up to PAGE_SIZE contacts (in `contacts`) and the keys of all of
 * them per kind of lookup (PAGE_INDEXES, same names), key `n` (1, 2, ...). Measured in
 * Chromium 156 on 2026-12-06 (docs/storage.md): 100,000 contacts stored one value each took 7.1 to 7.8 s,
 * index or not (about 70 us a value); as pages of 64 (1,563 values, five indexes) 1.7 s, and a point
 * read through `ids` then took 0.56 ms (one value each: 0.25 ms; pages of 256: 1.34 s to write, 0.88 ms
 * to read). With the contacts as JSON text (StoredContact), pages of 64 wrote in 1.8 to 1.9 s and an
 * email read took 0.54 to 0.62 ms; pages of 32 took 2.1 s and 0.48 ms. `contactDirectory` says which
 * page each id is in (hash shards, as for orders), so a write of 20,000 new contacts needs no read per
 * id (an index read per id cost 50 us: 5 s for 100,000).
 */
export const CONTACT_PAGES = 'contactPages';
export const CONTACT_DIRECTORY = 'contactDirectory';
/**
 * The ContactIdentity of each contact of a page, as JSON text (null for a damaged contact), key: the
 * page's `n`. An import reads every stored contact's identity before its first row; reading these
 * instead of the pages (61 MB of contact text for 100,000 contacts, 0.8 s for IndexedDB to read) is
 * most of what made that read cheap (docs/storage.md). Written with the page, in the same transaction.
 */
export const CONTACT_IDENTITIES = 'contactIdentities';

export interface IdentityPage {
  ids: string[];
  identities: (string | null)[];
}

/** Shards of CONTACT_DIRECTORY (see ContactShard), keys 0 to CONTACT_SHARD_COUNT - 1. */
export const CONTACT_SHARD_COUNT = 128;
/**
 * Key in CONTACT_DIRECTORY of shard `n`'s stamp: a value every write that changes the shard replaces, so a
 * connection knows whether the shard it keeps (DirectoryCache) is still the stored one.
 */
export const shardStamp = (n: number) => -2 - n;
/** Versions 6 and 7 kept one stamp for the whole directory here, replaced by every contact write. */
export const LEGACY_DIRECTORY_STAMP = -1;
export const PAGE_SIZE = 64;
/**
 * The keys a page lists per kind of lookup (its contacts' distinct emails, phones, email domains and
 * account ids), found through the contact directory (ContactShard).
 */
export const PAGE_INDEXES = ['emails', 'phones', 'domains', 'accounts'] as const;
export type PageIndex = (typeof PAGE_INDEXES)[number];

/**
 * A contact as stored in a page: its envelope as JSON text (a written contact: a valid record, which
 * JSON holds exactly but for keys whose value is `undefined`), or the envelope itself (a damaged
 * record moved by the migration, which JSON might not hold). Text is what makes a page cheap to read:
 * a lookup parses only the contact it found, not the other 63.
 */
export type StoredContact = string | Envelope;

/** `ids[i]` is the id of `contacts[i]`; the other index arrays hold the distinct keys of the page. */
export type ContactPage = { n: number; contacts: StoredContact[]; ids: string[] } & Record<PageIndex, string[]>;

/**
 * The parts of each contact directory shard: the page of each contact id, and the pages that list each
 * key of a kind of lookup (PAGE_INDEXES), one entry per key and page.
 */
export const DIRECTORY_PARTS = ['ids', ...PAGE_INDEXES] as const;
export type DirectoryPart = (typeof DIRECTORY_PARTS)[number];

/** Entries (the 32-bit hash of an id or key, a page) sorted by hash (see DirectoryShard). */
export interface DirectoryEntries {
  hashes: Uint32Array;
  pages: Uint32Array;
}

/**
 * One shard of CONTACT_DIRECTORY: the entries whose hash falls in it, per part. Until version 6 the
 * keys were multi-entry IndexedDB indexes on the pages, and their entries were half of a contact write
 * (measured in Chromium 156: 20,000 new contacts a batch committed in 0.6 s with them, 0.3 s with none).
 * The parts share each value: every value a write puts costs a fixed 0.25 to 1 ms, and a directory of
 * 64 values per kind of key cost a 100,000-contact import as much as the indexes had; a lookup by a key
 * reads one shard, then the pages it names, as a lookup by id does.
 */
export type ContactShard = Record<DirectoryPart, DirectoryEntries>;

export const ORDER_BUCKETS = 'orderBuckets';
export const ORDER_DIRECTORY = 'orderDirectory';
/**
 * Damaged values moved out of the way so writes can go on: orders of the version-1 layout that failed
 * their schema during the migration (`orders:ID`), and order blocks that failed their check when a write
 * needed them (`orderBuckets:B/S`). Reads report them as corrupt; nothing is thrown away.
 */
export const QUARANTINE = 'quarantine';

export interface Quarantined {
  store: 'orders';
  /** The order id, or `block B/S` for a whole damaged block. */
  id: string;
  contact?: string;
  bucket?: number;
  issues: string;
  value: unknown;
}

/**
 * Measured in Chromium (docs/storage.md): each IndexedDB value costs a fixed 0.25 to 1 ms to write or
 * read, whatever its size, while bytes are cheap (80 MB in 200 values wrote in under 0.1 s). So orders
 * live in few, large values: 256 buckets (about 4,000 orders, 800 KB, each when a million are stored;
 * one bucket read gives a contact's orders) and 64 directory shards. A bucket with more than
 * MAX_SEGMENTS segments is compacted by the write that adds the next.
 */
export const BUCKET_COUNT = 256;
export const SHARD_COUNT = 64;
export const MAX_SEGMENTS = 16;

export type SegmentKey = [bucket: number, segment: number];

/** A stored record with the keys its indexes read (kept beside it so the record itself stays as written). */
export interface Envelope {
  id: string;
  r: unknown;
  k: IndexKeys;
}

/**
 * Which bucket each order id of one shard is in, by the id's 32-bit hash, sorted by hash. Two ids may
 * share a hash: the directory only names candidate buckets, and the bucket's blocks confirm the id.
 */
export interface DirectoryShard {
  hashes: Uint32Array;
  buckets: Uint16Array;
}

/**
 * Contact merge records (MergeRecordSchema), key `id`, each as a MergeEnvelope: `contacts` (the
 * survivor and the merged ids, a multi-entry index) finds the merges that concern a person.
 */
export const MERGES = 'merges';
export const MERGE_CONTACTS_INDEX = 'contacts';

export interface MergeEnvelope {
  id: string;
  r: unknown;
  k: { contacts: string[]; time: number };
}

export const CONTACT_TIME_INDEX = 'contact-time';
export const TIME_INDEX = 'time';
