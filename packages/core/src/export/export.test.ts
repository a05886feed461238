import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createMemoryRepository } from '../adapters/memory/memory-repository.ts';
import { mergeContacts, undoMerge } from '../identity/merge-contacts.ts';
import { STORE_NAMES } from '../model/stores.ts';
import type { Repository } from '../ports/repository.ts';
import { generateDataset } from '../testing/generate.ts';
import { storeDataset } from '../testing/store-dataset.ts';
import { exportBackup, RestoreError, restoreBackup } from './backup.ts';
import { csvCell, csvLine } from './csv-cell.ts';
import { exportStoreCsv, storeColumns } from './store-csv.ts';

async function snapshot(repo: Repository) {
  const out: Record<string, unknown[]> = {};
  for (const store of STORE_NAMES) out[store] = (await repo.list(store, { limit: 1_000_000 })).records;
  return out;
}

async function text(chunks: AsyncIterable<string>) {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

describe('backup', () => {
  it('should restore a backup exactly, whatever the chunking', async () => {
    const data = generateDataset({ seed: 5, contacts: 40 });
    const repo = createMemoryRepository();
    await storeDataset(repo, data);
    const [a, b] = data.contacts as [(typeof data.contacts)[0], (typeof data.contacts)[0]];
    const merge = await mergeContacts(repo, a.id, [b.id], { now: () => '2026-11-19T00:00:00.000Z' });
    const backup = await text(exportBackup(repo, { now: () => '2026-11-20T00:00:00.000Z', pageSize: 7 }));
    const bytes = new TextEncoder().encode(backup);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 4093) }, (_, i) =>
      bytes.subarray(i * 4093, (i + 1) * 4093),
    );
    const copy = createMemoryRepository();
    const report = await restoreBackup(copy, chunks, { batchSize: 100 });
    expect(report.rejected).toEqual([]);
    expect(await snapshot(copy)).toEqual(await snapshot(repo));
    for (const store of STORE_NAMES) expect(report.restored[store] ?? 0).toBe(report.expected[store]);
    // The merge record came along: the merge can still be undone in the restored copy.
    expect(report.restored.merges).toBe(1);
    expect(await copy.listMerges()).toEqual({ records: [merge], corrupt: [] });
    expect(await undoMerge(copy, merge)).toEqual({ ok: true });
  });

  it('should refuse to restore over existing data or from a file that is no backup', async () => {
    const repo = createMemoryRepository();
    await expect(restoreBackup(repo, ['{"hello":1}\n'])).rejects.toThrow(RestoreError);
    const backup = await text(exportBackup(repo));
    await repo.put('products', {
      id: 'p',
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      version: 1,
      sku: 'S',
      name: 'N',
      attributes: {},
      active: true,
      externalIds: {},
    });
    await expect(restoreBackup(repo, [backup])).rejects.toThrow(/not empty/);
  });

  it('should reject a damaged record line and restore the rest', async () => {
    const lines = [
      JSON.stringify({ format: 'cordial-backup', version: 1, exportedAt: 'x', counts: { products: 2 } }),
      JSON.stringify({
        store: 'products',
        record: {
          id: 'p1',
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z',
          version: 1,
          sku: 'S',
          name: 'N',
          attributes: {},
          active: true,
          externalIds: {},
        },
      }),
      JSON.stringify({ store: 'products', record: { id: 'p2', sku: '' } }),
    ];
    const repo = createMemoryRepository();
    const report = await restoreBackup(repo, [lines.join('\n')]);
    expect(report.restored).toEqual({ products: 1 });
    expect(report.rejected.map((r) => r.line)).toEqual([3]);
    expect(report.rejected[0]).toMatchObject({ store: 'products', id: 'p2' });
  });

  it('should add a backup to existing data when asked to merge, replacing records with the same id', async () => {
    const data = generateDataset({ seed: 3, contacts: 5 });
    const repo = createMemoryRepository();
    await repo.putMany('contacts', data.contacts);
    const [first, second] = data.contacts;
    if (!first || !second) throw new Error('the generator made too few contacts');
    const lines = [
      JSON.stringify({ format: 'cordial-backup', version: 1, exportedAt: 'x', counts: { contacts: 2 } }),
      JSON.stringify({ store: 'contacts', record: { ...first, firstName: 'Changed' } }),
      JSON.stringify({ store: 'contacts', record: { ...second, id: 'new-1' } }),
    ];
    const report = await restoreBackup(repo, [lines.join('\n')], { merge: true });
    expect(report.restored).toEqual({ contacts: 2 });
    expect(await repo.count('contacts')).toBe(data.contacts.length + 1);
    const changed = await repo.get('contacts', first.id);
    expect(changed.ok && changed.value.firstName).toBe('Changed');
  });
});

describe('CSV export', () => {
  it('should neutralise cells that a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil","click")')).toBe('"\'=HYPERLINK(""http://evil"",""click"")"');
    expect(csvCell('+44 20 7946 0958')).toBe("'+44 20 7946 0958");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell('plain, with comma')).toBe('"plain, with comma"');
    expect(csvLine(['a"b', 'line\nbreak', null, true])).toBe('"a""b","line\nbreak",,true');
  });

  it('should write each store as CSV that parses back to its records', async () => {
    const data = generateDataset({ seed: 9, contacts: 10 });
    const repo = createMemoryRepository();
    await repo.putMany('contacts', data.contacts);
    await repo.putMany('orders', data.orders);
    for (const store of ['contacts', 'orders'] as const) {
      const csv = await text(exportStoreCsv(repo, store, { pageSize: 3 }));
      const parsed = Papa.parse<Record<string, string>>(csv.trim(), { header: true });
      expect(parsed.errors).toEqual([]);
      expect(parsed.meta.fields).toEqual(storeColumns(store));
      expect(parsed.data.map((r) => r.id).sort()).toEqual(data[store].map((r) => r.id).sort());
    }
    const csv = await text(exportStoreCsv(repo, 'contacts'));
    const first = Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data.find(
      (r) => r.id === data.contacts[0]?.id,
    );
    expect(first?.emails).toBe(data.contacts[0]?.emails.join('; '));
  });
});
