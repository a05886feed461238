/**
 * How a file writes numbers and dates, decided from a sample of its rows before the import
 * starts (and shown in the preview). The user's explicit choices always win; what the
 * sample can't decide falls back to a stated default with a warning in the report.
 */
import type { FieldSpecs } from './column-mapping.ts';
import { type DateOrder, type DecimalMark, detectDateOrder, detectDecimalMark } from './parse-values.ts';
import type { ValueFormats } from './row-values.ts';

export interface FormatOptions {
  decimalMark?: DecimalMark;
  dateOrder?: DateOrder;
  offsetMinutes?: number;
  defaultCurrency?: string;
  defaultCountry?: string;
}

export function detectFormats(
  sample: readonly (readonly string[])[],
  fields: Readonly<Record<string, number>>,
  specs: FieldSpecs,
  options: FormatOptions,
): { formats: ValueFormats; warnings: string[] } {
  const warnings: string[] = [];
  const cellsOf = (column: number) => sample.map((cells) => cells[column] ?? '').filter((c) => c.trim() !== '');
  const columnDecimalMarks: Record<number, DecimalMark> = {};
  const dateCells: string[] = [];
  for (const [field, column] of Object.entries(fields)) {
    const type = specs[field]?.type;
    if (type === 'amount' || type === 'number' || type === 'percent') {
      if (options.decimalMark) continue;
      const mark = detectDecimalMark(cellsOf(column));
      if (mark !== 'ambiguous') columnDecimalMarks[column] = mark;
    } else if (type === 'date') dateCells.push(...cellsOf(column));
  }
  // One decimal mark per file: the columns that could tell agree with each other or the user decides.
  const marks = new Set(Object.values(columnDecimalMarks));
  const decimalMark: DecimalMark = options.decimalMark ?? (marks.size === 1 ? ([...marks][0] as DecimalMark) : '.');
  if (marks.size > 1)
    warnings.push('columns disagree on the decimal mark; each column is read with the mark its values show');
  let dateOrder: DateOrder = options.dateOrder ?? 'DMY';
  if (!options.dateOrder) {
    const detected = detectDateOrder(dateCells);
    if (detected === 'DMY' || detected === 'MDY') dateOrder = detected;
    else if (detected === 'inconsistent')
      warnings.push(
        'dates are written both day-first and month-first; read as DD/MM/YYYY, rows that do not fit are rejected',
      );
    else if (dateCells.some((cell) => /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/.test(cell.trim())))
      warnings.push(
        'dates such as 03/04/2024 could be day-first or month-first; read as DD/MM/YYYY (set the date order to change)',
      );
  }
  return {
    formats: {
      columnDecimalMarks,
      decimalMark,
      dateOrder,
      offsetMinutes: options.offsetMinutes ?? 0,
      defaultCurrency: options.defaultCurrency,
      defaultCountry: options.defaultCountry,
    },
    warnings,
  };
}
