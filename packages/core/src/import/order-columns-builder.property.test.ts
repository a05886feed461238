import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryRepository } from '../adapters/memory/memory-repository.ts';
import { quoteCsv } from '../export/csv-cell.ts';
import { STORE_NAMES } from '../model/stores.ts';
import type { Repository } from '../ports/repository.ts';
import { importCsv } from './import-csv.ts';

const HEADER = 'Order ID,Customer ID,Email,Created at,Total,Currency,Financial Status';

/** One order row: good cells mostly, and every kind of bad cell the full path rejects. */
const rowArb = (i: number) =>
  fc.record({
    orderId: fc.oneof(
      { weight: 6, arbitrary: fc.constant(`#${1000 + i}`) },
      // Repeats: of the row before (one order in two rows) or of an earlier one (rejected).
      fc.constant(`#${1000 + Math.max(0, i - 1)}`),
      fc.constant(`#${1000 + Math.floor(i / 3)}`),
      // Longer than an id may be: only OrderSchema (zod) rejects it.
      fc.constant(`#${'9'.repeat(300)}${i}`),
      fc.constant(''),
    ),
    customer: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('C1', 'C2', 'C3') }, fc.constant('')),
    email: fc.constantFrom('', '', 'ann@example.com', 'bob@example.com', 'not-an-email'),
    date: fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom('2024-03-05 10:00:00 +0100', '2024-03-05T10:00:00Z', '2023-12-31') },
      fc.constantFrom('2024-02-30', 'soon', ''),
    ),
    total: fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom('12.50', '0', '1,234.56', '-3') },
      fc.constantFrom('USD 12.00', 'lots', ''),
    ),
    currency: fc.constantFrom('EUR', 'EUR', 'usd', 'EURO', ''),
    status: fc.constantFrom('paid', 'paid', 'refunded', 'Pending', 'weird', ''),
  });

async function contents(repo: Repository) {
  const out: Record<string, unknown[]> = {};
  for (const store of STORE_NAMES)
    out[store] = (await repo.list(store, { limit: 10_000 })).records.sort((a, b) => (a.id < b.id ? -1 : 1));
  return out;
}

describe('importCsv order columns (fast path)', () => {
  it('should accept, reject, report and store exactly what the one-object-per-order path does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 30 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => rowArb(i)))),
        fc.integer({ min: 1, max: 8 }),
        // Without the email column, rows go through the fast order rows (fast-order-rows.ts) where they can.
        fc.boolean(),
        async (rows, batchSize, withEmail) => {
          const text = [
            withEmail ? HEADER : HEADER.replace(',Email', ''),
            ...rows.map((r) =>
              [r.orderId, r.customer, ...(withEmail ? [r.email] : []), r.date, r.total, r.currency, r.status]
                .map((cell) => quoteCsv(cell))
                .join(','),
            ),
          ].join('\n');
          const run = async (columnar: boolean) => {
            const repo = createMemoryRepository();
            const report = await importCsv(repo, [text], {
              kind: 'orders',
              batchSize,
              columnar,
              now: () => '2026-01-01T00:00:00.000Z',
            });
            return { report, data: await contents(repo) };
          };
          const full = await run(false);
          const fast = await run(true);
          expect(fast.report).toEqual(full.report);
          expect(fast.data).toEqual(full.data);
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);

  it('should reject a row only OrderSchema catches with its reason, and store its neighbours as columns', async () => {
    const long = `#${'9'.repeat(300)}`;
    const text = `${HEADER}\n#1,C1,,2024-03-05,12.50,EUR,paid\n${long},C2,,2024-03-06,7,EUR,paid\n#3,C1,,2024-03-07,9,EUR,paid\n`;
    const repo = createMemoryRepository();
    const kinds: string[] = [];
    const write = repo.write;
    repo.write = (ops) => {
      kinds.push(...ops.map((op) => (op.type === 'put' ? `put ${op.store}` : op.type)));
      return write(ops);
    };
    const report = await importCsv(repo, [text], { kind: 'orders' });
    expect(report.rejected).toEqual([{ line: 3, reasons: [expect.stringMatching(/<=256 characters.*at id/)] }]);
    expect(kinds).toContain('appendOrders');
    expect(kinds).not.toContain('put orders');
    expect((await repo.list('orders')).records.map((o) => o.externalIds)).toEqual([{ csv: '#1' }, { csv: '#3' }]);
  });

  it('should join a row to its order across rejected rows, as the full path does', async () => {
    // Rejected rows do not end the order being collected: lines 2 and 4 are one order.
    const text = `${HEADER.replace(',Email', '')}\n#1,C1,2024-03-05,12.50,EUR,paid\n#2,C1,2024-02-30,7,EUR,paid\n#1,C1,2024-03-06,9,EUR,paid\n#3,C2,2024-03-07,9,EUR,paid\n`;
    const run = async (columnar: boolean) => {
      const repo = createMemoryRepository();
      const report = await importCsv(repo, [text], { kind: 'orders', columnar, now: () => '2026-01-01T00:00:00.000Z' });
      return { report, orders: (await repo.list('orders')).records };
    };
    const fast = await run(true);
    expect(fast.report.rejected).toEqual([
      { line: 3, reasons: [expect.stringMatching(/no day 30/), 'the order has no date'] },
    ]);
    expect(fast.orders.map((o) => [o.number, o.total.amount])).toEqual([
      ['#1', 12.5],
      ['#3', 9],
    ]);
    expect(fast).toEqual(await run(false));
  });

  it('should take the full path into a store that already has orders, so a re-import changes nothing', async () => {
    const text = `${HEADER}\n#1,C1,,2024-03-05,12.50,EUR,paid\n#2,C2,,2024-03-06,7,EUR,refunded\n`;
    const repo = createMemoryRepository();
    const first = await importCsv(repo, [text], { kind: 'orders' });
    expect(first.stored.orders).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const before = await contents(repo);
    const again = await importCsv(repo, [text], { kind: 'orders' });
    expect(again.stored.orders).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await contents(repo)).toEqual(before);
  });

  it('should write nothing of a batch whose columns the storage refuses, and say where to resume', async () => {
    const text = `${HEADER}\n#1,C1,,2024-03-05,12.50,EUR,paid\n#2,C2,,2024-03-06,7,EUR,refunded\n#3,C3,,2024-03-07,9,EUR,paid\n`;
    // Room for the first batch (an order and its new contact) only.
    const repo = createMemoryRepository({ capacity: 2 });
    const report = await importCsv(repo, [text], { kind: 'orders', batchSize: 1 });
    expect(report.failed).toMatch(/storage is full/);
    expect(report.committedThroughLine).toBe(2);
    expect(await repo.count('orders')).toBe(1);
    expect(await repo.count('contacts')).toBe(1);
  });
});
