import type { Account } from '../model/account.ts';
import type { Contact } from '../model/contact.ts';
import type { ContactIdentity } from '../model/contact-identity.ts';
import type { MergeRecord } from '../model/merge-record.ts';
import type { ContactLinkedStore, RecordMap, StoreName } from '../model/stores.ts';
import type { NewOrderColumns } from './order-columns.ts';
import type { OrderFacts } from './order-facts.ts';

/** One record read back: found, absent, or present but unreadable (written by a bad build, damaged on disk). */
export type ReadResult<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'corrupt'; issues: string };

/** A stored record that failed its schema; the other records of the read are still returned. */
export interface CorruptRecord {
  /** A record store, or `merges` for a damaged merge record. */
  store: StoreName | 'merges';
  id: string;
  issues: string;
}

export interface ReadMany<T> {
  records: T[];
  corrupt: CorruptRecord[];
}

export interface Page<T> extends ReadMany<T> {
  /** Pass as `after` to read the next page; absent on the last page. */
  next?: string;
}

/** ISO instants; `from` inclusive, `to` exclusive. Either may be left open. */
export interface TimeRange {
  from?: string;
  to?: string;
}

export interface PutOptions {
  /**
   * Optimistic concurrency: the version the caller last read (0 = "must not exist yet").
   * If the stored version differs, the write fails with a `conflict` RepositoryError.
   */
  expectVersion?: number;
}

export type PutOp = { [S in StoreName]: { type: 'put'; store: S; record: RecordMap[S] } & PutOptions }[StoreName];
export type DeleteOp = { type: 'delete'; store: StoreName; id: string };
/** Stores (or replaces) the record of a contact merge, so it can be undone later, after a reload too. */
export type PutMergeOp = { type: 'putMerge'; merge: MergeRecord };
/** Forgets a merge record (undone, or the person erased); absent is fine. */
export type DeleteMergeOp = { type: 'deleteMerge'; id: string };
/**
 * Appends new orders given as columns (no object per order): the bulk path of imports. Fails with a
 * `conflict` RepositoryError, writing nothing, when an id is already stored or repeats in the columns.
 */
export type AppendOrdersOp = { type: 'appendOrders'; orders: NewOrderColumns };
export type WriteOp = PutOp | DeleteOp | PutMergeOp | DeleteMergeOp | AppendOrdersOp;

/**
 * The customer data store. Implemented by the in-memory twin and the IndexedDB adapter, which pass the
 * same contract tests (testing/repository.contract.ts).
 *
 * Writes validate every record with its schema (records returned by `parseRecord` count as validated)
 * and land whole or not at all; they fail with a RepositoryError. Reads never throw for bad data: a record that fails its schema comes back as
 * `corrupt` and the rest stays readable.
 */
export interface Repository {
  get<S extends StoreName>(store: S, id: string): Promise<ReadResult<RecordMap[S]>>;
  put<S extends StoreName>(store: S, record: RecordMap[S], options?: PutOptions): Promise<void>;
  /** Inserts or replaces many records of one store in one atomic write. */
  putMany<S extends StoreName>(store: S, records: readonly RecordMap[S][]): Promise<void>;
  /** Resolves to whether the record existed. */
  delete(store: StoreName, id: string): Promise<boolean>;
  /** A transaction: puts and deletes across stores that land together or not at all, in order. */
  write(ops: readonly WriteOp[]): Promise<void>;

  /**
   * Every record of a store, a page at a time (default limit 1000), in a stable order: id order, except
   * for contacts and orders, which the IndexedDB adapter pages in storage order (contact page, order
   * block). Pass `next` back as `after`; it is opaque. Every record stored throughout the paging is
   * handed out exactly once, even when records are written between pages; callers that need id order sort.
   */
  list<S extends StoreName>(store: S, options?: { after?: string; limit?: number }): Promise<Page<RecordMap[S]>>;
  /**
   * What linking needs of every contact (ContactIdentity), paged as `list('contacts')` is (the same
   * order, cursors and corrupt contacts): an import reads it for every stored contact, and the IndexedDB
   * adapter keeps it apart so that this costs a fraction of reading the contacts whole.
   */
  listIdentities(options?: { after?: string; limit?: number }): Promise<Page<ContactIdentity>>;
  count(store: StoreName): Promise<number>;

  /** Case-insensitive; matches any of a contact's addresses. */
  findContactsByEmail(email: string): Promise<ReadMany<Contact>>;
  /** E.164; matches any of a contact's numbers. */
  findContactsByPhone(phone: string): Promise<ReadMany<Contact>>;
  /** Contacts with an email address at this domain (`www.` and case ignored). */
  findContactsByDomain(domain: string): Promise<ReadMany<Contact>>;
  findContactsByAccount(accountId: string): Promise<ReadMany<Contact>>;
  findAccountsByDomain(domain: string): Promise<ReadMany<Account>>;

  /** A contact's records of one store, oldest first. */
  listByContact<S extends ContactLinkedStore>(
    store: S,
    contactId: string,
    range?: TimeRange,
  ): Promise<ReadMany<RecordMap[S]>>;
  /** All records of one store within a time range, oldest first. */
  listByTime<S extends ContactLinkedStore>(store: S, range: TimeRange): Promise<ReadMany<RecordMap[S]>>;

  /** A stored merge record (see mergeContacts); a damaged one reads back as corrupt. */
  getMerge(id: string): Promise<ReadResult<MergeRecord>>;
  /**
   * Stored merge records, newest first: all of them, or those naming a contact (as survivor or as a
   * merged duplicate). Written and deleted through `write` (`putMerge`, `deleteMerge` ops).
   */
  listMerges(options?: { contactId?: string }): Promise<ReadMany<MergeRecord>>;

  /** Every order as columns (see OrderFacts), the input of RFM, churn and lifetime-value models. */
  orderFacts(): Promise<OrderFacts>;

  close(): Promise<void>;
}
