import type { IDBPTransaction } from 'idb';
import { hashString } from '../../storage/hash.ts';
import { mergeEntries, placesOf } from '../../storage/hash-directory.ts';
import { conflictError } from '../../storage/validate-ops.ts';
import {
  CONTACT_DIRECTORY,
  CONTACT_PAGES,
  type ContactPage,
  type ContactShard,
  type Envelope,
  PAGE_INDEXES,
  PAGE_SIZE,
  type PageIndex,
  SHARD_COUNT,
  type StoredContact,
} from './db-schema.ts';
import { addEntry, type DirectoryKind, loadShards, shardOf } from './directory-shards.ts';

// Contacts in pages (see CONTACT_PAGES). The functions hand back stored envelopes; the repository
// validates the records it returns. Every function takes a transaction over CONTACT_PAGES and
// CONTACT_DIRECTORY and awaits only IndexedDB requests, so the transaction stays alive.
type Tx = IDBPTransaction<unknown, string[], 'readonly' | 'readwrite' | 'versionchange'>;
type WriteTx = IDBPTransaction<unknown, string[], 'readwrite' | 'versionchange'>;

/** A put of a contact: `raw` keeps the envelope as an object (a damaged one, which JSON may not hold). */
export type ContactOp =
  | { type: 'put'; envelope: Envelope; expectVersion?: number; raw?: boolean }
  | { type: 'delete'; id: string };

/** A contact of a page: its id (the page's `ids` at the same position), what is stored, its envelope once parsed. */
interface Slot {
  id: string;
  item: StoredContact;
  envelope?: Envelope;
}

const opId = (op: ContactOp) => (op.type === 'put' ? op.envelope.id : op.id);
const byId = (a: Envelope, b: Envelope) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The keys of one contact that a page index holds. */
function keysOf(envelope: Envelope, index: PageIndex): unknown[] {
  const k = envelope.k ?? {};
  if (index === 'accounts') return k.account === undefined ? [] : [k.account];
  return Array.isArray(k[index]) ? k[index] : [];
}

/**
 * The envelope of a slot, parsed once. Stored text that is not the envelope of its id stands for it
 * with the text as the record: it reads back as corrupt, and a write over it repairs it.
 */
function decode(slot: Slot): Envelope {
  if (slot.envelope) return slot.envelope;
  let envelope: Partial<Envelope> | null = slot.item as Envelope;
  if (typeof slot.item === 'string')
    try {
      envelope = JSON.parse(slot.item) as Envelope;
    } catch {
      envelope = null;
    }
  slot.envelope = envelope?.id === slot.id ? (envelope as Envelope) : { id: slot.id, r: slot.item, k: {} };
  return slot.envelope;
}

/** A page value: what is stored per contact, their ids in the same order and, per index, the distinct keys. */
export function contactPage(n: number, slots: Slot[]): ContactPage {
  const page = { n, contacts: slots.map((s) => s.item), ids: slots.map((s) => s.id) } as ContactPage;
  for (const index of PAGE_INDEXES)
    page[index] = [...new Set(slots.flatMap((s) => keysOf(decode(s), index)))] as string[];
  return page;
}

function isPage(value: unknown): value is ContactPage {
  const { contacts, ids } = (value ?? {}) as Partial<ContactPage>;
  return (
    Array.isArray(contacts) &&
    Array.isArray(ids) &&
    ids.length === contacts.length &&
    ids.every((id) => typeof id === 'string')
  );
}

/**
 * The slots of a stored page. A page too damaged to hold its contacts stands for each id its `ids`
 * lists, with the damaged value as the record, so each reads back as corrupt, is repaired by a write
 * over it, and nothing of the value is lost when a write rewrites the page.
 */
function slotsOf(value: unknown): Slot[] {
  if (isPage(value)) return value.ids.map((id, i) => ({ id, item: value.contacts[i] as StoredContact }));
  const ids = (value as { ids?: unknown } | null)?.ids;
  if (!Array.isArray(ids)) return [];
  return ids
    .filter((id): id is string => typeof id === 'string')
    .map((id) => ({ id, item: { id, r: { damagedPage: value }, k: {} } }));
}

/** The stored envelope of a contact (its page found through the directory), or undefined. */
export async function getContactEnvelope(tx: Tx, id: string): Promise<Envelope | undefined> {
  const hash = hashString(id);
  const { shards } = await loadShards(tx, CONTACT_DIRECTORY_KIND, [shardOf(hash)]);
  const shard = shards.get(shardOf(hash)) ?? emptyShard();
  const store = tx.objectStore(CONTACT_PAGES);
  // One page, unless another id has the same hash (then its page is read too).
  const pages = await Promise.all([...placesOf(shard.hashes, shard.pages, hash)].map((n) => store.get(n)));
  const slot = pages.flatMap(slotsOf).find((s) => s.id === id);
  return slot && decode(slot);
}

/**
 * The envelopes whose `index` keys include `key`, in id order. Only the contacts whose stored text
 * holds the key (as JSON writes it) are parsed: the other contacts of the pages cost a text search.
 */
export async function findContactEnvelopes(tx: Tx, index: PageIndex, key: string): Promise<Envelope[]> {
  const pages = await tx.objectStore(CONTACT_PAGES).index(index).getAll(key);
  const text = JSON.stringify(key);
  return pages
    .flatMap(slotsOf)
    .filter((s) => typeof s.item !== 'string' || s.item.includes(text))
    .map(decode)
    .filter((e) => keysOf(e, index).includes(key))
    .sort(byId);
}

/** The number of contacts: the directory has one entry per contact. */
export async function countContacts(tx: Tx): Promise<number> {
  const { shards } = await loadShards(
    tx,
    CONTACT_DIRECTORY_KIND,
    Array.from({ length: SHARD_COUNT }, (_, n) => n),
  );
  let count = 0;
  for (const shard of shards.values()) count += shard.hashes.length;
  return count;
}

/**
 * One list page of envelopes in storage order: page by page, by id within a page. A contact never
 * moves to another page while it exists, so the cursor (`n:id`, the last contact handed out) stays
 * valid across writes and every contact stored throughout the paging is handed out exactly once.
 */
export async function listContactEnvelopes(
  tx: Tx,
  after: string | undefined,
  limit: number,
): Promise<{ envelopes: Envelope[]; next?: string }> {
  const colon = after?.indexOf(':') ?? -1;
  const startPage = after === undefined ? 0 : Number(after.slice(0, colon));
  const afterId = after?.slice(colon + 1);
  const store = tx.objectStore(CONTACT_PAGES);
  const out: { n: number; envelope: Envelope }[] = [];
  let range = IDBKeyRange.lowerBound(startPage);
  while (out.length <= limit) {
    const count = Math.ceil((limit + 1 - out.length) / PAGE_SIZE) + 1;
    const pages = (await store.getAll(range, count)) as { n: number }[];
    for (const page of pages)
      for (const envelope of slotsOf(page).map(decode).sort(byId))
        if (page.n !== startPage || afterId === undefined || envelope.id > afterId) out.push({ n: page.n, envelope });
    const last = pages.at(-1);
    if (pages.length < count || last === undefined) break;
    range = IDBKeyRange.lowerBound(last.n, true);
  }
  const envelopes = out.slice(0, limit).map((o) => o.envelope);
  const end = out[limit - 1];
  return out.length > limit && end ? { envelopes, next: `${end.n}:${end.envelope.id}` } : { envelopes };
}

const emptyShard = (): ContactShard => ({ hashes: new Uint32Array(0), pages: new Uint32Array(0) });

function isShard(value: unknown): value is ContactShard {
  const v = value as Partial<ContactShard> | null;
  return v?.hashes instanceof Uint32Array && v.pages instanceof Uint32Array && v.hashes.length === v.pages.length;
}

/** The whole directory computed from the pages (for a damaged shard: the pages are the truth). */
async function rebuildDirectory(tx: Tx): Promise<Map<number, ContactShard>> {
  const adds = new Map<number, number[]>();
  for (const page of (await tx.objectStore(CONTACT_PAGES).getAll()) as { n: number }[])
    for (const { id } of slotsOf(page)) addEntry(adds, hashString(id), page.n);
  const shards = new Map<number, ContactShard>();
  for (let n = 0; n < SHARD_COUNT; n++) shards.set(n, mergeShard(emptyShard(), adds.get(n) ?? [], []));
  return shards;
}

const CONTACT_DIRECTORY_KIND: DirectoryKind<ContactShard> = {
  store: CONTACT_DIRECTORY,
  empty: emptyShard,
  isShard,
  rebuild: rebuildDirectory,
};

function mergeShard(shard: ContactShard, adds: readonly number[], removes: readonly number[]): ContactShard {
  const merged = mergeEntries(shard.hashes, shard.pages, adds, removes, (size) => new Uint32Array(size));
  return { hashes: merged.hashes, pages: merged.places };
}

/** The key of the last page, or 0 when there is none (pages are numbered from 1). */
async function lastPageKey(tx: Tx): Promise<number> {
  const cursor = await tx.objectStore(CONTACT_PAGES).openKeyCursor(null, 'prev');
  return (cursor?.key as number | undefined) ?? 0;
}

/**
 * Applies puts and deletes of contact envelopes in order, reading each page the ops touch once and
 * putting it once: a stored contact is rewritten in its page, a deleted one leaves it (an empty page is
 * deleted), and new contacts fill the last page, then new pages of PAGE_SIZE. Returns, per op, whether
 * the contact existed before it. Throws a `conflict` RepositoryError when an expected version does not
 * match (the caller aborts the transaction, so nothing is written).
 */
export async function applyContactOps(tx: WriteTx, ops: readonly ContactOp[]): Promise<boolean[]> {
  if (ops.length === 0) return [];
  const hashes = new Map(ops.map((op) => [opId(op), hashString(opId(op))]));
  const [{ shards, rebuilt }, last] = await Promise.all([
    loadShards(tx, CONTACT_DIRECTORY_KIND, new Set([...hashes.values()].map(shardOf))),
    lastPageKey(tx),
  ]);
  const wanted = new Set(last > 0 ? [last] : []);
  for (const hash of hashes.values()) {
    const shard = shards.get(shardOf(hash)) ?? emptyShard();
    for (const n of placesOf(shard.hashes, shard.pages, hash)) wanted.add(n);
  }
  const pagesStore = tx.objectStore(CONTACT_PAGES);
  const loaded = new Map<number, Slot[]>();
  await Promise.all([...wanted].map(async (n) => loaded.set(n, slotsOf(await pagesStore.get(n)))));

  const home = new Map<string, number>();
  const current = new Map<string, Slot | undefined>();
  for (const [n, slots] of loaded)
    for (const slot of slots)
      if (hashes.has(slot.id)) {
        home.set(slot.id, n);
        current.set(slot.id, slot);
      }
  const existed = ops.map((op) => applyOp(current, op));

  // Untouched contacts keep what is stored for them; only the written ones are encoded.
  const pages = new Map<number, Slot[]>();
  for (const n of new Set(home.values()))
    pages.set(
      n,
      (loaded.get(n) ?? []).flatMap((s) => (current.has(s.id) ? (current.get(s.id) ?? []) : s)),
    );
  const fresh = [...current].filter(([id, s]) => s !== undefined && !home.has(id)).map(([, s]) => s as Slot);
  const adds = new Map<number, number[]>();
  const removes = new Map<number, number[]>();
  for (const [id, n] of home) if (current.get(id) === undefined) addEntry(removes, hashes.get(id) as number, n);
  let n = last;
  // The last page's slots copied once, then filled in place.
  let page = [...(pages.get(n) ?? loaded.get(n) ?? [])];
  for (const slot of fresh) {
    if (n === 0 || page.length >= PAGE_SIZE) {
      n++;
      page = [];
    }
    page.push(slot);
    pages.set(n, page);
    addEntry(adds, hashes.get(slot.id) as number, n);
  }

  const requests: Promise<unknown>[] = [];
  // A put that throws (quota) aborts the transaction: the requests made before it then fail unheard.
  const track = (request: Promise<unknown>) => {
    request.catch(() => undefined);
    requests.push(request);
  };
  for (const [key, slots] of pages)
    track(slots.length === 0 ? pagesStore.delete(key) : pagesStore.put(contactPage(key, slots)));
  const directory = tx.objectStore(CONTACT_DIRECTORY);
  const touched = rebuilt ? [...shards.keys()] : [...new Set([...adds.keys(), ...removes.keys()])];
  for (const s of touched) {
    const shard = mergeShard(shards.get(s) ?? emptyShard(), adds.get(s) ?? [], removes.get(s) ?? []);
    track(shard.hashes.length === 0 ? directory.delete(s) : directory.put(shard, s));
  }
  await Promise.all(requests);
  return existed;
}

/** Applies one op to the working state of a write; whether the contact existed before it. */
function applyOp(current: Map<string, Slot | undefined>, op: ContactOp): boolean {
  const id = opId(op);
  const stored = current.get(id);
  if (op.type === 'put' && op.expectVersion !== undefined) {
    const version =
      stored === undefined ? undefined : ((decode(stored).r as { version?: number } | null)?.version ?? 0);
    if ((version ?? 0) !== op.expectVersion) throw conflictError('contacts', id, op.expectVersion, version);
  }
  current.set(
    id,
    op.type === 'put'
      ? { id, item: op.raw ? op.envelope : JSON.stringify(op.envelope), envelope: op.envelope }
      : undefined,
  );
  return stored !== undefined;
}
