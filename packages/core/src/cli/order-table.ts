import Papa from 'papaparse';
import type { Purchase } from '../models/calibration-summary.ts';
import { parseDayNumber } from '../rfm/day-number.ts';

/** Which input column holds what: a header name, or a 1-based column number. */
export interface ColumnChoice {
  readonly customer?: string;
  readonly date?: string;
  readonly amount?: string;
}

export interface RowProblem {
  readonly line: number;
  readonly message: string;
}

export type OrderTable =
  | {
      readonly ok: true;
      readonly purchases: Purchase[];
      readonly problems: RowProblem[];
      /** The columns used, as header names (or "column N" for headerless input). */
      readonly columns: { customer: string; date: string; amount: string };
    }
  | { readonly ok: false; readonly message: string; readonly problems: RowProblem[] };

/** Header names people use for each role, compared lower-case without punctuation. */
const COMMON_NAMES = {
  customer: [
    'customerid',
    'customer',
    'custid',
    'clientid',
    'client',
    'userid',
    'contactid',
    'accountid',
    'buyerid',
    'id',
  ],
  date: [
    'orderdate',
    'date',
    'purchasedate',
    'transactiondate',
    'invoicedate',
    'orderedat',
    'createdat',
    'timestamp',
    'day',
  ],
  amount: ['revenue', 'amount', 'total', 'ordertotal', 'value', 'dollarvalue', 'sales', 'monetary', 'price', 'spend'],
} as const;

/**
 * Headerless layouts we recognise by their column count: CDNOW_master.txt (customer,
 * date, CDs, dollars) and CDNOW_sample.txt (master id, sample id, date, CDs, dollars —
 * the sample id is what the published summaries use). Three columns are read as
 * customer, date, amount.
 */
const HEADERLESS_LAYOUTS: Record<number, [number, number, number]> = { 3: [1, 2, 3], 4: [1, 2, 4], 5: [2, 3, 5] };

const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Reads orders from CSV/TSV (delimiter detected, header row) or whitespace-separated
 * text (with or without a header, like the CDNOW files). Bad rows become problems with
 * their line numbers and are skipped; the table fails only when no row is usable.
 */
export function readOrderTable(text: string, choice: ColumnChoice = {}): OrderTable {
  const rows = splitRows(text);
  if (rows.length === 0) return { ok: false, message: 'The input has no rows.', problems: [] };
  const first = rows[0] as { line: number; cells: string[] };
  const hasHeader = first.cells.some((cell) => cell.trim() !== '' && !/^[-+]?[\d.]+$/.test(cell.trim()));
  const header = hasHeader ? first.cells.map((c) => c.trim()) : first.cells.map((_, i) => `column ${i + 1}`);
  const resolved = resolveColumns(header, hasHeader, choice);
  if (typeof resolved === 'string') return { ok: false, message: resolved, problems: [] };
  const [ci, di, ai] = resolved;
  const problems: RowProblem[] = [];
  const purchases: Purchase[] = [];
  for (const { line, cells } of hasHeader ? rows.slice(1) : rows) {
    const id = cells[ci]?.trim() ?? '';
    const dateText = cells[di]?.trim() ?? '';
    const amountText = cells[ai]?.trim() ?? '';
    const day = parseDayNumber(dateText);
    const amount = amountText === '' ? Number.NaN : Number(amountText);
    if (id === '') problems.push({ line, message: `no customer id in column "${header[ci]}"` });
    else if (day === undefined)
      problems.push({ line, message: `"${dateText}" is not a date (YYYY-MM-DD or YYYYMMDD)` });
    else if (!Number.isFinite(amount)) problems.push({ line, message: `"${amountText}" is not an amount` });
    else if (amount < 0) problems.push({ line, message: `negative amount ${amountText} (returns are not supported)` });
    else purchases.push({ customerId: id, day, amount });
  }
  const columns = { customer: header[ci] as string, date: header[di] as string, amount: header[ai] as string };
  if (purchases.length === 0) return { ok: false, message: 'No usable order rows.', problems };
  return { ok: true, purchases, problems, columns };
}

function splitRows(text: string): { line: number; cells: string[] }[] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  if (/[,;\t]/.test(firstLine)) {
    const parsed = Papa.parse<string[]>(body, { skipEmptyLines: false });
    // papaparse keeps quoted line breaks inside a field; count lines to keep numbers right.
    let line = 1;
    const out: { line: number; cells: string[] }[] = [];
    for (const cells of parsed.data) {
      if (!(cells.length === 1 && cells[0] === '')) out.push({ line, cells });
      line += 1 + cells.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
    }
    return out;
  }
  return body
    .split(/\r?\n/)
    .map((raw, i) => ({ line: i + 1, cells: raw.trim().split(/\s+/) }))
    .filter((row) => row.cells.join('') !== '');
}

function resolveColumns(header: string[], hasHeader: boolean, choice: ColumnChoice): [number, number, number] | string {
  const roles = ['customer', 'date', 'amount'] as const;
  const layout = hasHeader ? undefined : HEADERLESS_LAYOUTS[header.length];
  const picked: number[] = [];
  for (const [k, role] of roles.entries()) {
    const wanted = choice[role];
    let index = -1;
    if (wanted !== undefined) {
      index = /^\d+$/.test(wanted) ? Number(wanted) - 1 : header.findIndex((h) => normalise(h) === normalise(wanted));
      if (index < 0 || index >= header.length) {
        return `No column "${wanted}" for --${role}; the columns are: ${header.join(', ')}.`;
      }
    } else if (hasHeader) {
      const names = header.map(normalise);
      const known = COMMON_NAMES[role].map((n) => names.indexOf(n)).find((i) => i >= 0 && !picked.includes(i));
      index = known ?? -1;
    } else if (layout) index = (layout[k] as number) - 1;
    if (index < 0) {
      return `Cannot tell which column holds the ${role}; name it with --${role} COLUMN (a header name or a 1-based number). The columns are: ${header.join(', ')}.`;
    }
    picked.push(index);
  }
  return picked as [number, number, number];
}
