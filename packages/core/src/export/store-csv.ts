/**
 * Each store as a CSV for spreadsheets: one column per field of the record kind, lists
 * joined with "; ", nested values (addresses, money, line items) as JSON text, and every
 * text cell protected against formula injection (see csv-cell.ts).
 */
import type * as z from 'zod';
import { RECORD_SCHEMAS, type StoreName } from '../model/stores.ts';
import type { CorruptRecord, Repository } from '../ports/repository.ts';
import { csvLine } from './csv-cell.ts';

/** The record's fields in schema order: the columns of the store's CSV. */
export function storeColumns(store: StoreName): string[] {
  return Object.keys((RECORD_SCHEMAS[store] as unknown as z.ZodObject).shape);
}

function cellValue(value: unknown): unknown {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
    return value.join('; ');
  return value;
}

/** The store as CSV text chunks (header first), read a page at a time. */
export async function* exportStoreCsv(
  repo: Repository,
  store: StoreName,
  options: { pageSize?: number; onCorrupt?: (record: CorruptRecord) => void } = {},
): AsyncGenerator<string> {
  const columns = storeColumns(store);
  yield `${csvLine(columns)}\r\n`;
  let after: string | undefined;
  do {
    const page = await repo.list(store, { limit: options.pageSize ?? 2000, ...(after !== undefined && { after }) });
    for (const bad of page.corrupt) options.onCorrupt?.(bad);
    if (page.records.length > 0)
      yield page.records
        .map(
          (record) =>
            `${csvLine(columns.map((c) => cellValue((record as unknown as Record<string, unknown>)[c])))}\r\n`,
        )
        .join('');
    after = page.next;
  } while (after !== undefined);
}
