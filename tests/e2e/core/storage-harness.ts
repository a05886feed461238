// A page that drives the real IndexedDB adapter for storage.spec.ts (bundled with Vite by the spec).
import { type Contact, isRepositoryError, mergeContacts, type Repository, undoMerge } from '@cordial/core';
import { openIdbRepository } from '@cordial/core/idb';
import { contact, generateDataset, order, touchpoint } from '@cordial/core/testing';
import { openDB } from 'idb';
import { CONTACT_PAGES, type ContactPage } from '../../../packages/core/src/adapters/idb/db-schema.ts';
// The version-1 schema itself, so the old tab holds exactly what the previous release created.
import { migrate } from '../../../packages/core/src/adapters/idb/migrations.ts';

let repo: Repository | undefined;

const harness = {
  async open(name: string) {
    repo = await openIdbRepository({ name });
  },
  /** Stores a seeded data set with one given person; returns what the test checks against. */
  async seed(email: string) {
    const data = generateDataset({
      seed: 5,
      contacts: 150,
      people: [{ email, name: 'Greta Lindqvist', rhythm: 'vip' }],
    });
    const r = current();
    for (const [store, records] of Object.entries(data))
      await r.putMany(store as keyof typeof data, records as never[]);
    const greta = data.contacts[0] as Contact;
    return {
      id: greta.id,
      orders: data.orders.filter((o) => o.contactId === greta.id).length,
      touchpoints: data.touchpoints.filter((t) => t.contactId === greta.id).length,
      contacts: data.contacts.length,
    };
  },
  async profile(email: string) {
    const r = current();
    const found = await r.findContactsByEmail(email);
    const contact = found.records[0];
    if (!contact) return null;
    const [orders, touchpoints] = await Promise.all([
      r.listByContact('orders', contact.id),
      r.listByContact('touchpoints', contact.id),
    ]);
    return {
      id: contact.id,
      name: contact.fullName,
      orders: orders.records.length,
      touchpoints: touchpoints.records.length,
      ordersSorted: orders.records.every((o, i, all) => i === 0 || (all[i - 1]?.placedAt ?? '') <= o.placedAt),
      contacts: await r.count('contacts'),
    };
  },
  /** Overwrites a stored contact (inside its page) with a value that breaks its schema, as a buggy build might. */
  async damageContact(name: string, id: string) {
    await current().close();
    const db = await openDB(name);
    // The page whose ids list it (schema 5 has no index on ids; the adapter finds it through its directory).
    const pages: ContactPage[] = await db.getAll(CONTACT_PAGES);
    const page = pages.find((p) => p.ids.includes(id)) as ContactPage;
    const i = page.ids.indexOf(id);
    const envelope = JSON.parse(page.contacts[i] as string);
    const contacts = page.contacts.with(i, { ...envelope, r: { ...envelope.r, lifecycleStage: 'zombie', emails: 42 } });
    await db.put(CONTACT_PAGES, { ...page, contacts });
    db.close();
    await harness.open(name);
  },
  async read(id: string) {
    const result = await current().get('contacts', id);
    return result.ok ? { ok: true } : result;
  },
  async listContacts() {
    const page = await current().list('contacts', { limit: 10_000 });
    return { records: page.records.length, corrupt: page.corrupt.map((c) => c.id) };
  },
  /** Holds schema version 1 open, as a tab running the previous release would. */
  async holdVersion1(name: string) {
    await openDB(name, 1, { upgrade: (db, oldVersion, _new, tx) => migrate(db, oldVersion, 1, tx) });
  },
  /**
   * Writes batches of 10 contacts (about 100 KB each) until the browser refuses one; the spec has
   * lowered this origin's quota through the DevTools protocol. Reports what a caller would see.
   */
  async fillUntilQuota(name: string) {
    const r = await openIdbRepository({ name });
    const big = (id: string) =>
      contact(id, { emails: [`${id}@example.com`], customFields: { notes: 'x'.repeat(100_000) } });
    await r.put('contacts', contact('first', { emails: ['first@example.com'] }));
    for (let batch = 0; batch < 1000; batch++) {
      const ids = Array.from({ length: 10 }, (_, i) => `b${batch}-${i}`);
      try {
        await r.putMany('contacts', ids.map(big));
      } catch (error) {
        const result = {
          code: isRepositoryError(error) ? error.code : String(error),
          message: error instanceof Error ? error.message : String(error),
          batchesStored: batch,
          stored: await r.count('contacts'),
          firstIntact: (await r.findContactsByEmail('first@example.com')).records.length === 1,
          failedBatchFound: (await r.findContactsByEmail(`${ids[0]}@example.com`)).records.length,
          lastGoodBatchIntact: batch === 0 || (await r.get('contacts', `b${batch - 1}-9`)).ok,
        };
        await r.close();
        return result;
      }
    }
    await r.close();
    return { code: 'never refused' };
  },
  /**
   * Creates a database exactly as schema version 1 laid it out, with raw IndexedDB calls (not the
   * adapter's own migration code): one store per kind, orders one record each, envelopes `{ id, r, k }`.
   */
  async writeRawVersion1(name: string) {
    const linked = [
      'orders',
      'touchpoints',
      'opportunities',
      'cases',
      'tasks',
      'notes',
      'campaignResponses',
      'offerImpressions',
    ];
    const plain = ['contacts', 'accounts', 'products', 'campaigns', 'offers', 'articles'];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        const upgrading = request.result;
        for (const store of plain) upgrading.createObjectStore(store, { keyPath: 'id' });
        for (const store of linked) {
          const created = upgrading.createObjectStore(store, { keyPath: 'id' });
          created.createIndex('contact-time', ['k.contact', 'k.time']);
          created.createIndex('time', 'k.time');
        }
        const contacts = request.transaction?.objectStore('contacts');
        contacts?.createIndex('emails', 'k.emails', { multiEntry: true });
        contacts?.createIndex('phones', 'k.phones', { multiEntry: true });
        contacts?.createIndex('account', 'k.account');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['contacts', 'orders', 'touchpoints'], 'readwrite');
    const ann = contact('c1', { emails: ['Ann@Acme.example'], fullName: 'Ann Lee' });
    tx.objectStore('contacts').put({ id: 'c1', r: ann, k: { emails: ['ann@acme.example'], phones: [] } });
    const placed = ['2025-03-01T10:00:00.000Z', '2025-01-01T10:00:00.000Z'];
    placed.forEach((at, i) => {
      const o = order(`o${i + 1}`, 'c1', at, 10 + i);
      tx.objectStore('orders').put({ id: o.id, r: o, k: { contact: 'c1', time: Date.parse(at) } });
    });
    const t = touchpoint('t1', 'c1', '2025-02-01T00:00:00.000Z');
    tx.objectStore('touchpoints').put({ id: 't1', r: t, k: { contact: 'c1', time: Date.parse(t.occurredAt) } });
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  },
  /** What the current adapter reads from a migrated database, and whether it can write merges there. */
  async readMigrated(name: string) {
    const r = await openIdbRepository({ name });
    const found = await r.findContactsByDomain('acme.example');
    const orders = await r.listByContact('orders', 'c1');
    const touchpoints = await r.listByContact('touchpoints', 'c1');
    const result = {
      byDomain: found.records.map((c) => c.id),
      orders: orders.records.map((o) => `${o.id} ${o.total.amount}`),
      touchpoints: touchpoints.records.map((tp) => tp.id),
      facts: (await r.orderFacts()).orderIds.length,
      merges: (await r.listMerges()).records.length,
    };
    await r.close();
    const db = await openDB(name);
    const stores = [...db.objectStoreNames];
    const version = db.version;
    db.close();
    return { ...result, stores, version };
  },
  /** Two contacts, one with a touchpoint, merged; the merge record is what survives a reload. */
  async mergeTwo(name: string) {
    const r = await openIdbRepository({ name });
    await r.putMany('contacts', [
      contact('keep', { emails: ['ann@example.com'] }),
      contact('dupe', { emails: ['ann.lee@example.com'] }),
    ]);
    await r.put('touchpoints', touchpoint('tp', 'dupe', '2026-01-02T00:00:00.000Z'));
    const merge = await mergeContacts(r, 'keep', ['dupe'], { reasons: ['same person'] });
    await r.close();
    return merge.id;
  },
  async undoAfterReload(name: string) {
    const r = await openIdbRepository({ name });
    const [merge] = (await r.listMerges({ contactId: 'dupe' })).records;
    if (!merge) return { found: false };
    const undone = await undoMerge(r, merge);
    const result = {
      found: true,
      id: merge.id,
      undone,
      dupeBack: (await r.get('contacts', 'dupe')).ok,
      touchpointOf: (await r.listByContact('touchpoints', 'dupe')).records.map((tp) => tp.id),
      mergesLeft: (await r.listMerges()).records.length,
    };
    await r.close();
    return result;
  },
  async tryOpen(name: string) {
    try {
      await openIdbRepository({ name });
      return 'opened';
    } catch (error) {
      return isRepositoryError(error) ? `${error.code}: ${error.message}` : String(error);
    }
  },
};

function current(): Repository {
  if (!repo) throw new Error('call harness.open first');
  return repo;
}

export type Harness = typeof harness;
(globalThis as unknown as { harness: Harness }).harness = harness;
document.body.dataset.ready = 'true';
