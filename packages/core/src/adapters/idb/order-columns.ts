import type { IDBPTransaction } from 'idb';
import type { Order } from '../../model/order.ts';
import { parseRecord } from '../../model/parse-record.ts';
import type { OrderFacts } from '../../ports/order-facts.ts';
import type { CorruptRecord, ReadMany, ReadResult } from '../../ports/repository.ts';
import { hashString } from '../../storage/hash.ts';
import {
  checkOrderBlock,
  decodeOrder,
  decodeOrderBlock,
  encodeOrderBlock,
  type OrderBlock,
} from '../../storage/order-block.ts';
import { createOrderFactsBuilder } from '../../storage/order-facts-builder.ts';
import { conflictError } from '../../storage/validate-ops.ts';
import {
  BUCKET_COUNT,
  type DirectoryShard,
  type Envelope,
  ORDER_BUCKETS,
  ORDER_DIRECTORY,
  QUARANTINE,
  type Quarantined,
  SHARD_COUNT,
} from './db-schema.ts';

// The columnar order store: every function takes a transaction that includes ORDER_BUCKETS,
// ORDER_DIRECTORY and QUARANTINE, and awaits only IndexedDB requests, so the transaction stays alive.
type Tx = IDBPTransaction<unknown, string[], 'readonly' | 'readwrite' | 'versionchange'>;
type WriteTx = IDBPTransaction<unknown, string[], 'readwrite' | 'versionchange'>;

export type OrderOp = { type: 'put'; order: Order; expectVersion?: number } | { type: 'delete'; id: string };

export const bucketOf = (contactId: string) => hashString(contactId) % BUCKET_COUNT;
const shardOf = (orderId: string) => hashString(orderId) % SHARD_COUNT;
const quarantinedBucket = (bucket: number) => `orderBuckets:${bucket}`;

async function readBucket(tx: Tx, bucket: number): Promise<{ block?: OrderBlock; issues?: string }> {
  const value = await tx.objectStore(ORDER_BUCKETS).get(bucket);
  if (value === undefined) return {};
  const checked = checkOrderBlock(value);
  return checked.ok ? { block: checked.block } : { issues: checked.issues };
}

/** Order id → bucket, for the ids of the shards loaded so far. */
async function loadDirectory(tx: Tx, shards: Iterable<number>): Promise<Map<string, number>> {
  const directory = new Map<string, number>();
  const store = tx.objectStore(ORDER_DIRECTORY);
  const values = await Promise.all([...shards].map((s) => store.get(s) as Promise<DirectoryShard | undefined>));
  for (const shard of values) {
    if (!shard) continue;
    for (let i = 0; i < shard.ids.length; i++) directory.set(shard.ids[i] as string, shard.buckets[i] as number);
  }
  return directory;
}

/**
 * Applies puts and deletes of orders in order, rewriting each touched bucket and directory shard once.
 * Returns, per op, whether the order existed before it. Throws a `conflict` RepositoryError when an
 * expected version does not match (the caller aborts the transaction, so nothing is written).
 */
export async function applyOrderOps(tx: WriteTx, ops: readonly OrderOp[]): Promise<boolean[]> {
  if (ops.length === 0) return [];
  const opId = (op: OrderOp) => (op.type === 'put' ? op.order.id : op.id);
  const shards = new Set(ops.map((op) => shardOf(opId(op))));
  const directory = await loadDirectory(tx, shards);
  const buckets = new Set<number>();
  for (const op of ops) {
    const current = directory.get(opId(op));
    if (current !== undefined) buckets.add(current);
    if (op.type === 'put') buckets.add(bucketOf(op.order.contactId));
  }
  const rows = new Map<number, Map<string, Order>>();
  await Promise.all(
    [...buckets].map(async (bucket) => {
      const { block, issues } = await readBucket(tx, bucket);
      if (issues !== undefined) {
        // A damaged block can't be rewritten without losing what is left of it: set it aside.
        const value = await tx.objectStore(ORDER_BUCKETS).get(bucket);
        const record: Quarantined = { store: 'orders', id: `bucket ${bucket}`, issues, value };
        await tx.objectStore(QUARANTINE).put(record, quarantinedBucket(bucket));
      }
      rows.set(bucket, new Map(block ? decodeOrderBlock(block).map((o) => [o.id, o]) : []));
    }),
  );
  const bucketRows = (bucket: number) => rows.get(bucket) as Map<string, Order>;
  const existed = ops.map((op) => {
    const id = opId(op);
    const current = directory.get(id);
    if (op.type === 'delete') {
      if (current === undefined) return false;
      bucketRows(current).delete(id);
      directory.delete(id);
      return true;
    }
    if (op.expectVersion !== undefined) {
      const stored = current === undefined ? undefined : bucketRows(current).get(id)?.version;
      if ((stored ?? 0) !== op.expectVersion) throw conflictError('orders', id, op.expectVersion, stored);
    }
    const target = bucketOf(op.order.contactId);
    if (current !== undefined && current !== target) bucketRows(current).delete(id);
    bucketRows(target).set(id, op.order);
    directory.set(id, target);
    return current !== undefined;
  });
  const pending: Promise<unknown>[] = [];
  const bucketStore = tx.objectStore(ORDER_BUCKETS);
  for (const [bucket, orders] of rows)
    pending.push(
      orders.size === 0 ? bucketStore.delete(bucket) : bucketStore.put(encodeOrderBlock([...orders.values()]), bucket),
    );
  const byShard = new Map<number, [string[], number[]]>([...shards].map((s) => [s, [[], []]]));
  for (const [id, bucket] of directory) {
    const shard = byShard.get(shardOf(id));
    if (!shard) continue;
    shard[0].push(id);
    shard[1].push(bucket);
  }
  const shardStore = tx.objectStore(ORDER_DIRECTORY);
  for (const [shard, [ids, bucketList]] of byShard) {
    const value: DirectoryShard = { ids, buckets: Uint16Array.from(bucketList) };
    pending.push(ids.length === 0 ? shardStore.delete(shard) : shardStore.put(value, shard));
  }
  await Promise.all(pending);
  return existed;
}

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

export async function getOrder(tx: Tx, id: string): Promise<ReadResult<Order>> {
  const bucket = (await loadDirectory(tx, [shardOf(id)])).get(id);
  if (bucket === undefined) {
    const quarantined = (await tx.objectStore(QUARANTINE).get(`orders:${id}`)) as Quarantined | undefined;
    return quarantined
      ? { ok: false, reason: 'corrupt', issues: quarantined.issues }
      : { ok: false, reason: 'not-found' };
  }
  const { block, issues } = await readBucket(tx, bucket);
  if (!block) return { ok: false, reason: 'corrupt', issues: issues ?? `order block ${bucket} is missing` };
  const row = block.ids.indexOf(id);
  return row < 0
    ? { ok: false, reason: 'corrupt', issues: `order block ${bucket} lost the order` }
    : readRow(block, row);
}

function collect(out: ReadMany<Order>, block: OrderBlock, row: number) {
  const result = readRow(block, row);
  if (result.ok) out.records.push(result.value);
  else if (result.reason === 'corrupt')
    out.corrupt.push({ store: 'orders', id: block.ids[row] as string, issues: result.issues });
}

const byTimeThenId = (a: Order, b: Order) => Date.parse(a.placedAt) - Date.parse(b.placedAt) || (a.id < b.id ? -1 : 1);

/** The orders of one contact within [from, to) epoch ms, oldest first: one bucket read. */
export async function ordersOfContact(tx: Tx, contactId: string, from: number, to: number): Promise<ReadMany<Order>> {
  const bucket = bucketOf(contactId);
  const out: ReadMany<Order> = { records: [], corrupt: [] };
  const { block, issues } = await readBucket(tx, bucket);
  if (issues !== undefined) out.corrupt.push({ store: 'orders', id: `bucket ${bucket}`, issues });
  const setAside = (await tx.objectStore(QUARANTINE).get(quarantinedBucket(bucket))) as Quarantined | undefined;
  if (setAside) out.corrupt.push(corruptOf(setAside));
  const quarantine = (await tx.objectStore(QUARANTINE).index('contact').getAll(contactId)) as Quarantined[];
  out.corrupt.push(...quarantine.map(corruptOf));
  if (block) {
    const index = block.strings.indexOf(contactId);
    for (let row = 0; index >= 0 && row < block.ids.length; row++) {
      const at = block.placedAt[row] as number;
      if (block.contact[row] === index && at >= from && at < to) collect(out, block, row);
    }
  }
  out.records.sort(byTimeThenId);
  return out;
}

/** Every block, checked; damaged ones reported as corrupt. */
async function allBlocks(tx: Tx, corrupt: CorruptRecord[]): Promise<OrderBlock[]> {
  const store = tx.objectStore(ORDER_BUCKETS);
  const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()]);
  const blocks: OrderBlock[] = [];
  values.forEach((value, i) => {
    const checked = checkOrderBlock(value);
    if (checked.ok) blocks.push(checked.block);
    else corrupt.push({ store: 'orders', id: `bucket ${String(keys[i])}`, issues: checked.issues });
  });
  return blocks;
}

export async function ordersByTime(tx: Tx, from: number, to: number): Promise<ReadMany<Order>> {
  const out: ReadMany<Order> = { records: [], corrupt: [] };
  for (const block of await allBlocks(tx, out.corrupt))
    for (let row = 0; row < block.ids.length; row++) {
      const at = block.placedAt[row] as number;
      if (at >= from && at < to) collect(out, block, row);
    }
  out.records.sort(byTimeThenId);
  return out;
}

/**
 * A page of orders, bucket by bucket and by id within a bucket. The cursor is `bucket/id` of the
 * last order returned. Set-aside values are reported on the first page.
 */
export async function listOrders(
  tx: Tx,
  after: string | undefined,
  limit: number,
): Promise<ReadMany<Order> & { next?: string }> {
  const out: ReadMany<Order> & { next?: string } = { records: [], corrupt: [] };
  let resume: { bucket: number; id: string } | undefined;
  if (after === undefined)
    out.corrupt.push(...((await tx.objectStore(QUARANTINE).getAll()) as Quarantined[]).map(corruptOf));
  else {
    const slash = after.indexOf('/');
    resume = { bucket: Number(after.slice(0, slash)), id: after.slice(slash + 1) };
  }
  let cursor = await tx.objectStore(ORDER_BUCKETS).openCursor(IDBKeyRange.lowerBound(resume?.bucket ?? 0));
  while (cursor) {
    const bucket = Number(cursor.key);
    const afterId = resume?.bucket === bucket ? resume.id : undefined;
    const checked = checkOrderBlock(cursor.value);
    if (!checked.ok) {
      if (afterId === undefined) out.corrupt.push({ store: 'orders', id: `bucket ${bucket}`, issues: checked.issues });
    } else {
      const { block } = checked;
      const rows = block.ids
        .map((id, row) => ({ id, row }))
        .filter((x) => afterId === undefined || x.id > afterId)
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      for (const { id, row } of rows) {
        if (out.records.length + out.corrupt.length >= limit) return out;
        collect(out, block, row);
        out.next = `${bucket}/${id}`;
      }
    }
    cursor = await cursor.continue();
  }
  delete out.next;
  return out;
}

export async function countOrders(tx: Tx): Promise<number> {
  const shards = (await tx.objectStore(ORDER_DIRECTORY).getAll()) as DirectoryShard[];
  return shards.reduce((sum, s) => sum + s.ids.length, 0);
}

/** The facts of every order, straight from the columns: no order objects are built. */
export async function orderFacts(tx: Tx): Promise<OrderFacts> {
  const blocks = await allBlocks(tx, []);
  const builder = createOrderFactsBuilder(blocks.reduce((n, b) => n + b.ids.length, 0));
  for (const block of blocks) {
    const s = block.strings;
    for (let row = 0; row < block.ids.length; row++)
      builder.add(
        block.ids[row] as string,
        s[block.contact[row] as number] as string,
        block.placedAt[row] as number,
        block.total[row] as number,
        s[block.currency[row] as number] as string,
        block.status[row] as number,
        (block.lineStart[row + 1] as number) - (block.lineStart[row] as number),
      );
  }
  return builder.finish();
}
