import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryRepository } from '../adapters/memory/memory-repository.ts';
import { quoteCsv } from '../export/csv-cell.ts';
import { importCsv } from './import-csv.ts';

/** A cell that is valid, invalid or empty, with the text to write for it. */
type Cell = { kind: 'valid' | 'invalid' | 'empty'; text: string };

const emailCell = (i: number): fc.Arbitrary<Cell> =>
  fc.oneof(
    fc.constant<Cell>({ kind: 'valid', text: `person${i}@example.com` }),
    fc.constantFrom<Cell>({ kind: 'invalid', text: `person${i}.example.com` }, { kind: 'invalid', text: `@x${i}` }),
    fc.constant<Cell>({ kind: 'empty', text: '' }),
  );
const phoneCell = (i: number): fc.Arbitrary<Cell> =>
  fc.oneof(
    // Unique per row so that no two valid rows are the same person.
    fc.constant<Cell>({ kind: 'valid', text: `+44 20 7946 ${String(1000 + i).padStart(4, '0')}` }),
    fc.constantFrom<Cell>({ kind: 'invalid', text: '12' }, { kind: 'invalid', text: 'call me' }),
    fc.constant<Cell>({ kind: 'empty', text: '' }),
  );
const dateCell: fc.Arbitrary<Cell> = fc.oneof(
  fc
    .date({ min: new Date('1990-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
    .map((d): Cell => ({ kind: 'valid', text: d.toISOString().slice(0, 10) })),
  fc.constantFrom<Cell>({ kind: 'invalid', text: '2024-02-30' }, { kind: 'invalid', text: 'soon' }),
  fc.constant<Cell>({ kind: 'empty', text: '' }),
);
/** Names with the characters that break naive CSV code: delimiters, quotes, line breaks, accents. */
// Suffixed with the row number: two name-only rows with the same name are one person by design.
const nameCell = (i: number): fc.Arbitrary<Cell> =>
  fc.oneof(
    fc
      .string({ unit: fc.constantFrom('a', 'É', 'ß', ',', '"', '\n', ' ', 'z', '😀'), maxLength: 8 })
      .map((text): Cell => ({ kind: 'valid', text: `${text}n${i}` })),
    fc.constant<Cell>({ kind: 'empty', text: '' }),
  );

const rowArb = (i: number) =>
  fc.record({ email: emailCell(i), phone: phoneCell(i), name: nameCell(i), created: dateCell });

describe('importCsv properties', () => {
  it('should store every valid row and reject every invalid one, whatever the chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 25 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => rowArb(i)))),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 7 }),
        async (rows, chunkSize, batchSize) => {
          const text = [
            'Email,Phone,First Name,Created At',
            ...rows.map((r) => [r.email, r.phone, r.name, r.created].map((c) => quoteCsv(c.text)).join(',')),
          ].join('\r\n');
          const data = new TextEncoder().encode(text);
          const chunks = Array.from({ length: Math.ceil(data.length / chunkSize) }, (_, k) =>
            data.subarray(k * chunkSize, (k + 1) * chunkSize),
          );
          const repo = createMemoryRepository();
          const report = await importCsv(repo, chunks, {
            kind: 'contacts',
            batchSize,
            now: () => '2026-01-01T00:00:00.000Z',
          });

          const valid = rows.map((r) => {
            const cells = [r.email, r.phone, r.created];
            const identified = r.email.kind !== 'empty' || r.phone.kind !== 'empty' || r.name.kind !== 'empty';
            return identified && cells.every((c) => c.kind !== 'invalid');
          });
          // Line numbers: the header is line 1 and names may span lines.
          const lines: number[] = [];
          let line = 2;
          for (const r of rows) {
            lines.push(line);
            line += 1 + (r.name.text.match(/\n/g)?.length ?? 0);
          }
          const expectedRejected = lines.filter((_, i) => !valid[i]);
          expect(report.rejected.map((r) => r.line)).toEqual(expectedRejected);
          expect(report.accepted).toBe(valid.filter(Boolean).length);
          const stored = (await repo.list('contacts', { limit: 1000 })).records;
          expect(stored).toHaveLength(valid.filter(Boolean).length);
          rows.forEach((r, i) => {
            if (!valid[i]) return;
            const match = stored.find((c) =>
              r.email.kind === 'valid'
                ? c.emails.includes(r.email.text)
                : r.phone.kind === 'valid'
                  ? c.phones.length > 0 && c.phones[0] === `+44207946${String(1000 + i).padStart(4, '0')}`
                  : c.firstName === r.name.text.trim(),
            );
            expect(match, `row ${i} is stored`).toBeDefined();
            if (r.name.kind === 'valid') expect(match?.firstName).toBe(r.name.text.trim());
          });
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});
