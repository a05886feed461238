import type { Account } from '../../model/account.ts';
import type { Contact } from '../../model/contact.ts';
import { contactIdentity } from '../../model/contact-identity.ts';
import { type MergeRecord, mergeContactIds } from '../../model/merge-record.ts';
import { normaliseDomain, normaliseEmail } from '../../model/normalise.ts';
import { parseRecord } from '../../model/parse-record.ts';
import { type ContactLinkedStore, type RecordMap, STORE_NAMES, type StoreName } from '../../model/stores.ts';
import type { OrderFacts } from '../../ports/order-facts.ts';
import type {
  AppendOrdersOp,
  Page,
  PutOptions,
  ReadMany,
  ReadResult,
  Repository,
  TimeRange,
  WriteOp,
} from '../../ports/repository.ts';
import { RepositoryError } from '../../ports/repository-error.ts';
import { type IndexKeys, indexKeys, lenientIndexKeys } from '../../storage/index-keys.ts';
import { ordersOfColumns } from '../../storage/order-block.ts';
import { createOrderFactsBuilder } from '../../storage/order-facts-builder.ts';
import { readMerge, readMerges } from '../../storage/read-merges.ts';
import { timeBounds } from '../../storage/time-range.ts';
import { conflictError, validateOps } from '../../storage/validate-ops.ts';

export interface MemoryRepositoryOptions {
  /**
   * Values to start with, as they were stored (not validated: a bad one reads back as `corrupt`),
   * e.g. a backup being inspected.
   */
  raw?: { [S in StoreName]?: readonly unknown[] } & { merges?: readonly unknown[] };
  /** How many records it may hold in all; a write beyond fails with a `quota` error, like a full disk. */
  capacity?: number;
}

interface Entry {
  value: unknown;
  keys: IndexKeys;
}

/** Lookup key prefixes of the secondary index. */
const KEY_KINDS = ['contact', 'account', 'emails', 'phones', 'domains'] as const;

/**
 * The in-memory twin of the IndexedDB repository: same contract, no persistence. Used by tests,
 * the CLI and anywhere a browser database is not available. Values are copied in and out, so
 * callers can never change stored data by mutating what they passed or got.
 */
export function createMemoryRepository(options: MemoryRepositoryOptions = {}): Repository {
  const tables = new Map<StoreName, Map<string, Entry>>(STORE_NAMES.map((s) => [s, new Map()]));
  /** `${store}\u0000${kind}\u0000${value}` → ids. */
  const lookup = new Map<string, Set<string>>();
  let closed = false;

  const table = (store: StoreName) => tables.get(store) as Map<string, Entry>;
  const lookupKey = (store: StoreName, kind: string, value: string) => `${store}\u0000${kind}\u0000${value}`;
  const eachLookupKey = (store: StoreName, keys: IndexKeys, fn: (key: string) => void) => {
    for (const kind of KEY_KINDS) {
      const value = keys[kind];
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) fn(lookupKey(store, kind, v));
    }
  };
  const remove = (store: StoreName, id: string) => {
    const entry = table(store).get(id);
    if (!entry) return false;
    eachLookupKey(store, entry.keys, (key) => lookup.get(key)?.delete(id));
    table(store).delete(id);
    return true;
  };
  const insert = (store: StoreName, id: string, value: unknown, keys: IndexKeys) => {
    remove(store, id);
    table(store).set(id, { value: structuredClone(value), keys });
    eachLookupKey(store, keys, (key) => {
      const ids = lookup.get(key);
      if (ids) ids.add(id);
      else lookup.set(key, new Set([id]));
    });
  };
  /** Merge records by id, as stored (`raw.merges` may hold damaged ones). */
  const merges = new Map<string, unknown>();
  for (const value of options.raw?.merges ?? []) {
    const id = (value as { id?: unknown } | null)?.id;
    if (typeof id === 'string') merges.set(id, structuredClone(value));
  }
  const size = () => {
    let n = merges.size;
    for (const t of tables.values()) n += t.size;
    return n;
  };
  const open = () => {
    if (closed) throw new RepositoryError('closed', 'the repository is closed');
  };
  const read = <S extends StoreName>(store: S, id: string): ReadResult<RecordMap[S]> => {
    const entry = table(store).get(id);
    if (!entry) return { ok: false, reason: 'not-found' };
    const parsed = parseRecord(store, structuredClone(entry.value));
    return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, reason: 'corrupt', issues: parsed.issues };
  };
  const readMany = <S extends StoreName>(store: S, ids: Iterable<string>): ReadMany<RecordMap[S]> => {
    const out: ReadMany<RecordMap[S]> = { records: [], corrupt: [] };
    for (const id of ids) {
      const result = read(store, id);
      if (result.ok) out.records.push(result.value);
      else if (result.reason === 'corrupt') out.corrupt.push({ store, id, issues: result.issues });
    }
    return out;
  };
  const byTime = <S extends ContactLinkedStore>(store: S, ids: Iterable<string>, range?: TimeRange) => {
    const { from, to } = timeBounds(range);
    const matching = [...ids]
      .map((id) => ({ id, time: table(store).get(id)?.keys.time ?? Number.NaN }))
      .filter((x) => x.time >= from && x.time < to)
      .sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : 1));
    return readMany(
      store,
      matching.map((x) => x.id),
    );
  };
  const find = <S extends StoreName>(store: S, kind: (typeof KEY_KINDS)[number], value: string) =>
    readMany(store, [...(lookup.get(lookupKey(store, kind, value)) ?? [])].sort());

  for (const store of STORE_NAMES)
    for (const value of options.raw?.[store] ?? []) {
      const id = (value as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') continue;
      insert(store, id, value, lenientIndexKeys(store, value));
    }

  const repo: Repository = {
    async get(store, id) {
      open();
      return read(store, id);
    },
    async put(store, record, putOptions?: PutOptions) {
      await repo.write([{ type: 'put', store, record, ...putOptions } as WriteOp]);
    },
    async putMany(store, records) {
      await repo.write(records.map((record) => ({ type: 'put', store, record }) as WriteOp));
    },
    async delete(store, id) {
      open();
      return remove(store, id);
    },
    async write(ops) {
      open();
      // Appended order columns are new orders: puts that expect none to exist.
      const valid = validateOps(ops).flatMap((op): Exclude<WriteOp, AppendOrdersOp>[] =>
        op.type === 'appendOrders'
          ? ordersOfColumns(op.orders).map((record) => ({ type: 'put', store: 'orders', record, expectVersion: 0 }))
          : [op],
      );
      // Check versions and capacity against the state as it would be after each op, before changing anything.
      // Version of each touched record as it will be after the ops before it (undefined = absent).
      const pending = new Map<string, number | undefined>();
      const versionOf = (store: StoreName, id: string) => {
        const key = `${store}\u0000${id}`;
        if (pending.has(key)) return pending.get(key);
        return (
          (table(store).get(id)?.value as { version?: number } | undefined)?.version ??
          (table(store).has(id) ? 0 : undefined)
        );
      };
      let count = size();
      const mergesAfter = new Map<string, MergeRecord | undefined>();
      for (const op of valid) {
        if (op.type === 'putMerge' || op.type === 'deleteMerge') {
          const id = op.type === 'putMerge' ? op.merge.id : op.id;
          const existed = mergesAfter.has(id) ? mergesAfter.get(id) !== undefined : merges.has(id);
          if (op.type === 'putMerge' && !existed) count++;
          if (op.type === 'deleteMerge' && existed) count--;
          mergesAfter.set(id, op.type === 'putMerge' ? op.merge : undefined);
          continue;
        }
        const id = op.type === 'put' ? op.record.id : op.id;
        const stored = versionOf(op.store, id);
        if (op.type === 'put' && op.expectVersion !== undefined && (stored ?? 0) !== op.expectVersion)
          throw conflictError(op.store, id, op.expectVersion, stored);
        if (stored === undefined && op.type === 'put') count++;
        if (stored !== undefined && op.type === 'delete') count--;
        pending.set(`${op.store}\u0000${id}`, op.type === 'put' ? op.record.version : undefined);
      }
      if (options.capacity !== undefined && count > options.capacity)
        throw new RepositoryError(
          'quota',
          `storage is full (${options.capacity} records); nothing of this write was stored`,
        );
      for (const op of valid) {
        if (op.type === 'putMerge') merges.set(op.merge.id, structuredClone(op.merge));
        else if (op.type === 'deleteMerge') merges.delete(op.id);
        else if (op.type === 'delete') remove(op.store, op.id);
        else insert(op.store, op.record.id, op.record, indexKeys(op.store, op.record));
      }
    },
    async list(store, listOptions = {}) {
      open();
      const limit = listOptions.limit ?? 1000;
      const ids = [...table(store).keys()]
        .filter((id) => listOptions.after === undefined || id > listOptions.after)
        .sort();
      const pageIds = ids.slice(0, limit);
      const page: Page<RecordMap[typeof store]> = readMany(store, pageIds);
      if (ids.length > limit) page.next = pageIds.at(-1) as string;
      return page;
    },
    async listIdentities(listOptions = {}) {
      const { records, ...rest } = await repo.list('contacts', listOptions);
      return { records: records.map(contactIdentity), ...rest };
    },
    async count(store) {
      open();
      return table(store).size;
    },
    async findContactsByEmail(email): Promise<ReadMany<Contact>> {
      open();
      return find('contacts', 'emails', normaliseEmail(email));
    },
    async findContactsByPhone(phone) {
      open();
      return find('contacts', 'phones', phone.trim());
    },
    async findContactsByDomain(domain) {
      open();
      return find('contacts', 'domains', normaliseDomain(domain));
    },
    async findContactsByAccount(accountId) {
      open();
      return find('contacts', 'account', accountId);
    },
    async findAccountsByDomain(domain): Promise<ReadMany<Account>> {
      open();
      return find('accounts', 'domains', normaliseDomain(domain));
    },
    async listByContact(store, contactId, range) {
      open();
      return byTime(store, lookup.get(lookupKey(store, 'contact', contactId)) ?? [], range);
    },
    async listByTime(store, range) {
      open();
      return byTime(store, table(store).keys(), range);
    },
    async getMerge(id) {
      open();
      return merges.has(id) ? readMerge(structuredClone(merges.get(id))) : { ok: false, reason: 'not-found' };
    },
    async listMerges(listOptions = {}) {
      open();
      const stored = [...merges].map(([id, value]) => ({ id, r: structuredClone(value) }));
      const { contactId } = listOptions;
      const read = readMerges(stored);
      // Newest first; a damaged record can't say whom it concerns, so it is listed only with all of them.
      read.records = read.records
        .filter((m) => contactId === undefined || mergeContactIds(m).includes(contactId))
        .sort((a, b) => Date.parse(b.mergedAt) - Date.parse(a.mergedAt) || (a.id < b.id ? -1 : 1));
      if (contactId !== undefined) read.corrupt = [];
      return read;
    },
    async orderFacts(): Promise<OrderFacts> {
      open();
      const orders = readMany('orders', table('orders').keys()).records;
      const builder = createOrderFactsBuilder(orders.length);
      for (const order of orders) builder.addOrder(order);
      return builder.finish();
    },
    async close() {
      closed = true;
    },
  };
  return repo;
}
