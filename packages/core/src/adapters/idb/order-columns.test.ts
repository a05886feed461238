import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../model/order.ts';
import type { Repository } from '../../ports/repository.ts';
import { isRepositoryError } from '../../ports/repository-error.ts';
import { hashString } from '../../storage/hash.ts';
import { order, orderColumns } from '../../testing/repository.contract.ts';
import { createMemoryRepository } from '../memory/memory-repository.ts';
import { MAX_SEGMENTS, ORDER_BUCKETS, ORDER_DIRECTORY } from './db-schema.ts';
import { openIdbRepository } from './idb-repository.ts';
import { bucketOf } from './order-columns.ts';

let databases = 0;
const fresh = () => `columns-${++databases}`;

async function everything(repo: Repository): Promise<Order[]> {
  const all: Order[] = [];
  let after: string | undefined;
  do {
    const page = await repo.list('orders', { limit: 7, ...(after === undefined ? {} : { after }) });
    all.push(...page.records);
    after = page.next;
  } while (after !== undefined);
  return all.sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe('the columnar order store', () => {
  it('should append ids that share a 32-bit hash, in one write or two, and still refuse a repeat', async () => {
    // Two different ids with the same hash, found by trying (about 80,000 tries for 32 bits).
    const byHash = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const id = `o${i}`;
      const other = byHash.get(hashString(id));
      if (other !== undefined) pair = [other, id];
      else byHash.set(hashString(id), id);
    }
    const [a, b] = pair;
    const columnsOf = (ids: string[]) => {
      const columns = orderColumns();
      const rows = ids.map((_, i) => i % 3);
      return {
        ...columns,
        ids,
        contactIds: rows.map((row) => columns.contactIds[row] as string),
        numbers: rows.map((row) => columns.numbers[row]),
        externalIds: rows.map((row) => columns.externalIds[row]),
        placedAt: Float64Array.from(rows, (row) => columns.placedAt[row] as number),
        status: Uint8Array.from(rows, (row) => columns.status[row] as number),
        currencies: rows.map((row) => columns.currencies[row] as string),
        total: Float64Array.from(rows, (row) => columns.total[row] as number),
      };
    };
    const together = await openIdbRepository({ name: fresh() });
    await together.write([{ type: 'appendOrders', orders: columnsOf([a, 'x', b]) }]);
    expect((await everything(together)).map((o) => o.id)).toEqual([a, b, 'x'].sort());
    const error = await together.write([{ type: 'appendOrders', orders: columnsOf([b]) }]).catch((e: unknown) => e);
    expect(isRepositoryError(error, 'conflict')).toBe(true);
    const apart = await openIdbRepository({ name: fresh() });
    await apart.write([{ type: 'appendOrders', orders: columnsOf([a]) }]);
    await apart.write([{ type: 'appendOrders', orders: columnsOf([b, 'y']) }]);
    expect(await apart.count('orders')).toBe(3);
    const repeated = apart.write([{ type: 'appendOrders', orders: columnsOf(['z', b, 'w', 'z']) }]);
    expect(isRepositoryError(await repeated.catch((e: unknown) => e), 'conflict')).toBe(true);
    const withOp = apart.write([
      { type: 'put', store: 'orders', record: order('v', 'c1', '2026-01-01T00:00:00.000Z') },
      { type: 'appendOrders', orders: columnsOf(['u', 'v']) },
    ]);
    expect(isRepositoryError(await withOp.catch((e: unknown) => e), 'conflict')).toBe(true);
    expect(await apart.count('orders')).toBe(3);
    await together.close();
    await apart.close();
  });

  it('should append a segment per write and compact a bucket before it passes the segment limit', async () => {
    const name = fresh();
    const repo = await openIdbRepository({ name });
    for (let batch = 0; batch < MAX_SEGMENTS + 3; batch++)
      await repo.putMany('orders', [
        order(`o${batch}a`, 'c1', `2026-01-${String(batch + 1).padStart(2, '0')}T00:00:00.000Z`),
        order(`o${batch}b`, 'c1', '2025-12-31T00:00:00.000Z'),
      ]);
    const db = await openDB(name);
    const segments = await db.getAllKeys(ORDER_BUCKETS);
    db.close();
    expect(segments.length).toBeLessThanOrEqual(MAX_SEGMENTS);
    expect(segments.every((key) => (key as number[])[0] === bucketOf('c1'))).toBe(true);
    expect((await repo.listByContact('orders', 'c1')).records).toHaveLength(2 * (MAX_SEGMENTS + 3));
    expect(await repo.count('orders')).toBe(2 * (MAX_SEGMENTS + 3));
    await repo.close();
  });

  it('should keep the oldest segment readable when the compacting write also changes one of its orders', async () => {
    const repo = await openIdbRepository({ name: fresh() });
    for (let batch = 0; batch < MAX_SEGMENTS; batch++)
      await repo.putMany('orders', [order(`o${batch}`, 'c1', '2026-01-01T00:00:00.000Z')]);
    // The write that compacts the bucket (one segment too many) also deletes o0 from the oldest
    // segment, which is kept apart: it must be stored back as a block, not as bare columns.
    await repo.write([
      { type: 'delete', store: 'orders', id: 'o0' },
      { type: 'put', store: 'orders', record: order('last', 'c1', '2026-01-01T00:00:00.000Z') },
    ]);
    const read = await repo.listByContact('orders', 'c1');
    expect(read.corrupt).toEqual([]);
    expect(read.records.map((o) => o.id).sort()).toEqual(
      [...Array.from({ length: MAX_SEGMENTS - 1 }, (_, i) => `o${i + 1}`), 'last'].sort(),
    );
    await repo.close();
  });

  it('should keep one directory entry per stored order through updates, moves and deletes', async () => {
    const name = fresh();
    const repo = await openIdbRepository({ name });
    await repo.putMany('orders', [
      order('o1', 'c1', '2026-01-01T00:00:00.000Z'),
      order('o2', 'c1', '2026-01-01T00:00:00.000Z'),
    ]);
    await repo.write([
      { type: 'put', store: 'orders', record: order('o3', 'c2', '2026-01-01T00:00:00.000Z') },
      { type: 'delete', store: 'orders', id: 'o3' },
      { type: 'put', store: 'orders', record: order('o1', 'c9', '2026-01-01T00:00:00.000Z', 5, { version: 2 }) },
      { type: 'put', store: 'orders', record: order('o2', 'c1', '2026-01-01T00:00:00.000Z', 7, { version: 2 }) },
    ]);
    const db = await openDB(name);
    const shards = await db.getAll(ORDER_DIRECTORY);
    db.close();
    expect(shards.reduce((n, s) => n + s.hashes.length, 0)).toBe(2);
    expect(await repo.get('orders', 'o1')).toMatchObject({ ok: true, value: { contactId: 'c9', version: 2 } });
    expect(await repo.get('orders', 'o3')).toEqual({ ok: false, reason: 'not-found' });
    await repo.close();
  });

  it('should rebuild a damaged directory from the blocks', async () => {
    const name = fresh();
    const repo = await openIdbRepository({ name });
    await repo.putMany('orders', [
      order('o1', 'c1', '2026-01-01T00:00:00.000Z'),
      order('o2', 'c2', '2026-01-01T00:00:00.000Z'),
    ]);
    const db = await openDB(name);
    for (const key of await db.getAllKeys(ORDER_DIRECTORY)) await db.put(ORDER_DIRECTORY, 'scribble', key);
    db.close();
    expect(await repo.get('orders', 'o2')).toMatchObject({ ok: true });
    await repo.put('orders', order('o1', 'c1', '2026-01-01T00:00:00.000Z', 3, { version: 2 }));
    expect(await repo.count('orders')).toBe(2);
    await repo.close();
  });

  it('should behave like the in-memory repository for any sequence of order writes', async () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('put' as const),
        id: fc.integer({ min: 0, max: 9 }),
        contact: fc.integer({ min: 0, max: 3 }),
        amount: fc.integer({ min: 1, max: 99 }),
      }),
      fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 9 }) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(op, { minLength: 1, maxLength: 6 }), { maxLength: MAX_SEGMENTS + 4 }),
        async (batches) => {
          const idb = await openIdbRepository({ name: fresh() });
          const memory = createMemoryRepository();
          for (const batch of batches) {
            const writes = batch.map((o) =>
              o.kind === 'delete'
                ? ({ type: 'delete', store: 'orders', id: `o${o.id}` } as const)
                : ({
                    type: 'put',
                    store: 'orders',
                    record: order(`o${o.id}`, `c${o.contact}`, '2026-01-01T00:00:00.000Z', o.amount),
                  } as const),
            );
            await idb.write(writes);
            await memory.write(writes);
          }
          expect(await everything(idb)).toEqual(await everything(memory));
          expect(await idb.count('orders')).toBe(await memory.count('orders'));
          for (let c = 0; c < 4; c++)
            expect((await idb.listByContact('orders', `c${c}`)).records).toEqual(
              (await memory.listByContact('orders', `c${c}`)).records,
            );
          await idb.close();
        },
      ),
      { numRuns: 40 },
    );
  });
});
