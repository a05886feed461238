import type { IDBPTransaction } from 'idb';
import type { Order } from '../../model/order.ts';
import { parseRecord } from '../../model/parse-record.ts';
import type { NewOrderColumns } from '../../ports/order-columns.ts';
import type { OrderFacts } from '../../ports/order-facts.ts';
import type { CorruptRecord, ReadMany, ReadResult } from '../../ports/repository.ts';
import { RepositoryError } from '../../ports/repository-error.ts';
import { groupRows } from '../../storage/group-rows.ts';
import { hashString } from '../../storage/hash.ts';
import {
  entryOf,
  hashOfEntry,
  mergeEntries,
  PLACE_LIMIT,
  placeOfEntry,
  placesOf,
} from '../../storage/hash-directory.ts';
import {
  checkOrderBlock,
  concatOrderBlocks,
  decodeOrder,
  encodeOrderBlock,
  encodeOrderColumns,
  type OrderBlock,
  storedForm,
} from '../../storage/order-block.ts';
import { createOrderFactsBuilder } from '../../storage/order-facts-builder.ts';
import { conflictError } from '../../storage/validate-ops.ts';
import {
  BUCKET_COUNT,
  type DirectoryShard,
  type Envelope,
  MAX_SEGMENTS,
  ORDER_BUCKETS,
  ORDER_DIRECTORY,
  QUARANTINE,
  type Quarantined,
  type SegmentKey,
  SHARD_COUNT,
} from './db-schema.ts';
import { addEntry, type DirectoryKind, loadShards, shardOf } from './directory-shards.ts';

// The columnar order store. Every function takes a transaction over ORDER_BUCKETS, ORDER_DIRECTORY and
// QUARANTINE and awaits only IndexedDB requests, so the transaction stays alive until it is done.
type Tx = IDBPTransaction<unknown, string[], 'readonly' | 'readwrite' | 'versionchange'>;
type WriteTx = IDBPTransaction<unknown, string[], 'readwrite' | 'versionchange'>;

export type OrderOp = { type: 'put'; order: Order; expectVersion?: number } | { type: 'delete'; id: string };

const NO_COLUMNS: NewOrderColumns = {
  createdAt: '',
  ids: [],
  contactIds: [],
  numbers: [],
  externalIds: [],
  placedAt: new Float64Array(0),
  status: new Uint8Array(0),
  currencies: [],
  total: new Float64Array(0),
};

export const bucketOf = (contactId: string) => hashString(contactId) % BUCKET_COUNT;
const bucketRange = (bucket: number) => IDBKeyRange.bound([bucket, 0], [bucket, Number.POSITIVE_INFINITY]);
const blockName = ([bucket, segment]: SegmentKey) => `block ${bucket}/${segment}`;

function isShard(value: unknown): value is DirectoryShard {
  const v = value as Partial<DirectoryShard> | null;
  return v?.hashes instanceof Uint32Array && v.buckets instanceof Uint16Array && v.hashes.length === v.buckets.length;
}

/** The whole directory computed from the blocks (for a damaged shard: the blocks are the truth). */
async function rebuildDirectory(tx: Tx): Promise<Map<number, DirectoryShard>> {
  const entries = new Map<number, number[]>();
  for (const { key, block } of await allBlocks(tx, [])) {
    for (const id of block.ids) {
      const hash = hashString(id);
      addEntry(entries, hash, key[0]);
    }
  }
  const shards = new Map<number, DirectoryShard>();
  for (let n = 0; n < SHARD_COUNT; n++)
    shards.set(n, mergeShard(ORDER_DIRECTORY_KIND.empty(), entries.get(n) ?? [], []));
  return shards;
}

const ORDER_DIRECTORY_KIND: DirectoryKind<DirectoryShard> = {
  store: ORDER_DIRECTORY,
  empty: () => ({ hashes: new Uint32Array(0), buckets: new Uint16Array(0) }),
  isShard,
  rebuild: rebuildDirectory,
};

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Buckets that may hold the id with this hash. */
const candidates = (shard: DirectoryShard, hash: number) => placesOf(shard.hashes, shard.buckets, hash);

/** A shard with one entry removed per `removes` entry and the `adds` entries inserted (entryOf), sorted by hash. */
function mergeShard(shard: DirectoryShard, adds: ArrayLike<number>, removes: readonly number[]): DirectoryShard {
  const merged = mergeEntries(shard.hashes, shard.buckets, adds, removes, (size) => new Uint16Array(size));
  return { hashes: merged.hashes, buckets: merged.places };
}

/** A stored segment a write looked at; `block` is absent when it was damaged (and set aside). */
interface Segment {
  key: SegmentKey;
  block?: OrderBlock;
  removed: Set<number>;
}

/** Where an order is during a write: a row of a stored segment, or among the orders being appended. */
type Place = { segment: Segment; row: number } | { appended: Order };

/**
 * Applies puts and deletes of orders in order. Stored rows are never turned back into objects: a put
 * or delete of a stored order drops its row from its segment (column by column), and every new or
 * changed order is appended in one new segment per bucket. A bucket that would pass MAX_SEGMENTS is
 * compacted into one segment. Returns, per op, whether the order existed before it. Throws a
 * `conflict` RepositoryError when an expected version does not match (the caller aborts the
 * transaction, so nothing is written). `appendedColumns` are new orders given as columns (the bulk
 * import path): they are encoded into the new segments without becoming objects, and an id among them
 * that is already stored, or touched by `ops`, or repeated, fails the write with a `conflict`.
 */
export async function applyOrderOps(
  tx: WriteTx,
  ops: readonly OrderOp[],
  appendedColumns: NewOrderColumns = NO_COLUMNS,
): Promise<boolean[]> {
  if (ops.length === 0 && appendedColumns.ids.length === 0) return [];
  const opId = (op: OrderOp) => (op.type === 'put' ? op.order.id : op.id);
  const bucketOfPlace = (place: Place) =>
    'segment' in place ? place.segment.key[0] : bucketOf(place.appended.contactId);
  const hashes = ops.map((op) => hashString(opId(op)));
  // Appended rows are new orders: they need no place, only their hash and bucket, each computed once.
  // (Plain loops: a million hashes above 2^31 spread into arrays were a heap number each.)
  const appendedCount = appendedColumns.ids.length;
  const columnHashes = new Uint32Array(appendedCount);
  const columnBuckets = new Uint16Array(appendedCount);
  for (let row = 0; row < appendedCount; row++) {
    columnHashes[row] = hashString(appendedColumns.ids[row] as string);
    columnBuckets[row] = bucketOf(appendedColumns.contactIds[row] as string);
  }
  const ids = new Set(ops.map(opId));
  checkAppendedIds(appendedColumns.ids, columnHashes, ids);
  const shardNumbers = new Set(hashes.map(shardOf));
  for (let row = 0; row < appendedCount; row++) shardNumbers.add(shardOf(columnHashes[row] as number));
  const { shards, rebuilt } = await loadShards(tx, ORDER_DIRECTORY_KIND, shardNumbers);
  const store = tx.objectStore(ORDER_BUCKETS);
  const segmentsOf = new Map<number, number[]>();
  for (const [bucket, segment] of (await store.getAllKeys()) as unknown as SegmentKey[])
    pushTo(segmentsOf, bucket, segment);

  // Load every segment of every bucket that may already hold one of the ids.
  const loaded = new Map<string, Segment>();
  const place = new Map<string, Place>();
  /** The appended ids whose hash the directory has: only these may be stored already. */
  const mayBeStored = new Set<string>();
  /** Loads the segments of a bucket from `from` on (two requests, whatever their number). */
  const load = async (bucket: number, from = 0) => {
    const range = IDBKeyRange.bound([bucket, from], [bucket, Number.POSITIVE_INFINITY]);
    const [keys, values] = await Promise.all([store.getAllKeys(range), store.getAll(range)]);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as unknown as SegmentKey;
      if (loaded.has(String(key))) continue;
      const seg: Segment = { key, removed: new Set() };
      loaded.set(String(key), seg);
      const checked = checkOrderBlock(values[i]);
      if (!checked.ok) {
        // A damaged block can't be rewritten without losing what is left of it: set it aside.
        const record: Quarantined = {
          store: 'orders',
          id: blockName(key),
          bucket,
          issues: checked.issues,
          value: values[i],
        };
        await tx.objectStore(QUARANTINE).put(record, `orderBuckets:${key[0]}/${key[1]}`);
        continue;
      }
      seg.block = checked.block;
      checked.block.ids.forEach((id, row) => {
        if (mayBeStored.has(id)) throw appendConflict(id);
        if (ids.has(id)) place.set(id, { segment: seg, row });
      });
    }
  };
  const wanted = new Set<number>();
  const want = (hash: number) => {
    const buckets = candidates(shards.get(shardOf(hash)) as DirectoryShard, hash);
    for (let i = 0; i < buckets.length; i++) wanted.add(buckets[i] as number);
    return buckets.length > 0;
  };
  hashes.forEach(want);
  for (let row = 0; row < appendedCount; row++)
    if (want(columnHashes[row] as number)) mayBeStored.add(appendedColumns.ids[row] as string);
  await Promise.all([...wanted].map((bucket) => load(bucket)));

  /** The bucket each touched id was in before this write, for the directory changes. */
  const origin = new Map<string, number | undefined>();
  const existed = ops.map((op) => {
    const id = opId(op);
    const current = place.get(id);
    if (!origin.has(id)) origin.set(id, current && bucketOfPlace(current));
    if (op.type === 'put' && op.expectVersion !== undefined) {
      const stored = !current
        ? undefined
        : 'segment' in current
          ? current.segment.block?.version[current.row]
          : 'appended' in current
            ? current.appended.version
            : 1;
      if ((stored ?? 0) !== op.expectVersion) throw conflictError('orders', id, op.expectVersion, stored);
    }
    if (current && 'segment' in current) current.segment.removed.add(current.row);
    if (op.type === 'delete') place.delete(id);
    else place.set(id, { appended: op.order });
    return current !== undefined;
  });

  const appended = new Map<number, Order[]>();
  for (const p of place.values()) if ('appended' in p) pushTo(appended, bucketOf(p.appended.contactId), p.appended);
  const appendedRows = groupRows(columnBuckets, BUCKET_COUNT);
  /** The new orders of a bucket as one block: objects encoded, columns copied. */
  const freshBlock = (bucket: number): OrderBlock | undefined => {
    const orders = appended.get(bucket);
    const rows = appendedRows.rowsOf(bucket);
    const parts = [
      ...(orders ? [{ block: encodeOrderBlock(orders) }] : []),
      ...(rows.length > 0 ? [{ block: encodeOrderColumns(appendedColumns, rows) }] : []),
    ];
    return parts.length === 2 ? concatOrderBlocks(parts) : parts[0]?.block;
  };
  const requests: Promise<unknown>[] = [];
  /** Drops the removed rows of a loaded segment (and a damaged one, already set aside). */
  const rewriteSegment = (seg: Segment) => {
    const { block, removed } = seg;
    if (block && removed.size === 0) return;
    if (!block || removed.size === block.ids.length) requests.push(store.delete(seg.key));
    else
      requests.push(store.put(storedForm(concatOrderBlocks([{ block, keep: (row) => !removed.has(row) }])), seg.key));
  };
  const touchedBuckets = new Set([
    ...appended.keys(),
    ...appendedRows.keys(),
    ...[...loaded.values()].map((s) => s.key[0]),
  ]);
  for (const bucket of touchedBuckets) {
    const existing = segmentsOf.get(bucket) ?? [];
    const fresh = freshBlock(bucket);
    const next = existing.length === 0 ? 0 : Math.max(...existing) + 1;
    if (fresh && existing.length + 1 > MAX_SEGMENTS) {
      // Too many segments: merge all but the oldest (usually the largest, from earlier merges) with the
      // new orders, so reading a contact stays a few values and big blocks are not rewritten each time.
      const oldest = Math.min(...existing);
      await load(bucket, oldest + 1);
      const oldestSeg = loaded.get(String([bucket, oldest]));
      const merged = existing.filter((segment) => segment !== oldest);
      const parts = merged.flatMap((segment) => {
        const seg = loaded.get(String([bucket, segment])) as Segment;
        return seg.block ? [{ block: seg.block, keep: (row: number) => !seg.removed.has(row) }] : [];
      });
      if (oldestSeg?.block && oldestSeg.removed.size > 0)
        requests.push(
          store.put(
            storedForm(concatOrderBlocks([{ block: oldestSeg.block, keep: (row) => !oldestSeg.removed.has(row) }])),
            oldestSeg.key,
          ),
        );
      for (const segment of merged) requests.push(store.delete([bucket, segment]));
      requests.push(store.put(storedForm(concatOrderBlocks([...parts, { block: fresh }])), [bucket, next]));
      continue;
    }
    for (const segment of existing) {
      const seg = loaded.get(String([bucket, segment]));
      if (seg) rewriteSegment(seg);
    }
    if (fresh) requests.push(store.put(storedForm(fresh), [bucket, next]));
  }

  const adds = new Map<number, number[]>();
  const removes = new Map<number, number[]>();
  for (const [id, before] of origin) {
    const now = place.get(id);
    const after = now && bucketOfPlace(now);
    if (before === after) continue;
    const hash = hashString(id);
    if (before !== undefined) addEntry(removes, hash, before);
    if (after !== undefined) addEntry(adds, hash, after);
  }
  const columnShards = groupRows(columnHashes.map(shardOf), SHARD_COUNT);
  /** A shard's new entries: those of the ops, then those of the appended rows. */
  const addsTo = (n: number) => {
    const rows = columnShards.rowsOf(n);
    const ofOps = adds.get(n) ?? [];
    const out = new Float64Array(ofOps.length + rows.length);
    out.set(ofOps);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as number;
      out[ofOps.length + i] = entryOf(columnHashes[row] as number, columnBuckets[row] as number);
    }
    return out;
  };
  const directory = tx.objectStore(ORDER_DIRECTORY);
  const touched = rebuilt
    ? [...shards.keys()]
    : [...new Set([...adds.keys(), ...removes.keys(), ...columnShards.keys()])];
  for (const n of touched) {
    const shard = mergeShard(shards.get(n) as DirectoryShard, addsTo(n), removes.get(n) ?? []);
    requests.push(shard.hashes.length === 0 ? directory.delete(n) : directory.put(shard, n));
  }
  await Promise.all(requests);
  return existed;
}

/**
 * Throws a conflict for an appended id that repeats among them or is also the id of an op. Repeated ids
 * share a hash, so the rows are sorted by hash (as numbers: no set of a hundred thousand strings) and
 * only rows with equal hashes have their ids compared.
 */
function checkAppendedIds(appendedIds: readonly string[], hashes: Uint32Array, opIds: ReadonlySet<string>): void {
  if (opIds.size > 0) for (const id of appendedIds) if (opIds.has(id)) throw appendConflict(id);
  if (hashes.length >= PLACE_LIMIT) {
    const seen = new Set<string>();
    for (const id of appendedIds) {
      if (seen.has(id)) throw appendConflict(id);
      seen.add(id);
    }
    return;
  }
  const entries = new Float64Array(hashes.length);
  for (let row = 0; row < hashes.length; row++) entries[row] = entryOf(hashes[row] as number, row);
  entries.sort();
  let runStart = 0;
  for (let i = 1; i < entries.length; i++) {
    const entry = entries[i] as number;
    if (hashOfEntry(entry) !== hashOfEntry(entries[runStart] as number)) {
      runStart = i;
      continue;
    }
    const id = appendedIds[placeOfEntry(entry)] as string;
    for (let j = runStart; j < i; j++)
      if (appendedIds[placeOfEntry(entries[j] as number)] === id) throw appendConflict(id);
  }
}

const appendConflict = (id: string) =>
  new RepositoryError('conflict', `order ${id} already exists; appended orders must be new; nothing written`);

/** Keeps a version-1 order that failed its schema, for reading back as corrupt. */
export async function quarantineOrder(tx: WriteTx, envelope: Envelope, issues: string): Promise<void> {
  const record: Quarantined = { store: 'orders', id: envelope.id, issues, value: envelope.r };
  if (envelope.k.contact !== undefined) record.contact = envelope.k.contact;
  await tx.objectStore(QUARANTINE).put(record, `orders:${envelope.id}`);
}

const corruptOf = (q: Quarantined): CorruptRecord => ({ store: 'orders', id: q.id, issues: q.issues });

function readRow(block: OrderBlock, row: number): ReadResult<Order> {
  const parsed = parseRecord('orders', decodeOrder(block, row));
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, reason: 'corrupt', issues: parsed.issues };
}

function collect(out: ReadMany<Order>, block: OrderBlock, row: number) {
  const result = readRow(block, row);
  if (result.ok) out.records.push(result.value);
  else if (result.reason === 'corrupt')
    out.corrupt.push({ store: 'orders', id: block.ids[row] as string, issues: result.issues });
}

/** The blocks of one bucket (or of all, without a bucket), checked; damaged ones reported as corrupt. */
async function allBlocks(
  tx: Tx,
  corrupt: CorruptRecord[],
  bucket?: number,
): Promise<{ key: SegmentKey; block: OrderBlock }[]> {
  const store = tx.objectStore(ORDER_BUCKETS);
  const range = bucket === undefined ? undefined : bucketRange(bucket);
  const [keys, values] = await Promise.all([store.getAllKeys(range), store.getAll(range)]);
  const out: { key: SegmentKey; block: OrderBlock }[] = [];
  values.forEach((value, i) => {
    const key = keys[i] as unknown as SegmentKey;
    const checked = checkOrderBlock(value);
    if (checked.ok) out.push({ key, block: checked.block });
    else corrupt.push({ store: 'orders', id: blockName(key), issues: checked.issues });
  });
  return out;
}

export async function getOrder(tx: Tx, id: string): Promise<ReadResult<Order>> {
  const hash = hashString(id);
  const { shards } = await loadShards(tx, ORDER_DIRECTORY_KIND, [shardOf(hash)]);
  for (const bucket of candidates(shards.get(shardOf(hash)) as DirectoryShard, hash)) {
    const corrupt: CorruptRecord[] = [];
    for (const { block } of await allBlocks(tx, corrupt, bucket)) {
      const row = block.ids.indexOf(id);
      if (row >= 0) return readRow(block, row);
    }
    if (corrupt.length > 0) return { ok: false, reason: 'corrupt', issues: `${corrupt[0]?.id}: ${corrupt[0]?.issues}` };
  }
  const quarantined = (await tx.objectStore(QUARANTINE).get(`orders:${id}`)) as Quarantined | undefined;
  return quarantined
    ? { ok: false, reason: 'corrupt', issues: quarantined.issues }
    : { ok: false, reason: 'not-found' };
}

const byTimeThenId = (a: Order, b: Order) => Date.parse(a.placedAt) - Date.parse(b.placedAt) || (a.id < b.id ? -1 : 1);

/** The orders of one contact within [from, to) epoch ms, oldest first: the few blocks of one bucket. */
export async function ordersOfContact(tx: Tx, contactId: string, from: number, to: number): Promise<ReadMany<Order>> {
  const bucket = bucketOf(contactId);
  const out: ReadMany<Order> = { records: [], corrupt: [] };
  const quarantine = tx.objectStore(QUARANTINE);
  const [blocks, ofContact, ofBucket] = await Promise.all([
    allBlocks(tx, out.corrupt, bucket),
    quarantine.index('contact').getAll(contactId) as Promise<Quarantined[]>,
    quarantine.index('bucket').getAll(bucket) as Promise<Quarantined[]>,
  ]);
  out.corrupt.push(...ofContact.map(corruptOf), ...ofBucket.map(corruptOf));
  for (const { block } of blocks) {
    const index = block.strings.indexOf(contactId);
    for (let row = 0; index >= 0 && row < block.ids.length; row++) {
      const at = block.placedAt[row] as number;
      if (block.contact[row] === index && at >= from && at < to) collect(out, block, row);
    }
  }
  out.records.sort(byTimeThenId);
  return out;
}

export async function ordersByTime(tx: Tx, from: number, to: number): Promise<ReadMany<Order>> {
  const out: ReadMany<Order> = { records: [], corrupt: [] };
  for (const { block } of await allBlocks(tx, out.corrupt))
    for (let row = 0; row < block.ids.length; row++) {
      const at = block.placedAt[row] as number;
      if (at >= from && at < to) collect(out, block, row);
    }
  out.records.sort(byTimeThenId);
  return out;
}

/**
 * A page of orders, block by block and by id within a block. The cursor is `bucket/segment/id` of the
 * last order returned. Set-aside values are reported on the first page.
 */
export async function listOrders(
  tx: Tx,
  after: string | undefined,
  limit: number,
): Promise<ReadMany<Order> & { next?: string }> {
  const out: ReadMany<Order> & { next?: string } = { records: [], corrupt: [] };
  let resume: { key: SegmentKey; id: string } | undefined;
  if (after === undefined)
    out.corrupt.push(...((await tx.objectStore(QUARANTINE).getAll()) as Quarantined[]).map(corruptOf));
  else {
    const [bucket, segment, ...id] = after.split('/');
    resume = { key: [Number(bucket), Number(segment)], id: id.join('/') };
  }
  let cursor = await tx.objectStore(ORDER_BUCKETS).openCursor(IDBKeyRange.lowerBound(resume?.key ?? [0, 0]));
  while (cursor) {
    const key = cursor.key as unknown as SegmentKey;
    const afterId = resume && String(resume.key) === String(key) ? resume.id : undefined;
    const checked = checkOrderBlock(cursor.value);
    if (!checked.ok) {
      if (afterId === undefined) out.corrupt.push({ store: 'orders', id: blockName(key), issues: checked.issues });
    } else {
      const { block } = checked;
      const rows = block.ids
        .map((id, row) => ({ id, row }))
        .filter((x) => afterId === undefined || x.id > afterId)
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      for (const { id, row } of rows) {
        if (out.records.length + out.corrupt.length >= limit) return out;
        collect(out, block, row);
        out.next = `${key[0]}/${key[1]}/${id}`;
      }
    }
    cursor = await cursor.continue();
  }
  delete out.next;
  return out;
}

export async function countOrders(tx: Tx): Promise<number> {
  const shards = await tx.objectStore(ORDER_DIRECTORY).getAll();
  return shards.reduce((sum: number, s: unknown) => sum + (isShard(s) ? s.hashes.length : 0), 0);
}

/** The facts of every order, straight from the columns: no order objects are built. */
export async function orderFacts(tx: Tx): Promise<OrderFacts> {
  const blocks = await allBlocks(tx, []);
  const builder = createOrderFactsBuilder(blocks.reduce((n, b) => n + b.block.ids.length, 0));
  for (const { block } of blocks) builder.addBlock(block);
  return builder.finish();
}
