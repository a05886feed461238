import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { mergeContacts, undoMerge } from '../../identity/merge-contacts.ts';
import type { Contact } from '../../model/contact.ts';
import { contactIdentity } from '../../model/contact-identity.ts';
import { isRepositoryError } from '../../ports/repository-error.ts';
import { indexKeys } from '../../storage/index-keys.ts';
import { checkOrderBlock } from '../../storage/order-block.ts';
import { account, contact, mergeRecord, order, touchpoint } from '../../testing/repository.contract.ts';
import { applyContactOps } from './contact-pages.ts';
import {
  BUCKET_COUNT,
  CONTACT_DIRECTORY,
  CONTACT_IDENTITIES,
  CONTACT_PAGES,
  type ContactPage,
  DB_VERSION,
  LEGACY_DIRECTORY_STAMP,
  MERGES,
  ORDER_BUCKETS,
  PAGE_SIZE,
} from './db-schema.ts';
import { openIdbRepository } from './idb-repository.ts';
import { migrate } from './migrations.ts';
import { bucketOf } from './order-columns.ts';

let databases = 0;
const fresh = () => `lifecycle-${++databases}`;
const ids = (read: { records: { id: string }[] }) => read.records.map((r) => r.id);

/** Writes a database exactly as version 1 of the schema did: orders one record each, no domain keys. */
async function writeVersion1(name: string) {
  const db = await openDB(name, 1, { upgrade: (d, oldVersion, _new, tx) => migrate(d, oldVersion, 1, tx) });
  const v1 = (store: string, record: { id: string } & Record<string, unknown>, k: object) =>
    db.put(store, { id: record.id, r: record, k });
  const ann = contact('c1', { emails: ['Ann@Acme.example'], accountId: 'acme' });
  await v1('contacts', ann, { emails: ['ann@acme.example'], phones: [], account: 'acme' });
  await v1('contacts', contact('c2', { emails: ['bo@home.example'] }), { emails: ['bo@home.example'], phones: [] });
  await v1('accounts', account('acme', 'Acme', ['acme.example']), {});
  for (const o of [
    order('o1', 'c1', '2025-03-01T10:00:00.000Z', 30),
    order('o2', 'c1', '2025-01-01T10:00:00.000Z', 12.5),
    order('o3', 'c2', '2025-02-01T10:00:00.000Z', 99),
  ])
    await v1('orders', o, indexKeys('orders', o));
  // A version-1 order written by a buggy build: it must survive the migration as a corrupt record.
  await v1('orders', { ...order('o4', 'c1', '2025-04-01T10:00:00.000Z'), total: 'lots' }, { contact: 'c1', time: 0 });
  const tp = touchpoint('t1', 'c1', '2025-01-02T00:00:00.000Z');
  await v1('touchpoints', tp, indexKeys('touchpoints', tp));
  db.close();
}

describe('openIdbRepository migrations', () => {
  it('should open a database written by schema version 1 and keep every record readable', async () => {
    const name = fresh();
    await writeVersion1(name);
    const repo = await openIdbRepository({ name });
    expect(ids(await repo.findContactsByEmail('ann@acme.example'))).toEqual(['c1']);
    expect(ids(await repo.listByContact('touchpoints', 'c1'))).toEqual(['t1']);
    expect(await repo.get('orders', 'o3')).toMatchObject({ ok: true, value: { total: { amount: 99 } } });
    expect(await repo.count('orders')).toBe(3);
    const annOrders = await repo.listByContact('orders', 'c1');
    expect(ids(annOrders)).toEqual(['o2', 'o1']);
    expect(annOrders.corrupt).toMatchObject([{ store: 'orders', id: 'o4' }]);
    expect(await repo.get('orders', 'o4')).toMatchObject({ ok: false, reason: 'corrupt' });
    await repo.close();
  });

  it('should add the lookups of version 2 to records written before it', async () => {
    const name = fresh();
    await writeVersion1(name);
    const repo = await openIdbRepository({ name });
    expect(ids(await repo.findContactsByDomain('acme.example'))).toEqual(['c1']);
    expect(ids(await repo.findAccountsByDomain('ACME.example'))).toEqual(['acme']);
    const facts = await repo.orderFacts();
    expect([...facts.total].sort((a, b) => a - b)).toEqual([12.5, 30, 99]);
    await repo.close();
  });

  it('should drop the version-1 order store once its orders are in columns', async () => {
    const name = fresh();
    await writeVersion1(name);
    await (await openIdbRepository({ name })).close();
    const db = await openDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).not.toContain('orders');
    expect(await db.count(ORDER_BUCKETS)).toBeGreaterThan(0);
    db.close();
  });
});

describe('openIdbRepository migration to version 3 (merge records)', () => {
  it('should open a database written by schema version 2, keep its data and start with no merge records', async () => {
    const name = fresh();
    const v2 = await openDB(name, 2, { upgrade: (d, oldVersion, _new, tx) => migrate(d, oldVersion, 2, tx) });
    const ann = contact('c1', { emails: ['ann@acme.example'] });
    await v2.put('contacts', { id: ann.id, r: ann, k: indexKeys('contacts', ann) });
    v2.close();
    const repo = await openIdbRepository({ name });
    expect(await repo.get('contacts', 'c1')).toEqual({ ok: true, value: ann });
    expect(ids(await repo.findContactsByDomain('acme.example'))).toEqual(['c1']);
    expect(await repo.listMerges()).toEqual({ records: [], corrupt: [] });
    const merge = mergeRecord('m1', 'c1', ['c2']);
    await repo.write([{ type: 'putMerge', merge }]);
    await repo.close();
    const db = await openDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toContain(MERGES);
    db.close();
  });

  it('should keep merge records across a reload, so a merge can be undone after it', async () => {
    const name = fresh();
    const first = await openIdbRepository({ name });
    await first.putMany('contacts', [contact('c1', { emails: ['ann@acme.example'] }), contact('c2')]);
    await first.put('touchpoints', touchpoint('t1', 'c2', '2026-01-02T00:00:00.000Z'));
    const merge = await mergeContacts(first, 'c1', ['c2'], { now: () => '2026-02-01T00:00:00.000Z' });
    await first.close();
    const second = await openIdbRepository({ name });
    const [stored] = (await second.listMerges({ contactId: 'c2' })).records;
    expect(stored).toEqual(merge);
    expect(await undoMerge(second, stored as typeof merge)).toEqual({ ok: true });
    expect(ids(await second.listByContact('touchpoints', 'c2'))).toEqual(['t1']);
    expect(await second.listMerges()).toEqual({ records: [], corrupt: [] });
    await second.close();
  });
});

describe('openIdbRepository migration to version 4 (contacts in pages)', () => {
  /** Writes a database exactly as version 3 did: one envelope per contact, one of them damaged. */
  async function writeVersion3(name: string) {
    const v3 = await openDB(name, 3, { upgrade: (d, oldVersion, _new, tx) => migrate(d, oldVersion, 3, tx) });
    const people = Array.from({ length: PAGE_SIZE + 6 }, (_, i) =>
      contact(`c${String(i).padStart(3, '0')}`, { emails: [`p${i}@acme.example`], accountId: 'acme' }),
    );
    for (const c of people) await v3.put('contacts', { id: c.id, r: c, k: indexKeys('contacts', c) });
    const damaged = { ...contact('bad', { emails: ['bad@acme.example'] }), lifecycleStage: 'zombie' };
    await v3.put('contacts', { id: 'bad', r: damaged, k: { emails: ['bad@acme.example'], phones: [] } });
    v3.close();
    return people;
  }

  it('should move every version-3 contact into pages, keep the damaged one as corrupt and drop the old store', async () => {
    const name = fresh();
    const people = await writeVersion3(name);
    const repo = await openIdbRepository({ name });
    expect(await repo.count('contacts')).toBe(people.length + 1);
    expect(await repo.get('contacts', 'c005')).toEqual({ ok: true, value: people[5] });
    expect(await repo.get('contacts', 'bad')).toMatchObject({ ok: false, reason: 'corrupt' });
    const lastId = `c${String(PAGE_SIZE + 5).padStart(3, '0')}`;
    expect(ids(await repo.findContactsByEmail(`P${PAGE_SIZE + 5}@acme.example`))).toEqual([lastId]);
    const byAccount = await repo.findContactsByAccount('acme');
    expect(ids(byAccount)).toEqual(people.map((c) => c.id));
    expect(byAccount.corrupt).toEqual([]);
    expect((await repo.findContactsByEmail('bad@acme.example')).corrupt).toMatchObject([{ id: 'bad' }]);
    await repo.put('contacts', contact('bad', { version: 2 }));
    expect(await repo.get('contacts', 'bad')).toMatchObject({ ok: true });
    await repo.close();
    const db = await openDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).not.toContain('contacts');
    expect(await db.count(CONTACT_PAGES)).toBe(2);
    db.close();
  });
});

/**
 * A database at an older `version` as that version wrote it: its migration steps, then `people` in
 * contact pages (the pages of that version, with the indexes it had).
 */
function writeContactsAt(name: string, version: number, people: Contact[]) {
  return openDB(name, version, {
    upgrade: async (d, oldVersion, _new, tx) => {
      await migrate(d, oldVersion, version, tx);
      await applyContactOps(
        tx,
        people.map((c) => ({ type: 'put' as const, envelope: { id: c.id, r: c, k: indexKeys('contacts', c) } })),
      );
    },
  });
}

/** A page of contacts and three more, `c0`… at `p0@acme.example`…. */
const acmePeople = () =>
  Array.from({ length: PAGE_SIZE + 3 }, (_, i) => contact(`c${i}`, { emails: [`p${i}@acme.example`] }));

describe('openIdbRepository migration to version 5 (no ids index on the pages)', () => {
  it('should open a version-4 database, find its contacts by id through the directory and count them', async () => {
    const name = fresh();
    const people = acmePeople();
    // Version 4's pages are the same values, with the ids indexed.
    const v4 = await writeContactsAt(name, 4, people);
    expect(await v4.countFromIndex(CONTACT_PAGES, 'ids')).toBe(people.length);
    v4.close();
    const repo = await openIdbRepository({ name });
    const db = await openDB(name);
    expect([...db.transaction(CONTACT_PAGES).store.indexNames]).not.toContain('ids');
    db.close();
    expect(await repo.count('contacts')).toBe(people.length);
    expect(await repo.get('contacts', `c${PAGE_SIZE + 1}`)).toEqual({ ok: true, value: people[PAGE_SIZE + 1] });
    expect(await repo.get('contacts', 'nobody')).toEqual({ ok: false, reason: 'not-found' });
    expect(ids(await repo.findContactsByEmail('p3@acme.example'))).toEqual(['c3']);
    await repo.close();
  });
});

describe("openIdbRepository migration to version 6 (key directories instead of the pages' indexes)", () => {
  it('should open a version-5 database and find its contacts by email, phone, domain and account', async () => {
    const name = fresh();
    const people = Array.from({ length: PAGE_SIZE * 2 + 3 }, (_, i) =>
      contact(`c${i}`, {
        emails: [`p${i}@${i % 2 ? 'odd' : 'even'}.example`],
        phones: [`+4930123${String(i).padStart(4, '0')}`],
        ...(i % 3 === 0 && { accountId: 'acme' }),
      }),
    );
    // Version 5's pages are found through multi-entry indexes.
    const v5 = await writeContactsAt(name, 5, people);
    expect(await v5.countFromIndex(CONTACT_PAGES, 'emails')).toBe(people.length);
    v5.close();
    const repo = await openIdbRepository({ name });
    const db = await openDB(name);
    expect([...db.transaction(CONTACT_PAGES).store.indexNames]).toEqual([]);
    db.close();
    const last = people.length - 1;
    expect(ids(await repo.findContactsByEmail(`P${last}@even.example`))).toEqual([`c${last}`]);
    expect(ids(await repo.findContactsByPhone('+49301230005'))).toEqual(['c5']);
    expect(ids(await repo.findContactsByDomain('odd.example'))).toEqual(
      people
        .filter((_, i) => i % 2)
        .map((c) => c.id)
        .sort(),
    );
    expect(ids(await repo.findContactsByAccount('acme'))).toEqual(
      people
        .filter((_, i) => i % 3 === 0)
        .map((c) => c.id)
        .sort(),
    );
    // Later writes keep the directories: a changed address is found by its new key, not its old one.
    await repo.put('contacts', contact('c1', { version: 2, emails: ['moved@new.example'] }));
    expect(ids(await repo.findContactsByEmail('moved@new.example'))).toEqual(['c1']);
    expect(ids(await repo.findContactsByEmail('p1@odd.example'))).toEqual([]);
    await repo.close();
  });
});

describe('openIdbRepository migration to version 7 (identities in a store of their own)', () => {
  it('should move the identities version 6 kept in its pages, and derive those it lacked', async () => {
    const name = fresh();
    const people = Array.from({ length: PAGE_SIZE + 3 }, (_, i) =>
      contact(`c${String(i).padStart(3, '0')}`, { emails: [`p${i}@acme.example`], externalIds: { shop: `${i}` } }),
    );
    const v6 = await writeContactsAt(name, 6, people);
    // Version 6 kept identities in its pages: the first page has them (one damaged), the second none.
    const first = (await v6.get(CONTACT_PAGES, 1)) as ContactPage;
    const kept = first.ids.map((_, i) => JSON.stringify(contactIdentity(people[i] as Contact)));
    kept[2] = '{';
    await v6.put(CONTACT_PAGES, { ...first, identities: kept });
    v6.close();
    const repo = await openIdbRepository({ name });
    expect((await repo.listIdentities()).records).toEqual(people.map(contactIdentity));
    const db = await openDB(name);
    expect(await db.get(CONTACT_PAGES, 1)).not.toHaveProperty('identities');
    expect(((await db.get(CONTACT_IDENTITIES, 1)) as { identities: string[] }).identities[2]).toBe(
      JSON.stringify(contactIdentity(people[2] as Contact)),
    );
    expect(((await db.get(CONTACT_IDENTITIES, 2)) as { identities: string[] }).identities).toEqual(
      people.slice(PAGE_SIZE).map((c) => JSON.stringify(contactIdentity(c))),
    );
    db.close();
    await repo.close();
  });
});

describe('openIdbRepository migration to version 8 (a stamp per directory shard)', () => {
  it("should drop version 7's one directory stamp and find the contacts version 7 wrote", async () => {
    const name = fresh();
    const people = acmePeople();
    const v7 = await writeContactsAt(name, 7, people);
    // Version 7 kept one stamp for the whole directory, which every contact write replaced.
    await v7.put(CONTACT_DIRECTORY, 0.5, LEGACY_DIRECTORY_STAMP);
    v7.close();
    const repo = await openIdbRepository({ name });
    const db = await openDB(name);
    expect(await db.get(CONTACT_DIRECTORY, LEGACY_DIRECTORY_STAMP)).toBeUndefined();
    db.close();
    expect(ids(await repo.findContactsByEmail('p66@acme.example'))).toEqual(['c66']);
    expect(await repo.count('contacts')).toBe(people.length);
    await repo.close();
  });
});

describe('openIdbRepository failed migrations', () => {
  it('should leave the database at its old version, data intact, when a migration step fails', async () => {
    const name = fresh();
    // A version-1 database without the stores version 1 has: step 2 cannot find `accounts`.
    const broken = await openDB(name, 1, { upgrade: (d) => void d.createObjectStore('contacts', { keyPath: 'id' }) });
    await broken.put('contacts', { id: 'c1', r: contact('c1'), k: {} });
    broken.close();
    const error = await openIdbRepository({ name }).catch((e: unknown) => e);
    expect(String(error)).toMatch(/accounts|NotFound/);
    const db = await openDB(name);
    expect(db.version).toBe(1);
    expect([...db.objectStoreNames]).toEqual(['contacts']);
    expect(await db.count('contacts')).toBe(1);
    db.close();
  });
});

describe('openIdbRepository with other tabs', () => {
  it('should fail with a blocked error when another tab holds the older version open', async () => {
    const name = fresh();
    const otherTab = await openDB(name, 1, { upgrade: (d, o, _n, tx) => migrate(d, o, 1, tx) });
    const error = await openIdbRepository({ name }).catch((e: unknown) => e);
    expect(isRepositoryError(error, 'blocked')).toBe(true);
    expect(String(error)).toMatch(/another tab/);
    otherTab.close();
  });

  it('should tell the caller it is blocked and finish opening once the other tab lets go', async () => {
    const name = fresh();
    const otherTab = await openDB(name, 1, { upgrade: (d, o, _n, tx) => migrate(d, o, 1, tx) });
    const blocked: unknown[] = [];
    const opening = openIdbRepository({ name, onBlocked: (info) => blocked.push(info) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(blocked).toEqual([{ currentVersion: 1, requestedVersion: DB_VERSION }]);
    otherTab.close();
    const repo = await opening;
    await repo.put('contacts', contact('c1'));
    expect(await repo.count('contacts')).toBe(1);
    await repo.close();
  });

  it('should step aside when another tab opens a newer version, and say so', async () => {
    const name = fresh();
    let told = 0;
    const repo = await openIdbRepository({ name, onVersionChange: () => told++ });
    await repo.put('contacts', contact('c1'));
    const newer = await openDB(name, DB_VERSION + 1);
    expect(told).toBe(1);
    const error = await repo.get('contacts', 'c1').catch((e: unknown) => e);
    expect(isRepositoryError(error, 'closed')).toBe(true);
    newer.close();
  });
});

describe('openIdbRepository damaged order blocks', () => {
  async function withDamagedBucket() {
    const name = fresh();
    const repo = await openIdbRepository({ name });
    // Two contacts in different buckets, so damage to one leaves the other whole.
    let other = 'c2';
    for (let i = 2; bucketOf(other) === bucketOf('c1'); i++) other = `c${i + 1}`;
    await repo.putMany('orders', [
      order('o1', 'c1', '2026-01-01T00:00:00.000Z'),
      order('o2', other, '2026-01-02T00:00:00.000Z'),
    ]);
    const db = await openDB(name);
    await db.put(ORDER_BUCKETS, { format: 1, ids: ['o1'], strings: 'garbage' }, [bucketOf('c1'), 0]);
    db.close();
    return { repo, other };
  }

  it('should report a damaged block as corrupt and keep the other orders readable', async () => {
    const { repo, other } = await withDamagedBucket();
    const damaged = await repo.listByContact('orders', 'c1');
    expect(damaged.records).toEqual([]);
    expect(damaged.corrupt).toMatchObject([{ store: 'orders', id: `block ${bucketOf('c1')}/0` }]);
    expect(await repo.get('orders', 'o1')).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(ids(await repo.listByContact('orders', other))).toEqual(['o2']);
    expect((await repo.orderFacts()).orderIds).toEqual(['o2']);
    await repo.close();
  });

  it('should keep reporting a damaged block while new orders are written into its bucket', async () => {
    const { repo } = await withDamagedBucket();
    await repo.put('orders', order('o3', 'c1', '2026-02-01T00:00:00.000Z'));
    const after = await repo.listByContact('orders', 'c1');
    expect(ids(after)).toEqual(['o3']);
    expect(after.corrupt).toMatchObject([{ id: `block ${bucketOf('c1')}/0` }]);
    expect((await repo.list('orders')).corrupt).toMatchObject([{ id: `block ${bucketOf('c1')}/0` }]);
    await repo.close();
  });

  it('should report one bad row as corrupt without hiding its neighbours', async () => {
    const name = fresh();
    const repo = await openIdbRepository({ name });
    await repo.putMany('orders', [
      order('o1', 'c1', '2026-01-01T00:00:00.000Z'),
      order('o2', 'c1', '2026-01-02T00:00:00.000Z'),
    ]);
    const db = await openDB(name);
    const stored = await db.get(ORDER_BUCKETS, [bucketOf('c1'), 0]);
    const checked = checkOrderBlock(stored);
    if (!checked.ok) throw new Error(checked.issues);
    checked.block.status[checked.block.ids.indexOf('o1')] = 200;
    await db.put(ORDER_BUCKETS, stored, [bucketOf('c1'), 0]);
    db.close();
    const read = await repo.listByContact('orders', 'c1');
    expect(ids(read)).toEqual(['o2']);
    expect(read.corrupt).toMatchObject([{ id: 'o1' }]);
    await repo.close();
  });

  it('should spread contacts over all buckets', () => {
    const used = new Set(Array.from({ length: 100_000 }, (_, i) => bucketOf(`contact-${i}`)));
    expect(used.size).toBe(BUCKET_COUNT);
  });
});
