import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../model/contact.ts';
import { contactIdentity } from '../../model/contact-identity.ts';
import type { Repository } from '../../ports/repository.ts';
import { hashString } from '../../storage/hash.ts';
import { contact } from '../../testing/repository.contract.ts';
import {
  CONTACT_DIRECTORY,
  CONTACT_IDENTITIES,
  CONTACT_PAGES,
  type ContactPage,
  type IdentityPage,
  PAGE_SIZE,
  shardStamp,
} from './db-schema.ts';
import { openIdbRepository } from './idb-repository.ts';

let databases = 0;
const realPut = IDBObjectStore.prototype.put;
afterEach(() => {
  IDBObjectStore.prototype.put = realPut;
});

const people = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) =>
    contact(`${prefix}${String(i).padStart(3, '0')}`, { emails: [`${prefix}${i}@x.example`] }),
  );
const ids = (read: { records: { id: string }[] }) => read.records.map((r) => r.id);

async function withPages(contacts: Contact[]): Promise<{ name: string; repo: Repository }> {
  const name = `pages-${++databases}`;
  const repo = await openIdbRepository({ name });
  await repo.putMany('contacts', contacts);
  return { name, repo };
}

/** The stored pages, by key: what the indexes and a write see. */
async function pagesOf(name: string): Promise<ContactPage[]> {
  const db = await openDB(name);
  const pages = (await db.getAll(CONTACT_PAGES)) as ContactPage[];
  db.close();
  return pages;
}

describe('openIdbRepository contact pages', () => {
  it('should fill pages of PAGE_SIZE, then the last page with the contacts of later writes', async () => {
    const { name, repo } = await withPages(people('a', PAGE_SIZE * 2 + 3));
    expect((await pagesOf(name)).map((p) => p.contacts.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 3]);
    await repo.putMany('contacts', people('b', PAGE_SIZE));
    expect((await pagesOf(name)).map((p) => p.contacts.length)).toEqual([PAGE_SIZE, PAGE_SIZE, PAGE_SIZE, 3]);
    const [first] = await pagesOf(name);
    expect(first?.emails).toContain('a0@x.example');
    expect(first?.ids).toHaveLength(PAGE_SIZE);
    await repo.close();
  });

  it('should rewrite a contact in its own page, reading and putting each touched page once', async () => {
    const { name, repo } = await withPages(people('a', PAGE_SIZE * 2));
    const puts: unknown[] = [];
    IDBObjectStore.prototype.put = function put(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === CONTACT_PAGES) puts.push(args[0]);
      return realPut.apply(this, args);
    };
    await repo.write([
      { type: 'put', store: 'contacts', record: contact('a001', { version: 2, title: 'CEO' }), expectVersion: 1 },
      { type: 'put', store: 'contacts', record: contact('a002', { version: 2, emails: ['new@x.example'] }) },
      { type: 'put', store: 'contacts', record: contact(`a0${PAGE_SIZE + 1}`, { version: 2 }) },
    ]);
    expect(puts).toHaveLength(2);
    const pages = await pagesOf(name);
    expect(pages.map((p) => p.contacts.length)).toEqual([PAGE_SIZE, PAGE_SIZE]);
    expect(pages[0]?.emails).toContain('new@x.example');
    expect(pages[0]?.emails).not.toContain('a2@x.example');
    expect(ids(await repo.findContactsByEmail('new@x.example'))).toEqual(['a002']);
    expect(await repo.get('contacts', 'a001')).toMatchObject({ ok: true, value: { title: 'CEO' } });
    await repo.close();
  });

  it('should delete a contact from its page and an emptied page with it', async () => {
    const { name, repo } = await withPages(people('a', PAGE_SIZE + 2));
    expect(await repo.delete('contacts', 'a000')).toBe(true);
    await repo.write([
      { type: 'delete', store: 'contacts', id: `a0${PAGE_SIZE}` },
      { type: 'delete', store: 'contacts', id: `a0${PAGE_SIZE + 1}` },
    ]);
    expect((await pagesOf(name)).map((p) => p.contacts.length)).toEqual([PAGE_SIZE - 1]);
    expect(await repo.count('contacts')).toBe(PAGE_SIZE - 1);
    expect(await repo.get('contacts', 'a000')).toEqual({ ok: false, reason: 'not-found' });
    // A contact deleted and put again is a new contact: it goes to the last page with room.
    await repo.put('contacts', contact('a000'));
    expect((await pagesOf(name)).map((p) => p.ids.at(-1))).toEqual(['a000']);
    await repo.close();
  });

  it('should list identities from their own store, and from the whole record where one is missing or damaged', async () => {
    const stored = people('a', PAGE_SIZE + 5);
    const { name, repo } = await withPages(stored);
    const expected = stored.map(contactIdentity);
    expect((await repo.listIdentities()).records).toEqual(expected);
    const db = await openDB(name);
    const first = (await db.get(CONTACT_IDENTITIES, 1)) as IdentityPage;
    expect(first.identities[3]).toBe(JSON.stringify(expected[3]));
    // A page without identities, and damaged texts: another shape, another id, no JSON.
    await db.delete(CONTACT_IDENTITIES, 2);
    first.identities[1] = JSON.stringify({ ...expected[1], emails: 'a1@x.example' });
    first.identities[2] = JSON.stringify(expected[3]);
    first.identities[3] = '{';
    await db.put(CONTACT_IDENTITIES, first, 1);
    db.close();
    expect((await repo.listIdentities()).records).toEqual(expected);
    expect(
      (await repo.listIdentities({ limit: 40, after: (await repo.listIdentities({ limit: 30 })).next })).records,
    ).toEqual(expected.slice(30, 70));
    // A write to the page without identities gives it identities again, the new contact's included.
    const newcomer = contact('b000', { emails: ['b@x.example'] });
    await repo.put('contacts', newcomer);
    expect((await repo.listIdentities()).records).toEqual([...expected, contactIdentity(newcomer)]);
    const again = await openDB(name);
    expect(((await again.get(CONTACT_IDENTITIES, 2)) as IdentityPage).identities.at(-1)).toContain('b@x.example');
    again.close();
    await repo.close();
  });

  it('should report a damaged contact of a page as corrupt, keep its neighbours readable, and repair it on write', async () => {
    const { name, repo } = await withPages(people('a', 3));
    const db = await openDB(name);
    const [page] = (await db.getAll(CONTACT_PAGES)) as ContactPage[];
    if (!page) throw new Error('no page');
    const damaged = JSON.parse(page.contacts[1] as string);
    page.contacts[1] = JSON.stringify({ ...damaged, r: { ...damaged.r, lifecycleStage: 'zombie' } });
    await db.put(CONTACT_PAGES, page);
    db.close();
    expect(await repo.get('contacts', 'a001')).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(ids(await repo.findContactsByDomain('x.example'))).toEqual(['a000', 'a002']);
    const listed = await repo.list('contacts');
    expect(listed.corrupt).toMatchObject([{ store: 'contacts', id: 'a001' }]);
    await repo.put('contacts', contact('a001', { version: 2 }));
    expect(await repo.get('contacts', 'a001')).toMatchObject({ ok: true });
    expect(await repo.count('contacts')).toBe(3);
    await repo.close();
  });

  it('should read the contacts of a page too damaged to hold envelopes as corrupt, and repair each on write', async () => {
    const { name, repo } = await withPages(people('a', 2));
    const db = await openDB(name);
    const [page] = (await db.getAll(CONTACT_PAGES)) as ContactPage[];
    await db.put(CONTACT_PAGES, { ...page, contacts: 'garbage' });
    db.close();
    expect(await repo.get('contacts', 'a000')).toMatchObject({ ok: false, reason: 'corrupt' });
    expect((await repo.list('contacts')).corrupt.map((c) => c.id)).toEqual(['a000', 'a001']);
    await repo.put('contacts', contact('a000', { version: 2 }));
    expect(await repo.get('contacts', 'a000')).toMatchObject({ ok: true, value: { version: 2 } });
    expect(await repo.get('contacts', 'a001')).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(await repo.count('contacts')).toBe(2);
    await repo.close();
  });

  it('should find contacts by key through a damaged directory shard (rebuilt from the pages) and repair it on the next write', async () => {
    const { name, repo } = await withPages(people('a', 100));
    let db = await openDB(name);
    for (const key of await db.getAllKeys(CONTACT_DIRECTORY)) await db.put(CONTACT_DIRECTORY, 'garbage', key);
    db.close();
    expect(ids(await repo.findContactsByEmail('a42@x.example'))).toEqual(['a042']);
    await repo.put('contacts', contact('a042', { version: 2, emails: ['moved@x.example'] }));
    expect(ids(await repo.findContactsByEmail('moved@x.example'))).toEqual(['a042']);
    expect(ids(await repo.findContactsByEmail('a42@x.example'))).toEqual([]);
    expect(ids(await repo.findContactsByEmail('a43@x.example'))).toEqual(['a043']);
    expect(ids(await repo.findContactsByDomain('x.example'))).toHaveLength(100);
    db = await openDB(name);
    expect(await db.getAll(CONTACT_DIRECTORY)).not.toContain('garbage');
    db.close();
    await repo.close();
  });

  it('should not answer from directory shards it read before another connection wrote contacts', async () => {
    const { name, repo } = await withPages(people('a', PAGE_SIZE));
    const other = await openIdbRepository({ name });
    const later = people('b', PAGE_SIZE * 2);
    const newcomer = later[PAGE_SIZE + 7] as Contact;
    // The shards this connection reads are kept: the newcomer's shard says it is nowhere.
    expect(ids(await repo.findContactsByEmail(newcomer.emails[0] as string))).toEqual([]);
    expect(await repo.get('contacts', newcomer.id)).toEqual({ ok: false, reason: 'not-found' });
    expect(ids(await repo.findContactsByEmail('a1@x.example'))).toEqual(['a001']);
    await other.putMany('contacts', [...later, contact('a001', { version: 2, emails: ['moved@x.example'] })]);
    await other.delete('contacts', 'a002');
    expect(ids(await repo.findContactsByEmail(newcomer.emails[0] as string))).toEqual([newcomer.id]);
    // The new contacts are in new pages, which the shards read before do not name.
    for (const b of later) {
      expect(ids(await repo.findContactsByEmail(b.emails[0] as string))).toEqual([b.id]);
      expect(await repo.get('contacts', b.id)).toMatchObject({ ok: true });
    }
    expect(ids(await repo.findContactsByEmail('moved@x.example'))).toEqual(['a001']);
    expect(ids(await repo.findContactsByEmail('a1@x.example'))).toEqual([]);
    expect(await repo.get('contacts', 'a002')).toEqual({ ok: false, reason: 'not-found' });
    await other.close();
    await repo.close();
  });

  it('should stamp only the directory shards a write changes, so other tabs keep the rest', async () => {
    const { name, repo } = await withPages(people('a', PAGE_SIZE));
    const stamps = async () => {
      const db = await openDB(name);
      const all = await Promise.all(Array.from({ length: 128 }, (_, n) => db.get(CONTACT_DIRECTORY, shardStamp(n))));
      db.close();
      return all;
    };
    const before = await stamps();
    expect(before.filter((stamp) => typeof stamp === 'number').length).toBeGreaterThan(64);
    // An edit that keeps every key (a new title) changes no shard.
    await repo.put('contacts', contact('a001', { version: 2, emails: ['a1@x.example'], title: 'CEO' }));
    expect(await stamps()).toEqual(before);
    // A new contact changes the shards of its id, its email and its domain, and no other.
    await repo.put('contacts', contact('zed', { emails: ['zed@y.example'] }));
    const after = await stamps();
    const shardOf = (key: string) => hashString(key) % 128;
    const changed = new Set([shardOf('zed'), shardOf('zed@y.example'), shardOf('y.example')]);
    after.forEach((stamp, n) => {
      if (changed.has(n)) expect(stamp).not.toBe(before[n]);
      else expect(stamp).toBe(before[n]);
    });
    await repo.close();
  });

  it('should rebuild a damaged directory shard from the pages, so a write still finds stored contacts', async () => {
    const { name, repo } = await withPages(people('a', 100));
    const db = await openDB(name);
    for (const key of await db.getAllKeys(CONTACT_DIRECTORY)) await db.put(CONTACT_DIRECTORY, 'garbage', key);
    db.close();
    await repo.putMany('contacts', [contact('a050', { version: 2 }), contact('z')]);
    expect(await repo.count('contacts')).toBe(101);
    expect(await repo.get('contacts', 'a050')).toMatchObject({ ok: true, value: { version: 2 } });
    await repo.put('contacts', contact('a051', { version: 2 }), { expectVersion: 1 });
    expect(await repo.count('contacts')).toBe(101);
    await repo.close();
  });
});
