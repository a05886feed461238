import type { IDBPTransaction } from 'idb';
import type { Contact } from '../../model/contact.ts';
import { type ContactIdentity, contactIdentity, isContactIdentity } from '../../model/contact-identity.ts';
import { parseRecord } from '../../model/parse-record.ts';
import { hashString } from '../../storage/hash.ts';
import { mergeEntries, placesOf } from '../../storage/hash-directory.ts';
import { conflictError } from '../../storage/validate-ops.ts';
import {
  CONTACT_DIRECTORY,
  CONTACT_IDENTITIES,
  CONTACT_PAGES,
  CONTACT_SHARD_COUNT,
  type ContactPage,
  type ContactShard,
  DIRECTORY_PARTS,
  type DirectoryEntries,
  type DirectoryPart,
  type Envelope,
  type IdentityPage,
  PAGE_INDEXES,
  PAGE_SIZE,
  type PageIndex,
  type StoredContact,
  shardStamp,
} from './db-schema.ts';
import { addEntry, type DirectoryKind, loadShards } from './directory-shards.ts';

/** The contact directory shard of an id or key with this hash. */
const shardOfHash = (hash: number) => hash % CONTACT_SHARD_COUNT;
const add = (entries: Map<number, number[]>, hash: number, page: number) => addEntry(entries, hash, page, shardOfHash);

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
  /** The contact's ContactIdentity as JSON text (null for a damaged contact or one stored before it was kept). */
  identity: string | null;
}

const opId = (op: ContactOp) => (op.type === 'put' ? op.envelope.id : op.id);
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

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

/** The identities of a page's contacts, in the page's order (CONTACT_IDENTITIES). */
const identityPage = (slots: Slot[]): IdentityPage => ({
  ids: slots.map((s) => s.id),
  identities: slots.map((s) => s.identity),
});

function isIdentityPage(value: unknown): value is IdentityPage {
  const { ids, identities } = (value ?? {}) as Partial<IdentityPage>;
  return Array.isArray(ids) && Array.isArray(identities) && ids.length === identities.length;
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
function slotsOf(value: unknown, identities?: unknown): Slot[] {
  if (isPage(value)) {
    // A contact whose identity is missing (or damaged) has none: a listing of identities reads it whole.
    const listed = isIdentityPage(identities) ? identities : undefined;
    return value.ids.map((id, i) => {
      const identity = listed?.ids[i] === id ? listed.identities[i] : null;
      return { id, item: value.contacts[i] as StoredContact, identity: typeof identity === 'string' ? identity : null };
    });
  }
  const ids = (value as { ids?: unknown } | null)?.ids;
  if (!Array.isArray(ids)) return [];
  return ids
    .filter((id): id is string => typeof id === 'string')
    .map((id) => ({ id, item: { id, r: { damagedPage: value }, k: {} }, identity: null }));
}

/**
 * The directory shards one connection has read, each good while its stored stamp (shardStamp) is the one
 * it was read with: a lookup then reads the stamp and the page at once, one round trip instead of two (a
 * shard, then its page). A write, from any tab, replaces the stamps of the shards it changes, so another
 * tab's write makes stale only the shards it touched (a contact edited without a new key: none).
 */
export interface DirectoryCache {
  shards: Map<number, { shard: ContactShard; stamp: unknown }>;
}

export const createDirectoryCache = (): DirectoryCache => ({ shards: new Map() });

/** The stored pages the directory names for a hash, in one of its parts (usually one page). */
async function pagesNamed(tx: Tx, part: DirectoryPart, hash: number, cache: DirectoryCache): Promise<unknown[]> {
  const n = shardOfHash(hash);
  const pagesStore = tx.objectStore(CONTACT_PAGES);
  const placesIn = ({ [part]: entries }: ContactShard) => [...new Set(placesOf(entries.hashes, entries.pages, hash))];
  const read = (places: number[]) => Promise.all(places.map((page) => pagesStore.get(page)));
  // One read of the stamp serves both steps: a transaction's reads all see the same data.
  const stampRead = tx.objectStore(CONTACT_DIRECTORY).get(shardStamp(n));
  const cached = cache.shards.get(n);
  let guess: { places: number[]; pages: unknown[] } | undefined;
  if (cached) {
    const places = placesIn(cached.shard);
    const [stamp, pages] = await Promise.all([stampRead, read(places)]);
    if (stamp === cached.stamp) return pages;
    guess = { places, pages };
  }
  const [stamp, { shards, rebuilt }] = await Promise.all([stampRead, loadShards(tx, CONTACT_DIRECTORY_KIND, [n])]);
  const shard = shards.get(n) ?? emptyShard();
  // A shard rebuilt from the pages (the stored one is damaged) is read again until a write repairs it.
  if (rebuilt) cache.shards.delete(n);
  else cache.shards.set(n, { shard, stamp });
  const places = placesIn(shard);
  // The pages the stale shard named were read in this transaction too: still the answer when the shard
  // read now names the same ones (another tab changed the shard, not this key's entries).
  if (guess?.places.length === places.length && places.every((page, i) => page === guess.places[i])) return guess.pages;
  return read(places);
}

/** The stored envelope of a contact (its page found through the directory), or undefined. */
export async function getContactEnvelope(tx: Tx, id: string, cache: DirectoryCache): Promise<Envelope | undefined> {
  // One page, unless another id has the same hash (then its page is read too).
  const pages = await pagesNamed(tx, 'ids', hashString(id), cache);
  const slot = pages.flatMap(slotsOf).find((s) => s.id === id);
  return slot && decode(slot);
}

/**
 * The envelopes whose `index` keys include `key`, in id order. Only the contacts whose stored text
 * holds the key (as JSON writes it) are parsed: the other contacts of the pages cost a text search.
 */
export async function findContactEnvelopes(
  tx: Tx,
  index: PageIndex,
  key: string,
  cache: DirectoryCache,
): Promise<Envelope[]> {
  const pages = await pagesNamed(tx, index, hashString(key), cache);
  const text = JSON.stringify(key);
  return pages
    .filter((page) => storedKeys(page, index).includes(key))
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
    Array.from({ length: CONTACT_SHARD_COUNT }, (_, n) => n),
  );
  let count = 0;
  for (const shard of shards.values()) count += shard.ids.hashes.length;
  return count;
}

/** What one range read of a listing gives per stored page: its number and what is listed of it, by id. */
type ReadPages<T> = (range: IDBKeyRange, count: number) => Promise<{ n: number; items: (T & { id: string })[] }[]>;

/**
 * One list page of contacts in storage order: page by page, by id within a page. A contact never
 * moves to another page while it exists, so the cursor (`n:id`, the last contact handed out) stays
 * valid across writes and every contact stored throughout the paging is handed out exactly once.
 */
async function listPaged<T>(
  after: string | undefined,
  limit: number,
  read: ReadPages<T>,
): Promise<{ items: (T & { id: string })[]; next?: string }> {
  const colon = after?.indexOf(':') ?? -1;
  const startPage = after === undefined ? 0 : Number(after.slice(0, colon));
  const afterId = after?.slice(colon + 1);
  const out: { n: number; item: T & { id: string } }[] = [];
  let range = IDBKeyRange.lowerBound(startPage);
  while (out.length <= limit) {
    const count = Math.ceil((limit + 1 - out.length) / PAGE_SIZE) + 1;
    const pages = await read(range, count);
    for (const page of pages)
      for (const item of page.items.sort(byId))
        if (page.n !== startPage || afterId === undefined || item.id > afterId) out.push({ n: page.n, item });
    const last = pages.at(-1);
    if (pages.length < count || last === undefined) break;
    range = IDBKeyRange.lowerBound(last.n, true);
  }
  const items = out.slice(0, limit).map((o) => o.item);
  const end = out[limit - 1];
  return out.length > limit && end ? { items, next: `${end.n}:${end.item.id}` } : { items };
}

/** One list page of envelopes (see listPaged). */
export async function listContactEnvelopes(
  tx: Tx,
  after: string | undefined,
  limit: number,
): Promise<{ envelopes: Envelope[]; next?: string }> {
  const store = tx.objectStore(CONTACT_PAGES);
  const { items, next } = await listPaged(after, limit, async (range, count) =>
    ((await store.getAll(range, count)) as { n: number }[]).map((page) => ({ n: page.n, items: slotsOf(page) })),
  );
  const envelopes = items.map(decode);
  return next === undefined ? { envelopes } : { envelopes, next };
}

type ListedIdentity = { id: string } & ({ identity: ContactIdentity } | { envelope: Envelope });

/**
 * One list page of identities (see listPaged), read from CONTACT_IDENTITIES without the pages: only the
 * keys of the pages are read, to list every page. A contact without a readable identity (a damaged
 * one, or a page whose identities are missing) comes as its envelope, read from its page, for the
 * repository to validate and take the identity from.
 */
export async function listContactIdentities(
  tx: Tx,
  after: string | undefined,
  limit: number,
): Promise<{ items: ({ identity: ContactIdentity } | { envelope: Envelope })[]; next?: string }> {
  const pagesStore = tx.objectStore(CONTACT_PAGES);
  const identities = tx.objectStore(CONTACT_IDENTITIES);
  return listPaged<ListedIdentity>(after, limit, async (range, count) => {
    const [keys, values, valueKeys] = await Promise.all([
      pagesStore.getAllKeys(range, count),
      identities.getAll(range, count),
      identities.getAllKeys(range, count),
    ]);
    const byPage = new Map(valueKeys.map((n, i) => [n as number, values[i]]));
    return Promise.all(
      (keys as number[]).map(async (n) => {
        const listed: ListedIdentity[] = [];
        const unread = new Set<string>();
        const value = byPage.get(n);
        if (isIdentityPage(value))
          value.ids.forEach((id, i) => {
            const text = value.identities[i];
            const identity = typeof text === 'string' ? parseIdentity(text) : undefined;
            if (identity?.id === id) listed.push({ id, identity });
            else unread.add(id);
          });
        // No identities for the page (or a damaged list): its contacts are read whole.
        if (unread.size > 0 || !isIdentityPage(value))
          for (const slot of slotsOf(await pagesStore.get(n)))
            if (!isIdentityPage(value) || unread.has(slot.id)) listed.push({ id: slot.id, envelope: decode(slot) });
        return { n, items: listed };
      }),
    );
  });
}

/** A contact's identity as CONTACT_IDENTITIES keeps it (parseIdentity reads it back). */
const identityText = (contact: ContactIdentity) => JSON.stringify(contactIdentity(contact));

function parseIdentity(text: string): ContactIdentity | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isContactIdentity(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const noEntries = (): DirectoryEntries => ({ hashes: new Uint32Array(0), pages: new Uint32Array(0) });

const emptyShard = (): ContactShard => ({
  ids: noEntries(),
  emails: noEntries(),
  phones: noEntries(),
  domains: noEntries(),
  accounts: noEntries(),
});

function isEntries(value: unknown): value is DirectoryEntries {
  const v = value as Partial<DirectoryEntries> | null;
  return v?.hashes instanceof Uint32Array && v.pages instanceof Uint32Array && v.hashes.length === v.pages.length;
}

const isShard = (value: unknown): value is ContactShard =>
  DIRECTORY_PARTS.every((part) => isEntries((value as Partial<ContactShard> | null)?.[part]));

/** The keys a stored page lists for one kind of lookup (none when the page is damaged there). */
function storedKeys(page: unknown, index: PageIndex): readonly string[] {
  const keys = (page as Partial<ContactPage> | null)?.[index];
  return Array.isArray(keys) ? keys.filter((key) => typeof key === 'string') : [];
}

/** Directory entries (entryOf) a write adds and removes, by shard. */
interface Changes {
  adds: Map<number, number[]>;
  removes: Map<number, number[]>;
}

const noChanges = (): Record<DirectoryPart, Changes> =>
  Object.fromEntries(DIRECTORY_PARTS.map((part) => [part, { adds: new Map(), removes: new Map() }])) as Record<
    DirectoryPart,
    Changes
  >;

/** The entries that take page `n` from listing the keys `before` to listing `after`. */
function changeKeys(changes: Changes, n: number, before: readonly string[], after: readonly string[]): void {
  const had = new Set(before);
  const has = new Set(after);
  for (const key of has) if (!had.has(key)) add(changes.adds, hashString(key), n);
  for (const key of had) if (!has.has(key)) add(changes.removes, hashString(key), n);
}

/** Shard `n` with the changes of each part applied. */
function mergeShard(shard: ContactShard, n: number, changes: Record<DirectoryPart, Changes>): ContactShard {
  const merged = emptyShard();
  for (const part of DIRECTORY_PARTS) {
    const { adds, removes } = changes[part];
    const entries = mergeEntries(
      shard[part].hashes,
      shard[part].pages,
      adds.get(n) ?? [],
      removes.get(n) ?? [],
      (size) => new Uint32Array(size),
    );
    merged[part] = { hashes: entries.hashes, pages: entries.places };
  }
  return merged;
}

/** The whole directory computed from the stored pages (for a damaged shard: the pages are the truth). */
async function rebuildDirectory(tx: Tx): Promise<Map<number, ContactShard>> {
  const changes = noChanges();
  for (const page of (await tx.objectStore(CONTACT_PAGES).getAll()) as { n: number }[]) {
    for (const { id } of slotsOf(page)) add(changes.ids.adds, hashString(id), page.n);
    for (const index of PAGE_INDEXES) changeKeys(changes[index], page.n, [], storedKeys(page, index));
  }
  const shards = new Map<number, ContactShard>();
  for (let n = 0; n < CONTACT_SHARD_COUNT; n++) shards.set(n, mergeShard(emptyShard(), n, changes));
  return shards;
}

const CONTACT_DIRECTORY_KIND: DirectoryKind<ContactShard> = {
  store: CONTACT_DIRECTORY,
  empty: emptyShard,
  isShard,
  rebuild: rebuildDirectory,
};

const isEmpty = (shard: ContactShard) => DIRECTORY_PARTS.every((part) => shard[part].hashes.length === 0);

/**
 * Moves the identities of every stored page into CONTACT_IDENTITIES (migration to version 7): those a
 * page kept itself (version 6 did), else taken from each contact that reads back valid.
 */
export async function moveIdentities(tx: WriteTx): Promise<void> {
  const identities = tx.objectStore(CONTACT_IDENTITIES);
  let cursor = await tx.objectStore(CONTACT_PAGES).openCursor();
  while (cursor) {
    const { identities: kept, ...page } = cursor.value as ContactPage & { identities?: unknown };
    const slots = slotsOf(page, isPage(page) && { ids: page.ids, identities: kept });
    for (const slot of slots)
      if (slot.identity === null || parseIdentity(slot.identity)?.id !== slot.id) {
        const read = parseRecord('contacts', decode(slot).r);
        slot.identity = read.ok ? identityText(read.value) : null;
      }
    await identities.put(identityPage(slots), cursor.key);
    if (kept !== undefined) await cursor.update(page);
    cursor = await cursor.continue();
  }
}

/** Writes the whole directory anew from the stored pages (migration to version 6). */
export async function writeDirectory(tx: WriteTx): Promise<void> {
  const store = tx.objectStore(CONTACT_DIRECTORY);
  for (const [n, shard] of await rebuildDirectory(tx)) await (isEmpty(shard) ? store.delete(n) : store.put(shard, n));
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
  const [directory, last] = await Promise.all([
    loadShards(tx, CONTACT_DIRECTORY_KIND, new Set([...hashes.values()].map(shardOfHash))),
    lastPageKey(tx),
  ]);
  const wanted = new Set(last > 0 ? [last] : []);
  for (const hash of hashes.values()) {
    const { ids } = directory.shards.get(shardOfHash(hash)) ?? emptyShard();
    for (const n of placesOf(ids.hashes, ids.pages, hash)) wanted.add(n);
  }
  const pagesStore = tx.objectStore(CONTACT_PAGES);
  // The identities are kept from version 7 on; the migration to it writes them from the pages.
  const identitiesStore = tx.db.objectStoreNames.contains(CONTACT_IDENTITIES)
    ? tx.objectStore(CONTACT_IDENTITIES)
    : undefined;
  const loaded = new Map<number, Slot[]>();
  /** The pages as stored, for the keys they list. */
  const before = new Map<number, unknown>();
  await Promise.all(
    [...wanted].map(async (n) => {
      const [value, identities] = await Promise.all([pagesStore.get(n), identitiesStore?.get(n)]);
      before.set(n, value);
      loaded.set(n, slotsOf(value, identities));
    }),
  );

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
  const changes = noChanges();
  for (const [id, n] of home) if (current.get(id) === undefined) add(changes.ids.removes, hashes.get(id) as number, n);
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
    add(changes.ids.adds, hashes.get(slot.id) as number, n);
  }
  const values = new Map<number, ContactPage | undefined>();
  for (const [key, slots] of pages) {
    const value = slots.length === 0 ? undefined : contactPage(key, slots);
    values.set(key, value);
    for (const index of PAGE_INDEXES)
      changeKeys(changes[index], key, storedKeys(before.get(key), index), value?.[index] ?? []);
  }
  const changed = new Set(
    DIRECTORY_PARTS.flatMap((part) => [...changes[part].adds.keys(), ...changes[part].removes.keys()]),
  );
  // The shards of changed keys not read yet, read before the first put (a put that fails aborts the transaction).
  if (!directory.rebuilt) {
    const more = await loadShards(
      tx,
      CONTACT_DIRECTORY_KIND,
      [...changed].filter((s) => !directory.shards.has(s)),
    );
    if (more.rebuilt) Object.assign(directory, more);
    else for (const [s, shard] of more.shards) directory.shards.set(s, shard);
  }

  const requests: Promise<unknown>[] = [];
  // A put that throws (quota) aborts the transaction: the requests made before it then fail unheard.
  const track = (request: Promise<unknown>) => {
    request.catch(() => undefined);
    requests.push(request);
  };
  for (const [key, value] of values) {
    track(value ? pagesStore.put(value) : pagesStore.delete(key));
    if (identitiesStore)
      track(value ? identitiesStore.put(identityPage(pages.get(key) ?? []), key) : identitiesStore.delete(key));
  }
  const store = tx.objectStore(CONTACT_DIRECTORY);
  for (const s of directory.rebuilt ? directory.shards.keys() : changed) {
    const shard = mergeShard(directory.shards.get(s) ?? emptyShard(), s, changes);
    track(isEmpty(shard) ? store.delete(s) : store.put(shard, s));
    track(store.put(Math.random(), shardStamp(s)));
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
      ? op.raw
        ? { id, item: op.envelope, envelope: op.envelope, identity: null }
        : {
            id,
            item: JSON.stringify(op.envelope),
            envelope: op.envelope,
            // A put that is not raw holds a valid contact (the repository validated it).
            identity: identityText(op.envelope.r as Contact),
          }
      : undefined,
  );
  return stored !== undefined;
}
