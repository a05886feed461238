// A page that drives the real IndexedDB adapter for storage.spec.ts (bundled with Vite by the spec).
import { type Contact, isRepositoryError, type Repository } from '@cordial/core';
import { openIdbRepository } from '@cordial/core/idb';
import { generateDataset } from '@cordial/core/testing';
import { openDB } from 'idb';
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
  /** Overwrites a stored contact with a value that breaks its schema, as a buggy build might. */
  async damageContact(name: string, id: string) {
    await current().close();
    const db = await openDB(name);
    const envelope = await db.get('contacts', id);
    await db.put('contacts', { ...envelope, r: { ...envelope.r, lifecycleStage: 'zombie', emails: 42 } });
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
