import { type IDBPDatabase, type IDBPTransaction, openDB, unwrap } from 'idb';
import type { Account } from '../../model/account.ts';
import type { Contact } from '../../model/contact.ts';
import { type ContactIdentity, contactIdentity } from '../../model/contact-identity.ts';
import { mergeContactIds } from '../../model/merge-record.ts';
import { normaliseDomain, normaliseEmail } from '../../model/normalise.ts';
import { parseRecord } from '../../model/parse-record.ts';
import type { ContactLinkedStore, RecordMap, StoreName } from '../../model/stores.ts';
import type { NewOrderColumns } from '../../ports/order-columns.ts';
import type { Page, PutOp, PutOptions, ReadMany, ReadResult, Repository, WriteOp } from '../../ports/repository.ts';
import { RepositoryError } from '../../ports/repository-error.ts';
import { indexKeys } from '../../storage/index-keys.ts';
import { readMerge, readMerges } from '../../storage/read-merges.ts';
import { timeBounds } from '../../storage/time-range.ts';
import { conflictError, validateOps } from '../../storage/validate-ops.ts';
import {
  applyContactOps,
  type ContactOp,
  countContacts,
  createDirectoryCache,
  findContactEnvelopes,
  getContactEnvelope,
  listContactEnvelopes,
  listContactIdentities,
} from './contact-pages.ts';
import {
  CONTACT_DIRECTORY,
  CONTACT_IDENTITIES,
  CONTACT_PAGES,
  CONTACT_TIME_INDEX,
  DB_VERSION,
  type Envelope,
  MERGE_CONTACTS_INDEX,
  MERGES,
  type MergeEnvelope,
  ORDER_BUCKETS,
  ORDER_DIRECTORY,
  QUARANTINE,
  TIME_INDEX,
} from './db-schema.ts';
import { toRepositoryError } from './idb-errors.ts';
import { migrate } from './migrations.ts';
import {
  applyOrderOps,
  countOrders,
  getOrder,
  listOrders,
  type OrderOp,
  orderFacts,
  ordersByTime,
  ordersOfContact,
} from './order-columns.ts';

export interface IdbRepositoryOptions {
  /** Database name (default `cordial`). */
  name?: string;
  /**
   * Called when the database needs an upgrade but another tab still has the older version open.
   * Opening then waits until that tab closes or reloads. Without this callback, opening fails at once
   * with a `blocked` RepositoryError (the upgrade still happens when the other tab lets go).
   */
  onBlocked?: (info: { currentVersion: number; requestedVersion: number }) => void;
  /**
   * Called after this connection closed itself because another tab opened a newer version of the
   * database (so that tab is not blocked). Further calls fail with a `closed` error: reload.
   */
  onVersionChange?: () => void;
}

const ORDER_STORES = [ORDER_BUCKETS, ORDER_DIRECTORY, QUARANTINE];
const CONTACT_STORES = [CONTACT_PAGES, CONTACT_DIRECTORY, CONTACT_IDENTITIES];
const storesOf = (store: StoreName) =>
  store === 'orders' ? ORDER_STORES : store === 'contacts' ? CONTACT_STORES : [store];
const envelopeOf = (op: PutOp): Envelope => ({ id: op.record.id, r: op.record, k: indexKeys(op.store, op.record) });
const storesOfOp = (op: WriteOp) =>
  op.type === 'putMerge' || op.type === 'deleteMerge'
    ? [MERGES]
    : op.type === 'appendOrders'
      ? ORDER_STORES
      : storesOf(op.store);

/**
 * Opens (creating or migrating) the customer database in IndexedDB. Works in extension pages, web
 * pages and workers: anywhere `indexedDB` exists (not in content scripts, whose storage is the host page's).
 */
export async function openIdbRepository(options: IdbRepositoryOptions = {}): Promise<Repository> {
  const name = options.name ?? 'cordial';
  let closed = false;
  let settled = false;
  const db = await new Promise<IDBPDatabase>((resolve, reject) => {
    let database: IDBPDatabase | undefined;
    let migrationError: unknown;
    openDB(name, DB_VERSION, {
      upgrade: (upgrading, oldVersion, newVersion, tx) => {
        // idb ignores the promise the upgrade callback returns: a step that throws between requests
        // must abort the upgrade itself, or half a migration would be committed.
        // The open request reports a failed upgrade; the transaction's own promise need not.
        tx.done.catch(() => undefined);
        migrate(upgrading, oldVersion, newVersion ?? DB_VERSION, tx).catch((error: unknown) => {
          migrationError = error;
          tx.abort();
        });
      },
      blocked: (currentVersion, requestedVersion) => {
        if (options.onBlocked)
          return options.onBlocked({ currentVersion, requestedVersion: requestedVersion ?? DB_VERSION });
        settled = true;
        reject(
          new RepositoryError(
            'blocked',
            `the database "${name}" needs an upgrade to version ${DB_VERSION}, but another tab or window still has version ${currentVersion} open; close or reload it`,
          ),
        );
      },
      blocking: () => {
        closed = true;
        database?.close();
        options.onVersionChange?.();
      },
      terminated: () => {
        closed = true;
      },
    }).then(
      (opened) => {
        database = opened;
        // If we already gave up (blocked), this late connection is nobody's: let others upgrade.
        if (settled) opened.close();
        else resolve(opened);
      },
      (error: unknown) => reject(migrationError ?? toRepositoryError(error)),
    );
  });

  const ensureOpen = () => {
    if (closed) throw new RepositoryError('closed', `the database "${name}" is closed`);
  };
  const tx = (stores: string[], mode: IDBTransactionMode) => {
    ensureOpen();
    try {
      return db.transaction(stores, mode);
    } catch (error) {
      throw toRepositoryError(error);
    }
  };

  /** Runs `body` in a read-write transaction; on any failure the transaction is aborted: nothing lands. */
  async function inWriteTx<T>(
    stores: string[],
    body: (t: IDBPTransaction<unknown, string[], 'readwrite'>) => Promise<T>,
  ) {
    const t = tx(stores, 'readwrite') as IDBPTransaction<unknown, string[], 'readwrite'>;
    try {
      const result = await body(t);
      await t.done;
      return result;
    } catch (error) {
      try {
        t.abort();
      } catch {
        // Already aborted by IndexedDB itself (for example after a quota error): nothing to undo.
      }
      await t.done.catch(() => undefined);
      throw toRepositoryError(error, t.error);
    }
  }

  const readEnvelope = <S extends StoreName>(store: S, envelope: Envelope | undefined): ReadResult<RecordMap[S]> => {
    if (envelope === undefined) return { ok: false, reason: 'not-found' };
    const parsed = parseRecord(store, envelope.r);
    return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, reason: 'corrupt', issues: parsed.issues };
  };
  const readEnvelopes = <S extends StoreName>(store: S, envelopes: Envelope[]): ReadMany<RecordMap[S]> => {
    const out: ReadMany<RecordMap[S]> = { records: [], corrupt: [] };
    for (const envelope of envelopes) {
      const result = readEnvelope(store, envelope);
      if (result.ok) out.records.push(result.value);
      else if (result.reason === 'corrupt') out.corrupt.push({ store, id: envelope.id, issues: result.issues });
    }
    return out;
  };
  // The contact directory shards this connection has read (contact-pages.ts).
  const directoryCache = createDirectoryCache();
  const findContactsBy = async (index: 'emails' | 'phones' | 'domains' | 'accounts', key: string) =>
    readEnvelopes('contacts', await findContactEnvelopes(tx(CONTACT_STORES, 'readonly'), index, key, directoryCache));

  const repo: Repository = {
    async get(store, id) {
      const t = tx(storesOf(store), 'readonly');
      if (store === 'orders') return (await getOrder(t, id)) as ReadResult<RecordMap[typeof store]>;
      if (store === 'contacts') return readEnvelope(store, await getContactEnvelope(t, id, directoryCache));
      return readEnvelope(store, (await t.objectStore(store).get(id)) as Envelope | undefined);
    },
    async put(store, record, putOptions?: PutOptions) {
      await repo.write([{ type: 'put', store, record, ...putOptions } as WriteOp]);
    },
    async putMany(store, records) {
      await repo.write(records.map((record) => ({ type: 'put', store, record }) as WriteOp));
    },
    async delete(store, id) {
      return inWriteTx(storesOf(store), async (t) => {
        if (store === 'orders') return (await applyOrderOps(t, [{ type: 'delete', id }]))[0] === true;
        if (store === 'contacts') return (await applyContactOps(t, [{ type: 'delete', id }]))[0] === true;
        const existed = (await t.objectStore(store).count(id)) > 0;
        if (existed) await t.objectStore(store).delete(id);
        return existed;
      });
    },
    async write(ops) {
      ensureOpen();
      const valid = validateOps(ops);
      if (valid.length === 0) return;
      const stores = new Set(valid.flatMap(storesOfOp));
      await inWriteTx([...stores], async (t) => {
        const requests: Promise<unknown>[] = [];
        // Requests not awaited one by one (that would be a round trip per record); a failed one
        // aborts the transaction and is reported by Promise.all below.
        const track = (request: Promise<unknown>) => {
          request.catch(() => undefined);
          requests.push(request);
        };
        const orderOps: OrderOp[] = [];
        const contactOps: ContactOp[] = [];
        const appends: NewOrderColumns[] = [];
        for (const op of valid) {
          if (op.type === 'putMerge') {
            const envelope: MergeEnvelope = {
              id: op.merge.id,
              r: op.merge,
              k: { contacts: mergeContactIds(op.merge), time: Date.parse(op.merge.mergedAt) },
            };
            track(t.objectStore(MERGES).put(envelope));
            continue;
          }
          if (op.type === 'deleteMerge') {
            track(t.objectStore(MERGES).delete(op.id));
            continue;
          }
          if (op.type === 'appendOrders') {
            appends.push(op.orders);
            continue;
          }
          if (op.store === 'orders') {
            orderOps.push(
              op.type === 'delete'
                ? { type: 'delete', id: op.id }
                : {
                    type: 'put',
                    order: op.record as RecordMap['orders'],
                    ...(op.expectVersion === undefined ? {} : { expectVersion: op.expectVersion }),
                  },
            );
            continue;
          }
          if (op.store === 'contacts') {
            contactOps.push(
              op.type === 'delete'
                ? op
                : {
                    type: 'put',
                    envelope: envelopeOf(op),
                    ...(op.expectVersion === undefined ? {} : { expectVersion: op.expectVersion }),
                  },
            );
            continue;
          }
          const store = t.objectStore(op.store);
          if (op.type === 'delete') {
            track(store.delete(op.id));
            continue;
          }
          if (op.expectVersion !== undefined) {
            const stored = (await store.get(op.record.id)) as Envelope | undefined;
            const version =
              stored === undefined ? undefined : ((stored.r as { version?: number } | null)?.version ?? 0);
            if ((version ?? 0) !== op.expectVersion)
              throw conflictError(op.store, op.record.id, op.expectVersion, version);
          }
          const envelope = envelopeOf(op);
          // The raw put, without idb's promise and listeners per request: 100,000 touchpoints are 100,000
          // puts, and the wrapper was about 7 % of their write time (measured in Chromium with contacts).
          // A failed put aborts the transaction, and `t.done` rejects with its error (quota included).
          unwrap(store).put(envelope);
        }
        track(applyContactOps(t, contactOps));
        // Each column batch after the ops before it: every call sees what the previous one wrote.
        track(
          (async () => {
            await applyOrderOps(t, orderOps);
            for (const columns of appends) await applyOrderOps(t, [], columns);
          })(),
        );
        await Promise.all(requests);
      });
    },
    async list(store, listOptions = {}) {
      const limit = listOptions.limit ?? 1000;
      const t = tx(storesOf(store), 'readonly');
      if (store === 'orders') return (await listOrders(t, listOptions.after, limit)) as Page<RecordMap[typeof store]>;
      if (store === 'contacts') {
        const { envelopes, next } = await listContactEnvelopes(t, listOptions.after, limit);
        const page: Page<RecordMap[typeof store]> = readEnvelopes(store, envelopes);
        if (next !== undefined) page.next = next;
        return page;
      }
      const range = listOptions.after === undefined ? undefined : IDBKeyRange.lowerBound(listOptions.after, true);
      const envelopes = (await t.objectStore(store).getAll(range, limit + 1)) as Envelope[];
      const page: Page<RecordMap[typeof store]> = readEnvelopes(store, envelopes.slice(0, limit));
      if (envelopes.length > limit) page.next = envelopes[limit - 1]?.id as string;
      return page;
    },
    async listIdentities(listOptions = {}) {
      const t = tx(CONTACT_STORES, 'readonly');
      const { items, next } = await listContactIdentities(t, listOptions.after, listOptions.limit ?? 1000);
      const page: Page<ContactIdentity> = { records: [], corrupt: [] };
      for (const item of items) {
        if ('identity' in item) {
          page.records.push(item.identity);
          continue;
        }
        const read = readEnvelope('contacts', item.envelope);
        if (read.ok) page.records.push(contactIdentity(read.value));
        else if (read.reason === 'corrupt')
          page.corrupt.push({ store: 'contacts', id: item.envelope.id, issues: read.issues });
      }
      if (next !== undefined) page.next = next;
      return page;
    },
    async count(store) {
      const t = tx(storesOf(store), 'readonly');
      if (store === 'orders') return countOrders(t);
      return store === 'contacts' ? countContacts(t) : t.objectStore(store).count();
    },
    async findContactsByEmail(email): Promise<ReadMany<Contact>> {
      return findContactsBy('emails', normaliseEmail(email));
    },
    async findContactsByPhone(phone) {
      return findContactsBy('phones', phone.trim());
    },
    async findContactsByDomain(domain) {
      return findContactsBy('domains', normaliseDomain(domain));
    },
    async findContactsByAccount(accountId) {
      return findContactsBy('accounts', accountId);
    },
    async findAccountsByDomain(domain): Promise<ReadMany<Account>> {
      const envelopes = (await tx(['accounts'], 'readonly')
        .objectStore('accounts')
        .index('domains')
        .getAll(normaliseDomain(domain))) as Envelope[];
      return readEnvelopes(
        'accounts',
        envelopes.sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
    },
    async listByContact<S extends ContactLinkedStore>(
      store: S,
      contactId: string,
      range?: { from?: string; to?: string },
    ) {
      const { from, to } = timeBounds(range);
      const t = tx(storesOf(store), 'readonly');
      if (store === 'orders') return (await ordersOfContact(t, contactId, from, to)) as ReadMany<RecordMap[S]>;
      const keys = IDBKeyRange.bound([contactId, from], [contactId, to], false, true);
      const envelopes = (await t.objectStore(store).index(CONTACT_TIME_INDEX).getAll(keys)) as Envelope[];
      return readEnvelopes(store, envelopes);
    },
    async listByTime<S extends ContactLinkedStore>(store: S, range: { from?: string; to?: string }) {
      const { from, to } = timeBounds(range);
      const t = tx(storesOf(store), 'readonly');
      if (store === 'orders') return (await ordersByTime(t, from, to)) as ReadMany<RecordMap[S]>;
      const keys = IDBKeyRange.bound(from, to, false, true);
      const envelopes = (await t.objectStore(store).index(TIME_INDEX).getAll(keys)) as Envelope[];
      return readEnvelopes(store, envelopes);
    },
    async getMerge(id) {
      const envelope = (await tx([MERGES], 'readonly').objectStore(MERGES).get(id)) as MergeEnvelope | undefined;
      return envelope === undefined ? { ok: false, reason: 'not-found' } : readMerge(envelope.r);
    },
    async listMerges(listOptions = {}) {
      const store = tx([MERGES], 'readonly').objectStore(MERGES);
      const envelopes = (await (listOptions.contactId === undefined
        ? store.getAll()
        : store.index(MERGE_CONTACTS_INDEX).getAll(listOptions.contactId))) as MergeEnvelope[];
      return readMerges(envelopes.sort((a, b) => b.k.time - a.k.time || (a.id < b.id ? -1 : 1)));
    },
    async orderFacts() {
      return orderFacts(tx(ORDER_STORES, 'readonly'));
    },
    async close() {
      closed = true;
      db.close();
    },
  };
  return repo;
}
