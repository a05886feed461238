import * as z from 'zod';
import { CurrencySchema, IdSchema, InstantSchema, SourceSchema } from '../model/common.ts';
import { every, isId, isRecord, isText } from '../model/direct-checks.ts';
import { markParsed, wasParsed } from '../model/parse-record.ts';
import type { NewOrderColumns } from '../ports/order-columns.ts';
import { ORDER_STATUSES } from '../ports/order-facts.ts';

/**
 * The columns of new orders, checked column by column with the same field schemas as OrderSchema: one
 * zod call per column of a batch instead of one per order object. A row that passes every column
 * check makes a valid Order (no line items or discounts, version 1, one currency), so the rows are
 * validated as surely as by parseRecord, at a fraction of the cost.
 */
export const OrderColumnsSchema = z.object({
  createdAt: InstantSchema,
  source: SourceSchema.optional(),
  system: z.string().min(1).optional(),
  ids: z.array(IdSchema),
  contactIds: z.array(IdSchema),
  numbers: z.array(z.string().min(1).optional()),
  externalIds: z.array(z.string().min(1).optional()),
  placedAt: z.instanceof(Float64Array),
  status: z.instanceof(Uint8Array),
  currencies: z.array(CurrencySchema),
  total: z.instanceof(Float64Array),
});

const ROW_COLUMNS = [
  'ids',
  'contactIds',
  'numbers',
  'externalIds',
  'placedAt',
  'status',
  'currencies',
  'total',
] as const;

export type ParsedOrderColumns =
  | { ok: true; value: NewOrderColumns }
  /** `rows`: the rows (by index) that fail, with why; `issues`: a summary (and what fails the batch as a whole). */
  | { ok: false; rows: Map<number, string[]>; issues: string };

/** The columns' scalars (one zod call each, whatever the number of rows). */
const ScalarsSchema = OrderColumnsSchema.pick({ createdAt: true, source: true, system: true });
const optionalNonEmpty = (value: unknown) => value === undefined || isText(value, 1);

/**
 * Whether OrderColumnsSchema accepts the columns, proved without zod's walk over a hundred thousand
 * values per column (zod then explains only what this cannot prove); the test holds it to zod.
 */
export function provablyValid(columns: NewOrderColumns): boolean {
  if (!isRecord(columns) || !ScalarsSchema.safeParse(columns).success) return false;
  const { placedAt, status, total, currencies } = columns;
  if (!(placedAt instanceof Float64Array && status instanceof Uint8Array && total instanceof Float64Array))
    return false;
  if (!(every(columns.ids, isId) && every(columns.contactIds, isId))) return false;
  if (!(every(columns.numbers, optionalNonEmpty) && every(columns.externalIds, optionalNonEmpty))) return false;
  // Currencies repeat: a value equal to the last one proved is proved, so zod sees each run of them once.
  let proved: string | undefined;
  return every(currencies, (code) => {
    if (code === proved && proved !== undefined) return true;
    if (!CurrencySchema.safeParse(code).success) return false;
    proved = code as string;
    return true;
  });
}

/** Whole milliseconds within the range of Date (what a valid ISO instant stands for). */
const isInstant = (ms: number) => Number.isInteger(ms) && Math.abs(ms) <= 8.64e15;

/** Validates order columns; valid ones are remembered, so the repository does not check them again. */
export function parseOrderColumns(columns: NewOrderColumns): ParsedOrderColumns {
  if (wasParsed(columns)) return { ok: true, value: columns };
  const rows = new Map<number, string[]>();
  const whole: string[] = [];
  const add = (row: number, issue: string) => {
    const list = rows.get(row);
    if (list) list.push(issue);
    else rows.set(row, [issue]);
  };
  const result = provablyValid(columns) ? undefined : OrderColumnsSchema.safeParse(columns);
  if (result && !result.success)
    for (const issue of result.error.issues) {
      const [column, row] = issue.path;
      if (typeof row === 'number') add(row, `${String(column)}: ${issue.message}`);
      else whole.push(`${issue.path.join('.') || 'columns'}: ${issue.message}`);
    }
  const n = Array.isArray(columns?.ids) ? columns.ids.length : 0;
  for (const name of ROW_COLUMNS)
    if ((columns?.[name] as { length?: unknown } | undefined)?.length !== n)
      whole.push(`${name}: has not one value per order (${n})`);
  if (whole.length === 0)
    for (let i = 0; i < n; i++) {
      if ((columns.status[i] as number) >= ORDER_STATUSES.length) add(i, `status: no status ${columns.status[i]}`);
      if (!Number.isFinite(columns.total[i])) add(i, 'total: expected a finite number');
      if (!isInstant(columns.placedAt[i] as number))
        add(i, `placedAt: ${columns.placedAt[i]} is not an instant in epoch ms`);
      if (columns.externalIds[i] !== undefined && columns.system === undefined)
        add(i, 'externalIds: an external id needs the system it belongs to');
    }
  if (whole.length === 0 && rows.size === 0) {
    markParsed(columns);
    return { ok: true, value: columns };
  }
  const first = [...rows]
    .slice(0, 10)
    .map(([row, issues]) => `row ${row} (${columns.ids?.[row]}): ${issues.join('; ')}`);
  return { ok: false, rows, issues: [...whole, ...first].join(' | ') };
}
