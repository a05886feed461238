import { type CliIo, type OptionValue, type OptionValues, UsageError } from './command.ts';
import { type OrderTable, readOrderTable } from './order-table.ts';

const MAX_PROBLEMS_SHOWN = 50;

/** The options every command that reads an orders file takes. */
export const ORDER_FILE_OPTIONS = {
  customer: { type: 'string' },
  date: { type: 'string' },
  amount: { type: 'string' },
  format: { type: 'string' },
} as const;

/** Reads the orders file of a command, reports bad rows on stderr, and returns the usable orders. */
export async function readOrdersFor(
  command: string,
  path: string | undefined,
  values: OptionValues,
  io: CliIo,
): Promise<OrderTable> {
  if (!path) throw new UsageError(`cordial ${command} needs an orders file (or - for standard input).`);
  let text: string;
  try {
    text = await io.readText(path);
  } catch (error) {
    return { ok: false, message: `Cannot read ${path}: ${(error as Error).message}`, problems: [] };
  }
  const column = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  const table = readOrderTable(text, { customer: column('customer'), date: column('date'), amount: column('amount') });
  for (const p of table.problems.slice(0, MAX_PROBLEMS_SHOWN)) io.stderr(`${path}:${p.line}: skipped: ${p.message}\n`);
  if (table.problems.length > MAX_PROBLEMS_SHOWN) {
    io.stderr(`${path}: … and ${table.problems.length - MAX_PROBLEMS_SHOWN} more bad rows skipped\n`);
  }
  return table;
}

/** Parses a YYYY-MM-DD option into a day number, or throws a UsageError naming the option. */
export function dayOption(name: string, value: OptionValue, parse: (t: string) => number | undefined) {
  const day = typeof value === 'string' ? parse(value) : undefined;
  if (day === undefined)
    throw new UsageError(`--${name} needs a date as YYYY-MM-DD${value ? `, not "${value}"` : ''}.`);
  return day;
}

export function numberOption(name: string, value: OptionValue, fallback: number): number {
  if (value === undefined) return fallback;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) throw new UsageError(`--${name} needs a number, not "${String(value)}".`);
  return n;
}

export function formatOption(value: OptionValue, fallback: 'csv' | 'json'): 'csv' | 'json' {
  if (value === undefined) return fallback;
  if (value === 'csv' || value === 'json') return value;
  throw new UsageError(`--format is csv or json, not "${String(value)}".`);
}

/** One CSV field, quoted when it has to be (RFC 4180). */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Fixed decimals without trailing zeros: 30.428571 → "30.428571", 2 → "2". */
export function round(value: number, decimals = 6): number {
  return Number(value.toFixed(decimals));
}
