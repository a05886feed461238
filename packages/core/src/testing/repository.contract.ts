import { afterEach, describe, expect, it } from 'vitest';
import { contactIdentity } from '../model/contact-identity.ts';
import { STORE_NAMES, type StoreName } from '../model/stores.ts';
import type { Page, Repository } from '../ports/repository.ts';
import { isRepositoryError, type RepositoryErrorCode } from '../ports/repository-error.ts';
import { generateDataset } from './generate.ts';
import { account, contact, mergeRecord, order, orderColumns, touchpoint } from './records.ts';

export { account, contact, mergeRecord, order, orderColumns, touchpoint } from './records.ts';

export interface HarnessOptions {
  /** Values already in the stores, as another build might have written them (they are not validated). */
  raw?: { contacts?: unknown[]; touchpoints?: unknown[]; merges?: unknown[] };
  /** The storage refuses writes (quota exhausted) after this many more stored records. */
  quota?: number;
}

/** How the contract opens a repository of one adapter. */
export interface RepositoryHarness {
  open(options?: HarnessOptions): Promise<Repository>;
}

const T0 = '2026-01-01T00:00:00.000Z';

async function rejection(promise: Promise<unknown>): Promise<RepositoryErrorCode | 'resolved' | 'other'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return isRepositoryError(error) ? error.code : 'other';
  }
}

const ids = (read: { records: { id: string }[] }) => read.records.map((r) => r.id);

/**
 * The behaviour every Repository implementation promises. Each adapter's test file calls this with
 * a harness that opens a fresh repository of that adapter.
 */
export function describeRepositoryContract(name: string, harness: RepositoryHarness): void {
  describe(`${name} (repository contract)`, () => {
    let repo: Repository | undefined;
    const open = async (options?: HarnessOptions) => {
      repo = await harness.open(options);
      return repo;
    };
    afterEach(async () => {
      await repo?.close();
      repo = undefined;
    });

    it('should read back what was put, and report an absent id as not found', async () => {
      const r = await open();
      const ann = contact('c1', { firstName: 'Ann', emails: ['ann@example.com'] });
      await r.put('contacts', ann);
      expect(await r.get('contacts', 'c1')).toEqual({ ok: true, value: ann });
      expect(await r.get('contacts', 'nope')).toEqual({ ok: false, reason: 'not-found' });
    });

    it('should keep stored data apart from the objects passed in and handed out', async () => {
      const r = await open();
      const ann = contact('c1', { tags: ['a'] });
      await r.put('contacts', ann);
      ann.tags.push('changed by caller');
      const read = await r.get('contacts', 'c1');
      if (read.ok) read.value.tags.push('changed by reader');
      expect(await r.get('contacts', 'c1')).toEqual({ ok: true, value: contact('c1', { tags: ['a'] }) });
    });

    it('should reject a batch with one invalid record and store none of it', async () => {
      const r = await open();
      const bad = contact('c2', { emails: ['not an email'] });
      expect(await rejection(r.putMany('contacts', [contact('c1'), bad, contact('c3')]))).toBe('invalid');
      expect(await r.count('contacts')).toBe(0);
    });

    it('should name the invalid record and the reason in the error', async () => {
      const r = await open();
      const error = await r.put('orders', order('o1', 'c1', 'yesterday')).catch((e: unknown) => e);
      expect(String(error)).toMatch(/orders o1: .*placedAt/);
    });

    it('should replace a record put again under the same id', async () => {
      const r = await open();
      await r.put('contacts', contact('c1', { firstName: 'Ann' }));
      await r.put('contacts', contact('c1', { firstName: 'Anne', version: 2 }));
      expect(await r.count('contacts')).toBe(1);
      expect(await r.get('contacts', 'c1')).toMatchObject({ ok: true, value: { firstName: 'Anne', version: 2 } });
    });

    it('should delete a record, say whether it existed, and forget it in every lookup', async () => {
      const r = await open();
      await r.put('contacts', contact('c1', { emails: ['ann@example.com'], phones: ['+4915112345678'] }));
      expect(await r.delete('contacts', 'c1')).toBe(true);
      expect(await r.delete('contacts', 'c1')).toBe(false);
      expect(ids(await r.findContactsByEmail('ann@example.com'))).toEqual([]);
      expect(ids(await r.findContactsByPhone('+4915112345678'))).toEqual([]);
      expect(ids(await r.findContactsByDomain('example.com'))).toEqual([]);
    });

    it('should find a contact by any of its email addresses, ignoring case and spaces', async () => {
      const r = await open();
      await r.putMany('contacts', [
        contact('c1', { emails: ['Ann.Lee@Example.com', 'ann@home.example'] }),
        contact('c2', { emails: ['bob@example.com'] }),
      ]);
      expect(ids(await r.findContactsByEmail('ann.lee@example.COM'))).toEqual(['c1']);
      expect(ids(await r.findContactsByEmail(' ANN@home.example '))).toEqual(['c1']);
      expect(ids(await r.findContactsByEmail('nobody@example.com'))).toEqual([]);
    });

    it('should stop finding a contact by an address it no longer has', async () => {
      const r = await open();
      await r.put('contacts', contact('c1', { emails: ['old@example.com'] }));
      await r.put('contacts', contact('c1', { emails: ['new@example.com'], version: 2 }));
      expect(ids(await r.findContactsByEmail('old@example.com'))).toEqual([]);
      expect(ids(await r.findContactsByEmail('new@example.com'))).toEqual(['c1']);
    });

    it('should find contacts by phone, by email domain and by account, and accounts by domain', async () => {
      const r = await open();
      await r.putMany('contacts', [
        contact('c1', { emails: ['a@acme.example'], phones: ['+4915112345678'], accountId: 'acme' }),
        contact('c2', { emails: ['b@ACME.example'], accountId: 'acme' }),
        contact('c3', { emails: ['c@other.example'], phones: ['+33612345678'] }),
      ]);
      await r.put('accounts', account('acme', 'Acme', ['acme.example']));
      expect(ids(await r.findContactsByPhone('+33612345678'))).toEqual(['c3']);
      expect(ids(await r.findContactsByDomain('www.Acme.example'))).toEqual(['c1', 'c2']);
      expect(ids(await r.findContactsByAccount('acme'))).toEqual(['c1', 'c2']);
      expect(ids(await r.findAccountsByDomain('acme.example'))).toEqual(['acme']);
    });

    it("should list a contact's records oldest first, only theirs, within a time range", async () => {
      const r = await open();
      await r.putMany('touchpoints', [
        touchpoint('t3', 'c1', '2026-03-01T00:00:00.000Z'),
        touchpoint('t1', 'c1', '2026-01-01T00:00:00.000Z'),
        touchpoint('t2', 'c1', '2026-02-01T00:00:00+01:00'),
        touchpoint('x', 'c2', '2026-02-01T00:00:00.000Z'),
      ]);
      expect(ids(await r.listByContact('touchpoints', 'c1'))).toEqual(['t1', 't2', 't3']);
      const range = { from: '2026-01-31T23:00:00.000Z', to: '2026-03-01T00:00:00.000Z' };
      expect(ids(await r.listByContact('touchpoints', 'c1', range))).toEqual(['t2']);
      expect(ids(await r.listByTime('touchpoints', range))).toEqual(['t2', 'x']);
    });

    it('should store, find, update, move and delete orders like any other record', async () => {
      const r = await open();
      const first = order('o1', 'c1', '2026-01-05T10:00:00.000Z', 25, {
        number: '#1001',
        accountId: 'acme',
        source: 'import:shopify',
        externalIds: { shopify: '1001' },
        discounts: [{ code: 'TEN', amount: { amount: 2.5, currency: 'EUR' } }],
      });
      const second = order('o2', 'c1', '2026-02-01T09:00:00+02:00', 19.99);
      await r.putMany('orders', [second, first, order('o3', 'c2', '2026-01-10T00:00:00.000Z')]);
      expect(await r.get('orders', 'o1')).toEqual({ ok: true, value: first });
      expect(await r.get('orders', 'o2')).toEqual({ ok: true, value: second });
      expect(ids(await r.listByContact('orders', 'c1'))).toEqual(['o1', 'o2']);
      expect(ids(await r.listByTime('orders', { from: '2026-01-06T00:00:00.000Z' }))).toEqual(['o3', 'o2']);
      // A merge moves an order to another contact: it must leave the old contact's list.
      await r.put('orders', { ...first, contactId: 'c2', version: 2 });
      expect(ids(await r.listByContact('orders', 'c1'))).toEqual(['o2']);
      expect(ids(await r.listByContact('orders', 'c2'))).toEqual(['o1', 'o3']);
      expect(await r.delete('orders', 'o2')).toBe(true);
      expect(await r.delete('orders', 'o2')).toBe(false);
      expect(await r.count('orders')).toBe(2);
    });

    it('should append new orders given as columns and read them back as the orders they stand for', async () => {
      const r = await open();
      await r.write([{ type: 'appendOrders', orders: orderColumns() }]);
      const meta = { createdAt: T0, updatedAt: T0, version: 1, lineItems: [], discounts: [], source: 'import:shop' };
      expect(await r.get('orders', 'o2')).toEqual({
        ok: true,
        value: {
          ...meta,
          id: 'o2',
          contactId: 'c1',
          placedAt: '2026-02-01T07:00:00.000Z',
          status: 'refunded',
          currency: 'EUR',
          total: { amount: 19.99, currency: 'EUR' },
          externalIds: { shop: '1002' },
        },
      });
      expect(await r.get('orders', 'o1')).toMatchObject({ ok: true, value: { number: '#1', externalIds: {} } });
      expect(ids(await r.listByContact('orders', 'c1'))).toEqual(['o1', 'o2']);
      expect(await r.count('orders')).toBe(3);
      const facts = await r.orderFacts();
      expect([...facts.total].sort((a, b) => a - b)).toEqual([7.5, 19.99, 25]);
      // Appended orders are ordinary orders afterwards: they can be replaced and deleted.
      await r.put('orders', order('o1', 'c2', '2026-01-05T10:00:00.000Z', 30, { version: 2 }), { expectVersion: 1 });
      expect(ids(await r.listByContact('orders', 'c2'))).toEqual(['o1', 'o3']);
      expect(await r.delete('orders', 'o3')).toBe(true);
      expect(await r.count('orders')).toBe(2);
    });

    it('should refuse to append an order that exists or repeats, and write nothing of that write', async () => {
      const r = await open();
      await r.put('orders', order('o2', 'c9', T0));
      const again = r.write([
        { type: 'put', store: 'contacts', record: contact('c1') },
        { type: 'appendOrders', orders: orderColumns() },
      ]);
      expect(await rejection(again)).toBe('conflict');
      expect(await r.count('orders')).toBe(1);
      expect(await r.count('contacts')).toBe(0);
      const twice = { ...orderColumns('x'), ids: ['x1', 'x2', 'x1'] };
      expect(await rejection(r.write([{ type: 'appendOrders', orders: twice }]))).toBe('conflict');
      await r.write([
        { type: 'appendOrders', orders: orderColumns('a') },
        { type: 'appendOrders', orders: orderColumns('b') },
      ]);
      expect(await r.count('orders')).toBe(7);
    });

    it('should reject columns with an invalid row, naming it, and store none of them', async () => {
      const r = await open();
      const bad = { ...orderColumns(), currencies: ['EUR', 'euro', 'GBP'] };
      const error = await r.write([{ type: 'appendOrders', orders: bad }]).catch((e: unknown) => e);
      expect(isRepositoryError(error, 'invalid')).toBe(true);
      expect(String(error)).toMatch(/row 1 \(o2\): currencies/);
      const ragged = { ...orderColumns(), total: new Float64Array([1, 2]) };
      expect(await rejection(r.write([{ type: 'appendOrders', orders: ragged }]))).toBe('invalid');
      expect(await r.count('orders')).toBe(0);
    });

    it('should give order facts as columns that agree with the orders', async () => {
      const r = await open();
      await r.putMany('orders', [
        order('o1', 'c1', '2026-01-05T10:00:00.000Z', 25),
        order('o2', 'c2', '2026-01-06T10:00:00.000Z', 7.5, { status: 'refunded' }),
        order('o3', 'c1', '2026-01-07T10:00:00.000Z', 12, {
          currency: 'GBP',
          total: { amount: 12, currency: 'GBP' },
          lineItems: [],
        }),
      ]);
      const facts = await r.orderFacts();
      const rows = facts.orderIds.map((id, i) => ({
        id,
        contact: facts.contactIds[facts.contact[i] ?? -1],
        placedAt: facts.placedAt[i],
        total: facts.total[i],
        currency: facts.currencies[facts.currency[i] ?? -1],
        status: facts.status[i],
        lines: facts.lineCount[i],
      }));
      expect(rows.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([
        {
          id: 'o1',
          contact: 'c1',
          placedAt: Date.parse('2026-01-05T10:00:00.000Z'),
          total: 25,
          currency: 'EUR',
          status: 1,
          lines: 1,
        },
        {
          id: 'o2',
          contact: 'c2',
          placedAt: Date.parse('2026-01-06T10:00:00.000Z'),
          total: 7.5,
          currency: 'EUR',
          status: 4,
          lines: 1,
        },
        {
          id: 'o3',
          contact: 'c1',
          placedAt: Date.parse('2026-01-07T10:00:00.000Z'),
          total: 12,
          currency: 'GBP',
          status: 1,
          lines: 0,
        },
      ]);
    });

    it('should land a write across stores whole, or not at all when one op conflicts', async () => {
      const r = await open();
      await r.put('contacts', contact('c1'));
      const conflicting = r.write([
        { type: 'put', store: 'contacts', record: contact('c2') },
        { type: 'put', store: 'orders', record: order('o1', 'c2', T0) },
        { type: 'delete', store: 'contacts', id: 'c1' },
        { type: 'put', store: 'touchpoints', record: touchpoint('t1', 'c2', T0) },
        { type: 'put', store: 'contacts', record: contact('c3', { version: 2 }), expectVersion: 1 },
      ]);
      expect(await rejection(conflicting)).toBe('conflict');
      expect(await r.count('contacts')).toBe(1);
      expect(await r.count('orders')).toBe(0);
      expect(await r.count('touchpoints')).toBe(0);
      await r.write([
        { type: 'put', store: 'contacts', record: contact('c2') },
        { type: 'put', store: 'orders', record: order('o1', 'c2', T0) },
        { type: 'delete', store: 'contacts', id: 'c1' },
      ]);
      expect(ids(await r.list('contacts'))).toEqual(['c2']);
      expect(ids(await r.listByContact('orders', 'c2'))).toEqual(['o1']);
    });

    it('should detect a lost update through the expected version', async () => {
      const r = await open();
      await r.put('contacts', contact('c1'), { expectVersion: 0 });
      expect(await rejection(r.put('contacts', contact('c1'), { expectVersion: 0 }))).toBe('conflict');
      await r.put('contacts', contact('c1', { version: 2, title: 'CEO' }), { expectVersion: 1 });
      const stale = r.put('contacts', contact('c1', { version: 2, title: 'CTO' }), { expectVersion: 1 });
      expect(await rejection(stale)).toBe('conflict');
      expect(await r.get('contacts', 'c1')).toMatchObject({ ok: true, value: { title: 'CEO' } });
      await r.put('orders', order('o1', 'c1', T0), { expectVersion: 0 });
      expect(await rejection(r.put('orders', order('o1', 'c1', T0), { expectVersion: 0 }))).toBe('conflict');
    });

    it('should page through a store, every record exactly once', async () => {
      const r = await open();
      const many = Array.from({ length: 25 }, (_, i) => contact(`c${String(i).padStart(2, '0')}`));
      const orders = Array.from({ length: 25 }, (_, i) => order(`o${i}`, `c${i % 7}`, T0));
      await r.putMany('contacts', many);
      await r.putMany('orders', orders);
      for (const store of ['contacts', 'orders'] as const) {
        const seen: string[] = [];
        let after: string | undefined;
        do {
          const page = await r.list(store, { limit: 10, ...(after === undefined ? {} : { after }) });
          expect(page.records.length).toBeLessThanOrEqual(10);
          seen.push(...ids(page));
          after = page.next;
        } while (after !== undefined);
        expect(seen.sort()).toEqual((store === 'contacts' ? many : orders).map((c) => c.id).sort());
      }
    });

    it('should hand out every record once while records are written between pages', async () => {
      const r = await open();
      const many = Array.from({ length: 150 }, (_, i) => contact(`c${String(i).padStart(3, '0')}`));
      await r.putMany('contacts', many);
      const seen: string[] = [];
      let after: string | undefined;
      let round = 0;
      do {
        const page = await r.list('contacts', { limit: 40, ...(after === undefined ? {} : { after }) });
        seen.push(...ids(page));
        after = page.next;
        round++;
        await r.put('contacts', contact('c075', { version: round + 1 }));
        await r.put('contacts', contact(`new${round}`));
      } while (after !== undefined);
      expect(seen.filter((id) => id.startsWith('c')).sort()).toEqual(many.map((c) => c.id));
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('should list the identity of every contact, page by page in the order list gives', async () => {
      const r = await open();
      const people = Array.from({ length: 150 }, (_, i) =>
        contact(`c${String(i).padStart(3, '0')}`, {
          emails: [`p${i}@example.com`],
          ...(i % 2 === 0 && { phones: [`+4930123${String(i).padStart(4, '0')}`], firstName: 'Ann', lastName: 'Lee' }),
          ...(i % 3 === 0 && { accountId: 'acme', fullName: 'Ann Q. Lee' }),
          externalIds: { shop: `s${i}` },
        }),
      );
      await r.putMany('contacts', people);
      const everyPage = async <T>(read: (options: { after?: string; limit: number }) => Promise<Page<T>>) => {
        const out: T[] = [];
        let after: string | undefined;
        do {
          const page = await read({ limit: 40, ...(after === undefined ? {} : { after }) });
          out.push(...page.records);
          after = page.next;
        } while (after !== undefined);
        return out;
      };
      const listed = await everyPage((options) => r.list('contacts', options));
      const identities = await everyPage((options) => r.listIdentities(options));
      expect(listed).toHaveLength(people.length);
      expect(identities).toEqual(listed.map(contactIdentity));
    });

    it('should report a corrupt record on read and keep the rest readable', async () => {
      const good = contact('c1', { emails: ['ann@example.com'] });
      const r = await open({
        raw: {
          contacts: [
            good,
            { ...contact('c2', { emails: ['bob@example.com'] }), lifecycleStage: 'zombie' },
            { id: 'c3' },
          ],
          touchpoints: [touchpoint('t1', 'c1', T0), { ...touchpoint('t2', 'c1', T0), channel: 42 }],
        },
      });
      expect(await r.get('contacts', 'c1')).toEqual({ ok: true, value: good });
      const bad = await r.get('contacts', 'c2');
      expect(bad).toMatchObject({ ok: false, reason: 'corrupt' });
      if (!bad.ok && bad.reason === 'corrupt') expect(bad.issues).toMatch(/lifecycleStage/);
      const page = await r.list('contacts');
      expect(ids(page)).toEqual(['c1']);
      expect(page.corrupt.map((c) => c.id)).toEqual(['c2', 'c3']);
      const identities = await r.listIdentities();
      expect(identities.records).toEqual([contactIdentity(good)]);
      expect(identities.corrupt.map((c) => c.id)).toEqual(['c2', 'c3']);
      const history = await r.listByContact('touchpoints', 'c1');
      expect(ids(history)).toEqual(['t1']);
      expect(history.corrupt).toMatchObject([{ store: 'touchpoints', id: 't2' }]);
      // The corrupt record can be repaired by writing a valid one over it.
      await r.put('contacts', contact('c2', { version: 2 }));
      expect(await r.get('contacts', 'c2')).toMatchObject({ ok: true });
    });

    it('should fail a write that exceeds the quota with a quota error, nothing of it stored, earlier data intact', async () => {
      // Room for the first write in any layout (an IndexedDB write puts a page and directory shards), not the second.
      const r = await open({ quota: 30 });
      const first = Array.from({ length: 5 }, (_, i) => contact(`a${i}`, { emails: [`a${i}@example.com`] }));
      await r.putMany('contacts', first);
      const second = Array.from({ length: 100 }, (_, i) => contact(`b${i}`, { emails: [`b${i}@example.com`] }));
      expect(await rejection(r.putMany('contacts', second))).toBe('quota');
      expect(ids(await r.list('contacts'))).toEqual(first.map((c) => c.id));
      expect(ids(await r.findContactsByEmail('b0@example.com'))).toEqual([]);
      expect(ids(await r.findContactsByEmail('a4@example.com'))).toEqual(['a4']);
    });

    it('should keep merge records and find them by any contact they name, newest first', async () => {
      const r = await open();
      const older = mergeRecord('m1', 'c1', ['c2', 'c3'], '2026-01-02T00:00:00.000Z');
      const newer = mergeRecord('m2', 'c4', ['c1'], '2026-01-03T00:00:00.000Z');
      await r.write([
        { type: 'putMerge', merge: older },
        { type: 'putMerge', merge: newer },
      ]);
      expect(await r.getMerge('m1')).toEqual({ ok: true, value: older });
      expect(await r.getMerge('nope')).toEqual({ ok: false, reason: 'not-found' });
      expect(ids(await r.listMerges())).toEqual(['m2', 'm1']);
      expect(ids(await r.listMerges({ contactId: 'c1' }))).toEqual(['m2', 'm1']);
      expect(ids(await r.listMerges({ contactId: 'c3' }))).toEqual(['m1']);
      expect(ids(await r.listMerges({ contactId: 'c9' }))).toEqual([]);
      await r.write([
        { type: 'deleteMerge', id: 'm1' },
        { type: 'deleteMerge', id: 'never-stored' },
      ]);
      expect(ids(await r.listMerges())).toEqual(['m2']);
      expect(ids(await r.listMerges({ contactId: 'c3' }))).toEqual([]);
    });

    it('should store a merge record together with the rest of its write, or not at all', async () => {
      const r = await open();
      await r.put('contacts', contact('c1'));
      const conflicting = r.write([
        { type: 'putMerge', merge: mergeRecord('m1', 'c1', ['c2']) },
        { type: 'put', store: 'contacts', record: contact('c1', { version: 2 }), expectVersion: 5 },
      ]);
      expect(await rejection(conflicting)).toBe('conflict');
      expect(await r.getMerge('m1')).toEqual({ ok: false, reason: 'not-found' });
      const invalid = { ...mergeRecord('m2', 'c1', ['c2']), mergedIds: [] };
      const error = await r.write([{ type: 'putMerge', merge: invalid }]).catch((e: unknown) => e);
      expect(isRepositoryError(error, 'invalid')).toBe(true);
      expect(String(error)).toMatch(/merge m2: .*mergedIds/);
      expect(ids(await r.listMerges())).toEqual([]);
    });

    it('should hand out copies of merge records, and report a damaged one as corrupt', async () => {
      const good = mergeRecord('m1', 'c1', ['c2']);
      const r = await open({ raw: { merges: [good, { ...mergeRecord('m2', 'c1', ['c3']), survivorId: 42 }] } });
      const read = await r.getMerge('m1');
      if (read.ok) read.value.mergedIds.push('changed by reader');
      expect(await r.getMerge('m1')).toEqual({ ok: true, value: good });
      expect(await r.getMerge('m2')).toMatchObject({ ok: false, reason: 'corrupt' });
      const all = await r.listMerges();
      expect(ids(all)).toEqual(['m1']);
      expect(all.corrupt).toMatchObject([{ store: 'merges', id: 'm2' }]);
    });

    it('should refuse to work once closed', async () => {
      const r = await open();
      await r.close();
      expect(await rejection(r.get('contacts', 'c1'))).toBe('closed');
      expect(await rejection(r.put('contacts', contact('c1')))).toBe('closed');
    });

    it('should hold a whole generated data set and give every record back unchanged', async () => {
      const r = await open();
      const data = generateDataset({ seed: 11, contacts: 60 });
      for (const store of STORE_NAMES) await r.putMany(store, data[store] as never[]);
      for (const store of STORE_NAMES) {
        expect(await r.count(store)).toBe(data[store].length);
        const stored = [];
        let after: string | undefined;
        do {
          const page = await r.list(store as StoreName, { limit: 100, ...(after === undefined ? {} : { after }) });
          expect(page.corrupt).toEqual([]);
          stored.push(...page.records);
          after = page.next;
        } while (after !== undefined);
        const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
        expect(stored.sort(byId)).toEqual([...data[store]].sort(byId));
      }
      const someone = data.contacts.find((c) => data.orders.some((o) => o.contactId === c.id));
      if (!someone) throw new Error('the data set has no customer');
      const theirOrders = data.orders.filter((o) => o.contactId === someone.id);
      expect(ids(await r.listByContact('orders', someone.id))).toEqual(
        theirOrders.sort((a, b) => Date.parse(a.placedAt) - Date.parse(b.placedAt)).map((o) => o.id),
      );
    });
  });
}
