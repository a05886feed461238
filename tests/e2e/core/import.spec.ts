import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { buildHarness, ROOT } from './vite-harness';

/**
 * A CSV with deliberately broken rows imported through the real IndexedDB adapter in
 * Chromium, from a real file input: the report names each bad row by line, every good row
 * is stored, and a second session reads it back.
 */
// One build per Playwright worker process: workers run this file's tests in parallel, and each beforeAll empties its folder.
const OUT = join(ROOT, '.cache/e2e/import', String(process.pid));
const HARNESS = '/e2e-harness/import/';

test.beforeAll(() => buildHarness('tests/e2e/core/import-harness.ts', OUT));

test.beforeEach(async ({ page }) => {
  // The harness is served on the test server's origin (IndexedDB is per origin) without changing the server.
  await page.route(`**${HARNESS}**`, async (route) => {
    const path = new URL(route.request().url()).pathname.slice(HARNESS.length);
    if (path === '' || path === 'index.html') {
      return route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><meta charset="utf-8"><title>Import</title>
<main><h1>Import a CSV</h1>
<label>File <input id="file" type="file" accept=".csv,text/csv"></label>
<label>Kind <select id="kind"><option value="contacts">Contacts</option><option value="orders">Orders</option></select></label>
<button id="import" type="button">Import</button>
<output id="report" aria-live="polite"></output></main>
<script type="module" src="./harness.js"></script></html>`,
      });
    }
    return route.fulfill({ contentType: 'text/javascript', body: await readFile(join(OUT, path)) });
  });
});

const CONTACTS = Buffer.concat([
  Buffer.from(
    [
      'First Name,Last Name,Email,Phone,Created At,Tags',
      'Ann,Lee,ann@example.com,+44 20 7946 0958,2024-03-05,vip',
      'Bob,Stone,bob(at)example.com,,2024-03-05,', // line 3: bad email
      'Cy,Young,cy@example.com,,2024-02-30,', // line 4: impossible date
      'Dee,"Park, Jr.",dee@example.com,,,"a, b"',
      'Eve,Extra,eve@example.com,,,,surplus', // line 6: one field too many
      '"Fay","Multi',
      'line",fay@example.com,,,', // lines 7-8: a quoted newline, valid
    ].join('\n'),
  ),
  Buffer.from('\nGil,M'),
  Buffer.from([0xfc]), // line 9: Latin-1 ü in a UTF-8 file
  Buffer.from('ller,gil@example.com,,,\nJANE,DOE,Jane.Doe@Gmail.com,,,\njane,doe,janedoe+shop@googlemail.com,,,\n'),
]);

test('imports a CSV with broken rows through IndexedDB and reports each one by line', async ({ page }) => {
  await page.goto(`${HARNESS}index.html`);
  await page.getByLabel('File').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: CONTACTS });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.locator('#report')).toHaveText('6 of 9 rows imported, 3 rejected', { timeout: 15_000 });

  const report = await page.evaluate(() => window.lastReport);
  expect(report?.rejected).toEqual([
    { line: 3, reasons: ['Email: "bob(at)example.com" is not an email address'] },
    { line: 4, reasons: [expect.stringContaining('"2024-02-30" has no day 30 in month 2')] },
    { line: 6, reasons: ['the row has 7 fields but the header has 6 (a value with an unquoted delimiter?)'] },
  ]);
  expect(report?.issues).toEqual([expect.objectContaining({ line: 9, kind: 'encoding' })]);
  expect(report?.merged).toEqual([expect.objectContaining({ line: 11, score: 0.95 })]);

  // A fresh connection (the next session) reads what was committed.
  await page.reload();
  const contacts = (await page.evaluate(() => window.readStore?.('contacts'))) as {
    emails: string[];
    lastName?: string;
    firstName?: string;
    tags: string[];
  }[];
  expect(contacts.map((c) => c.emails[0]).sort()).toEqual([
    'ann@example.com',
    'dee@example.com',
    'fay@example.com',
    'gil@example.com',
    'jane.doe@gmail.com',
  ]);
  expect(contacts.find((c) => c.emails[0] === 'dee@example.com')).toMatchObject({
    lastName: 'Park, Jr.',
    tags: ['a', 'b'],
  });
  expect(contacts.find((c) => c.emails[0] === 'fay@example.com')?.lastName).toBe('Multi\nline');
  expect(contacts.find((c) => c.emails[0] === 'gil@example.com')?.lastName).toBe('M\uFFFDller');
  const jane = (await page.evaluate(() => window.findByEmail?.('janedoe+shop@googlemail.com'))) as {
    emails: string[];
  }[];
  expect(jane[0]?.emails).toEqual(['jane.doe@gmail.com', 'janedoe+shop@googlemail.com']);

  // The same file again changes nothing.
  await page.getByLabel('File').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: CONTACTS });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.locator('#report')).toHaveText('6 of 9 rows imported, 3 rejected', { timeout: 15_000 });
  expect(await page.evaluate(() => window.lastReport?.stored)).toEqual({
    contacts: { created: 0, updated: 0, unchanged: 5 },
  });
});

/** Chooses the orders kind and imports `text` as orders.csv through the file input. */
async function importOrders(page: Page, text: string) {
  await page.getByLabel('Kind').selectOption('orders');
  await page.getByLabel('File').setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: 'Import' }).click();
}

test('imports Shopify orders into the columnar order store and links them to their customers', async ({ page }) => {
  await page.goto(`${HARNESS}index.html`);
  const orders = [
    'Name,Email,Financial Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku',
    '#1,ann@example.com,paid,EUR,30.00,2024-03-05 10:00:00 +0100,1,Mug,10.00,MUG',
    '#1,ann@example.com,,,,,2,Tea,10.00,TEA',
    '#2,bob@example.com,paid,EUR,not money,2024-03-06 10:00:00 +0100,1,Card,5.00,CARD',
    '#3,bob@example.com,refunded,EUR,5.00,2024-03-07 10:00:00 +0100,1,Card,5.00,CARD',
  ].join('\n');
  await importOrders(page, orders);
  await expect(page.locator('#report')).toHaveText('3 of 4 rows imported, 1 rejected', { timeout: 15_000 });
  const stored = (await page.evaluate(() => window.readStore?.('orders'))) as {
    number: string;
    lineItems: unknown[];
    status: string;
    contactId: string;
  }[];
  expect(stored.map((o) => [o.number, o.lineItems.length, o.status]).sort()).toEqual([
    ['#1', 2, 'paid'],
    ['#3', 1, 'refunded'],
  ]);
  const contacts = (await page.evaluate(() => window.readStore?.('contacts'))) as { id: string; emails: string[] }[];
  const ann = contacts.find((c) => c.emails.includes('ann@example.com'));
  expect(stored.find((o) => o.number === '#1')?.contactId).toBe(ann?.id);
});

test('imports one row per order straight into order columns, rejecting each broken row by line', async ({ page }) => {
  await page.goto(`${HARNESS}index.html`);
  // One row per order, no line items: the import appends these as columns (the fast path).
  const orders = [
    'Order ID,Customer ID,Email,Created at,Total,Currency,Financial Status',
    '1001,C1,ann@example.com,2024-03-05 10:00:00 +0100,30.00,EUR,paid',
    '1002,C1,ann@example.com,2024-03-06,lots,EUR,paid',
    '1003,C2,bob@example.com,2024-02-30,5.00,EUR,paid',
    '1004,C2,bob@example.com,2024-03-07,USD 5.00,EUR,refunded',
    '1005,,,2024-03-08,5.00,EUR,paid',
    '1001,C1,ann@example.com,2024-03-09,1.00,EUR,paid',
    '1006,C2,bob@example.com,2024-03-10,12.50,EUR,refunded',
  ].join('\n');
  await importOrders(page, orders);
  await expect(page.locator('#report')).toHaveText('2 of 7 rows imported, 5 rejected', { timeout: 15_000 });
  const report = await page.evaluate(() => window.lastReport);
  expect(report?.rejected).toEqual([
    { line: 3, reasons: [expect.stringContaining('"lots" is not an amount')] },
    { line: 4, reasons: [expect.stringContaining('"2024-02-30" has no day 30 in month 2'), 'the order has no date'] },
    { line: 5, reasons: [expect.stringContaining('currency USD differs from the order currency EUR')] },
    { line: 6, reasons: ['the order names no customer: map a customer id or email column'] },
    { line: 7, reasons: [expect.stringContaining('order 1001 already appeared earlier in the file')] },
  ]);
  expect(report?.stored.orders).toEqual({ created: 2, updated: 0, unchanged: 0 });
  await page.reload();
  const stored = (await page.evaluate(() => window.readStore?.('orders'))) as {
    externalIds: Record<string, string>;
    placedAt: string;
    total: { amount: number };
    status: string;
    contactId: string;
  }[];
  expect(stored.map((o) => [o.externalIds.csv, o.placedAt, o.total.amount, o.status, o.contactId]).sort()).toEqual([
    ['1001', '2024-03-05T09:00:00.000Z', 30, 'paid', 'csv:C1'],
    ['1006', '2024-03-10T00:00:00.000Z', 12.5, 'refunded', 'csv:C2'],
  ]);
});

/** A plain order file of `rows` orders with broken rows of every kind the import reports, seeded. */
function ordersWithBrokenRows(rows: number): string {
  // A note no field reads makes each row about 200 bytes, so the file outgrows its first chunk sooner.
  const lines = ['Order ID,Customer ID,Created at,Total,Currency,Financial Status,Note'];
  const note = 'left at the door; '.repeat(8);
  for (let i = 0; i < rows; i++) {
    const id = i % 53 === 7 ? `O${i - 1}` : i % 211 === 9 ? `O${i - 100}` : `O${i}`; // continuations, repeats
    const customer = i % 31 === 3 ? '' : `C${(i * 7919) % 400}`; // no customer; customers the import creates
    const date = i % 97 === 5 ? '2024-02-30' : `2024-0${1 + (i % 9)}-1${i % 10} 10:0${i % 10}:00 +0100`;
    const total = i % 89 === 11 ? 'lots' : i % 101 === 13 ? 'USD 5.00' : `${(i % 500) + 0.5}`;
    const status = i % 83 === 17 ? 'weird' : i % 3 === 0 ? 'refunded' : 'paid';
    lines.push(
      i % 149 === 19 ? `${id},${customer},${date}` : `${id},${customer},${date},${total},EUR,${status},${note}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

test('reads a plain order file in an import worker with the same report and data as on one thread', async ({
  page,
}) => {
  await page.goto(`${HARNESS}index.html`);
  // 14,000 rows (2.8 MB): more than the first chunk of the file (1.6 to 2.4 MB in Chromium), which the
  // import reads itself before it hands the rest to the worker.
  type Run = { report: { rows: number; accepted: number; rejected: unknown[] }; workers: number; workerRows: number };
  const result = (await page.evaluate((text) => window.importOrdersBothWays?.(text), ordersWithBrokenRows(14_000))) as {
    worker: Run;
    thread: Run;
  };
  expect(result.worker.workers).toBe(1);
  expect(result.worker.workerRows).toBeGreaterThan(1000);
  expect(result.worker.report.rows).toBe(14_000);
  expect(result.worker.report.rejected.length).toBeGreaterThan(200);
  expect(result.worker.report.accepted).toBeGreaterThan(12_000);
  const { workers: _w, workerRows: _wr, ...withWorker } = result.worker;
  const { workers: _t, workerRows: _tr, ...onThread } = result.thread;
  expect(withWorker).toEqual(onThread);
});

for (const failure of ['load', 'midway'] as const)
  test(`reads the rest of an order file on its own thread when the import worker fails (${failure})`, async ({
    page,
  }) => {
    await page.goto(`${HARNESS}index.html`);
    type Run = {
      report: { rows: number; rejected: unknown[]; warnings: string[] };
      workers: number;
      workerRows: number;
    };
    const result = (await page.evaluate(([text, how]) => window.importOrdersBothWays?.(text, how), [
      ordersWithBrokenRows(14_000),
      failure,
    ] as const)) as { worker: Run; thread: Run };
    expect(result.worker.workers).toBe(1);
    // Killed midway, the worker had sent rows the import took before it read on itself.
    if (failure === 'midway') expect(result.worker.workerRows).toBeGreaterThan(1000);
    else expect(result.worker.workerRows).toBe(0);
    const { workers: _w, workerRows: _wr, report: withWorker, ...storedWithWorker } = result.worker;
    const { workers: _t, workerRows: _tr, report: onThread, ...storedOnThread } = result.thread;
    expect(withWorker.warnings).toEqual([
      ...onThread.warnings,
      expect.stringMatching(
        /^the import worker failed \(.+\): the rest of the file was read on the page's own thread$/,
      ),
    ]);
    expect({ ...withWorker, warnings: [] }).toEqual({ ...onThread, warnings: [] });
    expect(storedWithWorker).toEqual(storedOnThread);
  });
