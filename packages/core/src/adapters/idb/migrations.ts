import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { parseRecord } from '../../model/parse-record.ts';
import { isContactLinked, type StoreName } from '../../model/stores.ts';
import { lenientIndexKeys } from '../../storage/index-keys.ts';
import { applyContactOps, moveIdentities, writeDirectory } from './contact-pages.ts';
import {
  CONTACT_DIRECTORY,
  CONTACT_IDENTITIES,
  CONTACT_PAGES,
  CONTACT_TIME_INDEX,
  type Envelope,
  LEGACY_DIRECTORY_STAMP,
  MERGE_CONTACTS_INDEX,
  MERGES,
  ORDER_BUCKETS,
  ORDER_DIRECTORY,
  PAGE_INDEXES,
  QUARANTINE,
  RECORD_STORES,
  TIME_INDEX,
} from './db-schema.ts';
import { applyOrderOps, type OrderOp, quarantineOrder } from './order-columns.ts';

type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;

/**
 * Brings a database from `oldVersion` to `newVersion`, one step per version (the idb README pattern).
 * Runs inside the upgrade transaction, so a failed step leaves the database at its old version.
 */
export async function migrate(db: IDBPDatabase, oldVersion: number, newVersion: number, tx: UpgradeTx): Promise<void> {
  if (oldVersion < 1 && newVersion >= 1) {
    // Version 1: one store per record kind, orders included, with the lookups of the first release.
    for (const name of [...RECORD_STORES, 'orders'] as StoreName[]) {
      const store = db.createObjectStore(name, { keyPath: 'id' });
      if (isContactLinked(name)) {
        store.createIndex(CONTACT_TIME_INDEX, ['k.contact', 'k.time']);
        store.createIndex(TIME_INDEX, 'k.time');
      }
    }
    const contacts = tx.objectStore('contacts');
    contacts.createIndex('emails', 'k.emails', { multiEntry: true });
    contacts.createIndex('phones', 'k.phones', { multiEntry: true });
    contacts.createIndex('account', 'k.account');
  }
  if (oldVersion < 2 && newVersion >= 2) {
    // Version 2: lookups by email domain, and orders moved into column blocks (1M orders as ~1,300
    // values instead of 1M). Contacts and accounts get the domain keys they were stored without.
    tx.objectStore('contacts').createIndex('domains', 'k.domains', { multiEntry: true });
    tx.objectStore('accounts').createIndex('domains', 'k.domains', { multiEntry: true });
    for (const name of ['contacts', 'accounts'] as const) {
      let cursor = await tx.objectStore(name).openCursor();
      while (cursor) {
        const envelope = cursor.value as Envelope;
        await cursor.update({ ...envelope, k: lenientIndexKeys(name, envelope.r) });
        cursor = await cursor.continue();
      }
    }
    db.createObjectStore(ORDER_BUCKETS);
    db.createObjectStore(ORDER_DIRECTORY);
    const quarantine = db.createObjectStore(QUARANTINE);
    quarantine.createIndex('contact', 'contact');
    quarantine.createIndex('bucket', 'bucket');
    const old = (await tx.objectStore('orders').getAll()) as Envelope[];
    const ops: OrderOp[] = [];
    for (const envelope of old) {
      const parsed = parseRecord('orders', envelope.r);
      if (parsed.ok) ops.push({ type: 'put', order: parsed.value });
      else await quarantineOrder(tx, envelope, parsed.issues);
    }
    await applyOrderOps(tx, ops);
    db.deleteObjectStore('orders');
  }
  if (oldVersion < 3 && newVersion >= 3) {
    // Version 3: merge records, so a merge can be undone after a reload (they were kept in memory).
    db.createObjectStore(MERGES, { keyPath: 'id' }).createIndex(MERGE_CONTACTS_INDEX, 'k.contacts', {
      multiEntry: true,
    });
  }
  if (oldVersion < 4 && newVersion >= 4) {
    // Version 4: contacts in pages of PAGE_SIZE (100,000 contacts as ~1,600 values instead of 100,000).
    // Every stored envelope moves as it is, damaged ones too (kept as values, not JSON; they read back
    // as corrupt), with its keys derived again (as many as a damaged record allows).
    const pages = db.createObjectStore(CONTACT_PAGES, { keyPath: 'n' });
    for (const index of ['ids', 'emails', 'phones', 'domains', 'accounts'])
      pages.createIndex(index, index, { multiEntry: true });
    db.createObjectStore(CONTACT_DIRECTORY);
    const old = (await tx.objectStore('contacts').getAll()) as Envelope[];
    await applyContactOps(
      tx,
      old.map((e) => ({
        type: 'put',
        envelope: { id: e.id, r: e.r, k: lenientIndexKeys('contacts', e.r) },
        raw: !parseRecord('contacts', e.r).ok,
      })),
    );
    db.deleteObjectStore('contacts');
  }
  if (oldVersion < 5 && newVersion >= 5) {
    // Version 5: no `ids` index on the pages (a fifth of a contact write); the directory has every id.
    tx.objectStore(CONTACT_PAGES).deleteIndex('ids');
  }
  if (oldVersion < 6 && newVersion >= 6) {
    // Version 6: the pages' other multi-entry indexes become parts of the contact directory (an index
    // entry per key was half of a contact write), written anew from the ids and keys each page lists.
    for (const index of PAGE_INDEXES) tx.objectStore(CONTACT_PAGES).deleteIndex(index);
    await writeDirectory(tx);
  }
  if (oldVersion < 7 && newVersion >= 7) {
    // Version 7: the contacts' identities move out of the pages into a store of their own, so that an
    // import reads them without the pages (version 6 kept them in the pages for half a day).
    db.createObjectStore(CONTACT_IDENTITIES);
    await moveIdentities(tx);
  }
  if (oldVersion < 8 && newVersion >= 8) {
    // Version 8: a stamp per directory shard, so that another tab's write makes only the shards it
    // changed stale (version 7's one stamp made every kept shard stale). No shard has a stamp yet:
    // a connection keeps a shard read without one until a write stamps it.
    await tx.objectStore(CONTACT_DIRECTORY).delete(LEGACY_DIRECTORY_STAMP);
  }
}
