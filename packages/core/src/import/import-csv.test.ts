import { describe, expect, it } from 'vitest';
import { createMemoryRepository } from '../adapters/memory/memory-repository.ts';
import type { Contact } from '../model/contact.ts';
import { RepositoryError } from '../ports/repository-error.ts';
import { type CsvImportOptions, ImportSetupError, importCsv, previewCsv } from './import-csv.ts';

const NOW = '2026-01-01T00:00:00.000Z';
const options = (over: Omit<CsvImportOptions, 'now'>): CsvImportOptions => ({ now: () => NOW, ...over });
const bytes = (text: string) => [new TextEncoder().encode(text)];

async function all<S extends 'contacts' | 'orders' | 'accounts' | 'opportunities' | 'cases' | 'products'>(
  repo: ReturnType<typeof createMemoryRepository>,
  store: S,
) {
  return (await repo.list(store, { limit: 10_000 })).records;
}

const CONTACTS = [
  'First Name,Last Name,Email,Phone,Created At,Tags,Favourite colour',
  'Ann,Lee,ann@example.com,+44 20 7946 0958,2024-03-05,vip,red',
  'Bob,Stone,not-an-email,,2024-03-05,,',
  'Cy,Young,cy@example.com,,31/31/2024,,',
  'Dee,Park,dee@example.com,,,"a, b",blue',
  'Eve,Extra,eve@example.com,,,,,too many',
  ',,,,,,',
  'Fay,Nope,,12,,,',
].join('\n');

describe('importCsv: contacts', () => {
  it('should keep every valid row and reject each broken row with its line and reason', async () => {
    const repo = createMemoryRepository();
    const report = await importCsv(repo, [CONTACTS], options({ kind: 'contacts' }));
    expect(report.rows).toBe(7);
    expect(report.accepted).toBe(2);
    expect(report.rejected).toEqual([
      { line: 3, reasons: ['Email: "not-an-email" is not an email address'] },
      { line: 4, reasons: [expect.stringMatching(/^Created At: "31\/31\/2024"/)] },
      { line: 6, reasons: ['the row has 8 fields but the header has 7 (a value with an unquoted delimiter?)'] },
      { line: 7, reasons: ['a contact needs an email, a phone number or a name'] },
      { line: 8, reasons: [expect.stringMatching(/^Phone: "12" has no country code/)] },
    ]);
    const contacts = await all(repo, 'contacts');
    expect(contacts.map((c) => c.emails[0]).sort()).toEqual(['ann@example.com', 'dee@example.com']);
    const ann = contacts.find((c) => c.firstName === 'Ann') as Contact;
    expect(ann).toMatchObject({
      phones: ['+442079460958'],
      createdAt: '2024-03-05T00:00:00.000Z',
      tags: ['vip'],
      customFields: { 'Favourite colour': 'red' },
      version: 1,
    });
    expect(report.unmapped).toEqual([
      { column: 6, header: 'Favourite colour', keptAs: 'customFields.Favourite colour' },
    ]);
  });

  it('should change nothing when the same file is imported twice', async () => {
    const repo = createMemoryRepository();
    await importCsv(repo, [CONTACTS], options({ kind: 'contacts' }));
    const before = await all(repo, 'contacts');
    const again = await importCsv(repo, [CONTACTS], { kind: 'contacts', now: () => '2026-02-02T00:00:00.000Z' });
    expect(again.stored.contacts).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await all(repo, 'contacts')).toEqual(before);
  });

  it('should update a re-imported row that changed and keep what the file does not say', async () => {
    const repo = createMemoryRepository();
    await importCsv(repo, ['Email,First Name,Tags\nann@example.com,Ann,vip\n'], options({ kind: 'contacts' }));
    const report = await importCsv(
      repo,
      ['Email,First Name,Title\nann@example.com,Annie,CTO\n'],
      options({ kind: 'contacts' }),
    );
    expect(report.stored.contacts).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const [ann] = await all(repo, 'contacts');
    expect(ann).toMatchObject({ firstName: 'Annie', title: 'CTO', tags: ['vip'], version: 2 });
  });

  it('should merge a certain duplicate into the stored contact and offer a doubtful one', async () => {
    const repo = createMemoryRepository();
    await importCsv(
      repo,
      ['Email,First Name,Last Name\njane.doe@gmail.com,Jane,Doe\njon.smith@acme.com,Jonathan,Smith\n'],
      options({ kind: 'contacts' }),
    );
    const report = await importCsv(
      repo,
      [
        'Email,First Name,Last Name,Phone\njanedoe+shop@googlemail.com,Jane,Doe,+12133734253\nj.smith@acme.com,Jonathon,Smith,\n',
      ],
      options({ kind: 'contacts' }),
    );
    expect(report.merged).toEqual([
      { line: 2, into: 'email:jane.doe@gmail.com', score: 0.95, signals: [expect.objectContaining({ kind: 'email' })] },
    ]);
    expect(report.duplicates).toEqual([
      expect.objectContaining({
        line: 3,
        a: 'email:jon.smith@acme.com',
        b: 'email:j.smith@acme.com',
        verdict: 'doubtful',
      }),
    ]);
    const jane = (await all(repo, 'contacts')).find((c) => c.firstName === 'Jane');
    expect(jane?.emails).toEqual(['jane.doe@gmail.com', 'janedoe+shop@googlemail.com']);
    expect(jane?.phones).toEqual(['+12133734253']);
    expect(await repo.count('contacts')).toBe(3);
  });

  it('should read a semicolon file with decimal commas, day-first dates and a BOM', async () => {
    const repo = createMemoryRepository();
    const file = '\uFEFFVorname;Nachname;E-Mail;Erstellt;Land\nJürgen;Groß;jg@example.de;24.12.2023;Deutschland\n';
    const report = await importCsv(repo, bytes(file), options({ kind: 'contacts' }));
    expect(report.rejected).toEqual([]);
    expect(report.bom).toBe(true);
    expect(report.formats.dateOrder).toBe('DMY');
    const [contact] = await all(repo, 'contacts');
    expect(contact).toMatchObject({
      firstName: 'Jürgen',
      lastName: 'Groß',
      createdAt: '2023-12-24T00:00:00.000Z',
      address: { country: 'DE' },
    });
  });

  it('should report an encoding problem with its line and still import the row', async () => {
    const repo = createMemoryRepository();
    const data = new Uint8Array([
      ...new TextEncoder().encode('Email,First Name\nann@example.com,Ren'),
      0xe9,
      ...new TextEncoder().encode('e\n'),
    ]);
    const report = await importCsv(repo, [data], options({ kind: 'contacts' }));
    expect(report.issues).toEqual([expect.objectContaining({ line: 2, kind: 'encoding' })]);
    expect((await all(repo, 'contacts'))[0]?.firstName).toBe('Ren\uFFFDe');
  });

  it('should follow a mapping override and refuse one that names no field', async () => {
    const repo = createMemoryRepository();
    const file = 'Handle,Contact\nann,ann@example.com\n';
    const report = await importCsv(repo, [file], options({ kind: 'contacts', mapping: { email: 1, firstName: 0 } }));
    expect(report.mapping).toMatchObject({
      email: { column: 1, header: 'Contact' },
      firstName: { column: 0, header: 'Handle' },
    });
    expect((await all(repo, 'contacts'))[0]).toMatchObject({ emails: ['ann@example.com'], firstName: 'ann' });
    await expect(importCsv(repo, [file], options({ kind: 'contacts', mapping: { colour: 1 } }))).rejects.toThrow(
      ImportSetupError,
    );
    await expect(importCsv(repo, [file], options({ kind: 'contacts', mapping: { email: 7 } }))).rejects.toThrow(
      /does not exist/,
    );
  });

  it('should stop at a cancel with every committed batch whole and say where to resume', async () => {
    const repo = createMemoryRepository();
    const lines = ['Email'];
    for (let i = 0; i < 50; i++) lines.push(`p${i}@example.com`);
    const controller = new AbortController();
    const report = await importCsv(
      repo,
      [lines.join('\n')],
      options({
        kind: 'contacts',
        batchSize: 10,
        signal: controller.signal,
        onProgress: (p) => p.rows >= 20 && controller.abort(),
      }),
    );
    expect(report.cancelled).toBe(true);
    expect(report.committedThroughLine).toBe(21);
    expect(report.rows).toBe(20);
    expect(await repo.count('contacts')).toBe(20);
  });
});

describe('importCsv: batch sizes', () => {
  it('should commit a smaller first batch, then batches of batchSize', async () => {
    const lines = ['Email', ...Array.from({ length: 50 }, (_, i) => `p${i}@example.com`)].join('\n');
    const through: number[] = [];
    const report = await importCsv(
      createMemoryRepository(),
      [lines],
      options({
        kind: 'contacts',
        batchSize: 20,
        firstBatchSize: 5,
        onProgress: (p) => through.push(p.committedThroughLine),
      }),
    );
    expect(through).toEqual([6, 26, 46, 51]);
    expect(report.accepted).toBe(50);
  });
});

describe('importCsv: batches written while the next is read', () => {
  const fifty = ['Email', ...Array.from({ length: 50 }, (_, i) => `p${i}@example.com`)].join('\n');
  /** The memory repository with writes that land a little later, `onWrite` told of each one's number. */
  const slowWrites = (onWrite: (n: number) => void) => {
    const repo = createMemoryRepository();
    let writes = 0;
    const write: typeof repo.write = async (ops) => {
      onWrite(++writes);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return repo.write(ops);
    };
    return { repo, slow: { ...repo, write } };
  };

  it('should report a batch that lands after a cancel as committed', async () => {
    const controller = new AbortController();
    const { repo, slow } = slowWrites((n) => n === 2 && controller.abort());
    const report = await importCsv(
      slow,
      [fifty],
      options({ kind: 'contacts', batchSize: 10, signal: controller.signal }),
    );
    expect(report).toMatchObject({ cancelled: true, rows: 20, accepted: 20, committedThroughLine: 21 });
    expect(await repo.count('contacts')).toBe(20);
  });

  it('should stop at a write that fails while the next batch is read, keeping the batches before it', async () => {
    const { repo, slow } = slowWrites((n) => {
      if (n === 3) throw new RepositoryError('quota', 'the storage quota is exhausted');
    });
    const report = await importCsv(slow, [fifty], options({ kind: 'contacts', batchSize: 10 }));
    expect(report).toMatchObject({ failed: 'the storage quota is exhausted', rows: 20, committedThroughLine: 21 });
    expect(await repo.count('contacts')).toBe(20);
  });
});

describe('importCsv: orders', () => {
  const SHOPIFY = [
    'Name,Email,Financial Status,Fulfillment Status,Currency,Subtotal,Total,Discount Code,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name',
    '#1001,ann@example.com,paid,fulfilled,EUR,30.00,27.00,WELCOME,3.00,2024-03-05 10:00:00 +0100,1,Mug,10.00,MUG-1,Ann Lee',
    '#1001,ann@example.com,,,,,,,,,2,Tea,10.00,TEA-1,',
    '#1002,bob@example.com,refunded,,EUR,5.00,5.00,,,2024-03-06 11:00:00 +0100,1,Card,5.00,CARD-1,Bob Stone',
    '#1003,,paid,,EUR,5.00,5.00,,,2024-03-07 11:00:00 +0100,1,Card,5.00,CARD-1,',
  ].join('\n');

  it("should group Shopify's line-item rows into orders and create their customers", async () => {
    const repo = createMemoryRepository();
    const report = await importCsv(repo, [SHOPIFY], options({ kind: 'orders' }));
    expect(report.source).toBe('shopify');
    expect(report.rejected).toEqual([
      { line: 5, reasons: ['the order names no customer: map a customer id or email column'] },
    ]);
    expect(report.stored).toEqual({
      contacts: { created: 2, updated: 0, unchanged: 0 },
      orders: { created: 2, updated: 0, unchanged: 0 },
    });
    const orders = await all(repo, 'orders');
    const first = orders.find((o) => o.number === '#1001');
    expect(first).toMatchObject({
      id: 'shopify:#1001',
      placedAt: '2024-03-05T09:00:00.000Z',
      status: 'fulfilled',
      total: { amount: 27, currency: 'EUR' },
      discounts: [{ code: 'WELCOME', amount: { amount: 3, currency: 'EUR' } }],
      lineItems: [
        { name: 'Mug', quantity: 1, sku: 'MUG-1', unitPrice: { amount: 10, currency: 'EUR' } },
        { name: 'Tea', quantity: 2, sku: 'TEA-1', unitPrice: { amount: 10, currency: 'EUR' } },
      ],
    });
    expect(orders.find((o) => o.number === '#1002')?.status).toBe('refunded');
    const ann = (await all(repo, 'contacts')).find((c) => c.emails[0] === 'ann@example.com');
    expect(ann).toMatchObject({ fullName: 'Ann Lee', lifecycleStage: 'customer' });
    expect(first?.contactId).toBe(ann?.id);
    const again = await importCsv(repo, [SHOPIFY], options({ kind: 'orders' }));
    expect(again.stored).toEqual({ orders: { created: 0, updated: 0, unchanged: 2 } });
  });

  it('should import one row per order without order ids, keeping identical orders apart', async () => {
    const repo = createMemoryRepository();
    const file =
      'customer_id,order_date,revenue,email\nc1,2006-12-01,"1,234.50",a@example.com\nc1,2006-12-01,"1,234.50",a@example.com\nc2,2006-12-02,10,\n';
    const report = await importCsv(repo, [file], options({ kind: 'orders', defaultCurrency: 'USD' }));
    expect(report.rejected).toEqual([]);
    expect(await repo.count('orders')).toBe(2 + 1);
    expect(await repo.count('contacts')).toBe(2);
    const again = await importCsv(repo, [file], options({ kind: 'orders', defaultCurrency: 'USD' }));
    expect(again.stored.orders).toEqual({ created: 0, updated: 0, unchanged: 3 });
  });

  it('should reject the rows of an order that come back after other orders instead of losing lines', async () => {
    const repo = createMemoryRepository();
    const file =
      'Order ID,Email,Date,Currency,Total,Product Name,Quantity,Unit Price\n1,a@example.com,2024-01-01,EUR,10,Mug,1,10\n2,b@example.com,2024-01-02,EUR,5,Card,1,5\n1,a@example.com,2024-01-01,EUR,10,Tea,1,10\n';
    const report = await importCsv(repo, [file], options({ kind: 'orders' }));
    expect(report.rejected).toEqual([
      { line: 4, reasons: [expect.stringContaining('order 1 already appeared earlier in the file')] },
    ]);
    expect(
      (await repo.get('orders', 'csv:1')).ok &&
        (await all(repo, 'orders')).find((o) => o.id === 'csv:1')?.lineItems.map((l) => l.name),
    ).toEqual(['Mug']);
  });

  it('should reject an order without a currency and say how to fix it', async () => {
    const repo = createMemoryRepository();
    const report = await importCsv(
      repo,
      ['order_id,email,date,total\n1,a@example.com,2024-01-01,10\n'],
      options({ kind: 'orders' }),
    );
    expect(report.rejected[0]?.reasons).toEqual([
      'the order names no currency: add a Currency column or set a default currency',
    ]);
  });
});

describe('importCsv: opportunities, cases, accounts and products', () => {
  it('should import Salesforce opportunities with their accounts', async () => {
    const repo = createMemoryRepository();
    const file =
      'Id,Name,StageName,Amount,CurrencyIsoCode,Probability,CloseDate,Account Name\n006A,Big deal,Negotiation/Review,"50,000.00",EUR,75,2024-06-30,Acme\n';
    const report = await importCsv(repo, [file], options({ kind: 'opportunities' }));
    expect(report.source).toBe('salesforce');
    expect(report.rejected).toEqual([]);
    const [deal] = await all(repo, 'opportunities');
    expect(deal).toMatchObject({
      id: 'salesforce:006A',
      stage: 'negotiation',
      amount: { amount: 50000, currency: 'EUR' },
      probability: 0.75,
      expectedClose: '2024-06-30',
    });
    const [acme] = await all(repo, 'accounts');
    expect(deal?.accountId).toBe(acme?.id);
  });

  it('should import Salesforce cases linked to their contact', async () => {
    const repo = createMemoryRepository();
    const file =
      'Case Number,Subject,Type,Priority,Status,Case Origin,Date/Time Opened,Date/Time Closed,Contact Email\n00001,Broken mug,Problem,High,Closed,Email,2024-03-01 09:00,2024-03-02 10:00,ann@example.com\n00002,,Question,Low,New,Web,2024-03-01 09:00,,\n';
    const report = await importCsv(repo, [file], options({ kind: 'cases' }));
    expect(report.rejected).toEqual([{ line: 3, reasons: ['a case needs a subject'] }]);
    const [item] = await all(repo, 'cases');
    expect(item).toMatchObject({
      type: 'problem',
      priority: 'high',
      status: 'closed',
      channel: 'email',
      resolvedAt: '2024-03-02T10:00:00.000Z',
    });
    expect(item?.contactId).toBe((await all(repo, 'contacts'))[0]?.id);
  });

  it('should import HubSpot companies and Shopify products', async () => {
    const repo = createMemoryRepository();
    await importCsv(
      repo,
      ['Record ID,Company name,Company Domain Name,Number of Employees\n9,Acme,https://www.acme.com/,120\n'],
      options({ kind: 'accounts' }),
    );
    expect((await all(repo, 'accounts'))[0]).toMatchObject({
      id: 'hubspot:9',
      name: 'Acme',
      domains: ['acme.com'],
      size: '51-200',
    });
    await importCsv(
      repo,
      ['Handle,Title,Type,Variant SKU,Variant Price,Status\nmug,Mug,Kitchen,MUG-1,10.00,active\n'],
      options({ kind: 'products', defaultCurrency: 'EUR' }),
    );
    expect((await all(repo, 'products'))[0]).toMatchObject({
      id: 'sku:MUG-1',
      name: 'Mug',
      category: 'Kitchen',
      price: { amount: 10, currency: 'EUR' },
      active: true,
      attributes: { Handle: 'mug' },
    });
  });
});

describe('previewCsv', () => {
  it('should show the detected mapping, the formats and the first rows as they would import', async () => {
    const preview = await previewCsv(['Email,Created At,Notes\na@example.com,03/04/2024,hi\nbad,05/04/2024,\n'], {
      kind: 'contacts',
      rows: 5,
    });
    expect(preview.mapping).toMatchObject({ email: { column: 0 }, createdAt: { column: 1 }, note: { column: 2 } });
    expect(preview.warnings).toEqual([expect.stringContaining('could be day-first or month-first')]);
    expect(preview.rows).toEqual([
      { line: 2, fields: expect.objectContaining({ emails: ['a@example.com'] }) },
      { line: 3, reasons: ['Email: "bad" is not an email address'] },
    ]);
  });
});

describe('importCsv: streaming', () => {
  it('should read a Node file stream in small chunks', async () => {
    const { createReadStream } = await import('node:fs');
    const { writeFile, mkdtemp, rm } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'cordial-import-'));
    const path = join(dir, 'contacts.csv');
    await writeFile(path, `\uFEFF${CONTACTS}`);
    try {
      const report = await importCsv(
        createMemoryRepository(),
        createReadStream(path, { highWaterMark: 16 }),
        options({ kind: 'contacts' }),
      );
      expect(report.bom).toBe(true);
      expect(report.accepted).toBe(2);
      expect(report.rejected.map((r) => r.line)).toEqual([3, 4, 6, 7, 8]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('should commit batches while the file is still being read, never holding it whole', async () => {
    const repo = createMemoryRepository();
    const total = 40;
    let produced = 0;
    // A lazy source of 40 chunks of 250 rows: it only yields when the importer asks.
    async function* source() {
      yield 'Email,First Name\n';
      for (let c = 0; c < total; c++) {
        produced++;
        yield Array.from({ length: 250 }, (_, i) => `p${c * 250 + i}@example.com,P${i}\n`).join('');
      }
    }
    const seenAtCommit: number[] = [];
    const report = await importCsv(
      repo,
      source(),
      options({ kind: 'contacts', batchSize: 1000, onProgress: () => seenAtCommit.push(produced) }),
    );
    expect(report.accepted).toBe(10_000);
    expect(await repo.count('contacts')).toBe(10_000);
    // The first commit came after the 64 KB the delimiter is detected from (about 11 chunks here)
    // and one batch, long before the 40th chunk was produced.
    expect(seenAtCommit.length).toBeGreaterThan(5);
    expect(seenAtCommit[0]).toBeLessThan(20);
  });
});
