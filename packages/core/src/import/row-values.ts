/**
 * Typed access to one CSV row through the column mapping. A kind's builder asks for fields
 * by type (`row.text('firstName')`, `row.amount('total')`); an empty cell is `undefined`,
 * and a cell that does not parse records a reason naming the column, so a row is rejected
 * with every problem it has rather than imported with a value silently dropped.
 */
import { normalizeEmail } from '../identity/normalize-email.ts';
import { normalizePhone } from '../identity/normalize-phone.ts';
import type { FieldSpecs } from './column-mapping.ts';
import {
  type Amount,
  type DateOrder,
  type DecimalMark,
  parseAmount,
  parseBoolean,
  parseDate,
  parseDecimal,
} from './parse-values.ts';

/** How this file writes its values; decided in the preview, overridable by the user. */
export interface ValueFormats {
  /** Decimal mark by column index (columns not listed use `decimalMark`). */
  columnDecimalMarks: Record<number, DecimalMark>;
  decimalMark: DecimalMark;
  dateOrder: DateOrder;
  /** Offset from UTC in minutes for times written without a zone. */
  offsetMinutes: number;
  /** ISO 4217, for amounts that name no currency. */
  defaultCurrency?: string | undefined;
  /** ISO 3166 alpha-2, for phone numbers written without a country code. */
  defaultCountry?: string | undefined;
}

/** A trimmed cell as an ISO 4217 code (any case), or undefined. */
export function currencyCode(text: string): string | undefined {
  return /^[a-z]{3}$/i.test(text) ? text.toUpperCase() : undefined;
}

/**
 * A trimmed cell's value in a table of known values, case and punctuation ignored ("Partially paid" is
 * `partiallypaid`); only the table's own keys count, so "constructor" is no value.
 */
export function lookUp<T extends string>(table: Readonly<Record<string, T>>, text: string): T | undefined {
  const key = text.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

export class RowValues {
  readonly problems: string[] = [];
  /**
   * The last cell read by `currency` and `oneOf` for each field, with its value: such columns repeat one
   * value down a file, and a million rows should not make a million copies of "EUR" or "paid".
   */
  private readonly last = new Map<string, [text: string, value: string]>();

  constructor(
    private cells: readonly string[],
    private readonly headers: readonly string[],
    private readonly fields: Readonly<Record<string, number>>,
    private readonly specs: FieldSpecs,
    private readonly formats: ValueFormats,
  ) {}

  /** Moves on to another row of the same file (one instance serves a whole import). */
  read(cells: readonly string[]): this {
    this.cells = cells;
    this.problems.length = 0;
    return this;
  }

  /** The trimmed cell of a field, or undefined when the field is unmapped or the cell empty. */
  raw(field: string): string | undefined {
    const column = this.fields[field];
    if (column === undefined) return undefined;
    const cell = this.cells[column]?.trim();
    return cell === '' ? undefined : cell;
  }

  has(field: string): boolean {
    return this.raw(field) !== undefined;
  }

  private column(field: string): string {
    const index = this.fields[field] as number;
    return this.headers[index] ?? this.specs[field]?.label ?? field;
  }

  /** Records a problem with a field's cell; the row will be rejected. */
  reject(field: string, reason: string): undefined {
    this.problems.push(`${this.column(field)}: ${reason}`);
    return undefined;
  }

  text(field: string): string | undefined {
    return this.raw(field);
  }

  email(field: string): string | undefined {
    const text = this.raw(field);
    if (text === undefined) return undefined;
    return normalizeEmail(text) ? text.toLowerCase() : this.reject(field, `"${text}" is not an email address`);
  }

  /** A list of addresses in one cell ("a@x.com; b@y.com"). */
  emails(field: string): string[] {
    const text = this.raw(field);
    if (text === undefined) return [];
    const out: string[] = [];
    for (const part of text.split(/[;,\s]+/).filter(Boolean)) {
      if (normalizeEmail(part)) out.push(part.toLowerCase());
      else this.reject(field, `"${part}" is not an email address`);
    }
    return out;
  }

  phone(field: string): string | undefined {
    const text = this.raw(field);
    if (text === undefined) return undefined;
    // Spreadsheets turn "+44…" into a formula error or drop the plus; a leading apostrophe is their escape.
    const result = normalizePhone(text.replace(/^'/, ''), this.formats.defaultCountry);
    return result.ok ? result.e164 : this.reject(field, result.reason);
  }

  number(field: string): number | undefined {
    const text = this.raw(field);
    if (text === undefined) return undefined;
    const result = parseDecimal(text, this.markOf(field));
    return result.ok ? result.value : this.reject(field, result.reason);
  }

  /** "20%", "20" or "0.2" → 0.2. */
  percent(field: string): number | undefined {
    const text = this.raw(field);
    if (text === undefined) return undefined;
    const result = parseDecimal(text.replace(/%$/, ''), this.markOf(field));
    if (!result.ok) return this.reject(field, result.reason);
    const value = text.endsWith('%') || result.value > 1 ? result.value / 100 : result.value;
    return value < 0 || value > 1 ? this.reject(field, `"${text}" is not a percentage between 0 and 100`) : value;
  }

  amount(field: string): Amount | undefined {
    const text = this.raw(field);
    if (text === undefined) return undefined;
    const result = parseAmount(text, this.markOf(field), this.formats.defaultCurrency);
    return result.ok ? result.value : this.reject(field, result.reason);
  }

  currency(field: string): string | undefined {
    const text = this.raw(field);
    if (text === undefined) return undefined;
    const last = this.last.get(field);
    if (last?.[0] === text) return last[1];
    const code = currencyCode(text);
    if (code === undefined) return this.reject(field, `"${text}" is not an ISO 4217 currency code`);
    this.last.set(field, [text, code]);
    return code;
  }

  date(field: string): string | undefined {
    const text = this.raw(field);
    if (text === undefined) return undefined;
    const result = parseDate(text, { order: this.formats.dateOrder, offsetMinutes: this.formats.offsetMinutes });
    return result.ok ? result.value : this.reject(field, result.reason);
  }

  /** A calendar date (YYYY-MM-DD) as written, without moving it across a time zone. */
  day(field: string): string | undefined {
    const text = this.raw(field);
    if (text === undefined) return undefined;
    const result = parseDate(text, { order: this.formats.dateOrder, offsetMinutes: 0 });
    return result.ok ? result.value.slice(0, 10) : this.reject(field, result.reason);
  }

  boolean(field: string): boolean | undefined {
    const text = this.raw(field);
    if (text === undefined) return undefined;
    const result = parseBoolean(text);
    return result.ok ? result.value : this.reject(field, result.reason);
  }

  /** "vip, newsletter" → ["vip", "newsletter"]. */
  list(field: string): string[] {
    const text = this.raw(field);
    return text === undefined
      ? []
      : [
          ...new Set(
            text
              .split(/[,;|]/)
              .map((t) => t.trim())
              .filter(Boolean),
          ),
        ];
  }

  /** Picks from a table of known values (case and punctuation ignored), rejecting anything else. */
  oneOf<T extends string>(field: string, table: Readonly<Record<string, T>>): T | undefined {
    const text = this.raw(field);
    if (text === undefined) return undefined;
    const last = this.last.get(field);
    if (last?.[0] === text) return last[1] as T;
    const value = lookUp(table, text);
    if (value !== undefined) {
      this.last.set(field, [text, value]);
      return value;
    }
    return this.reject(
      field,
      `"${text}" is not one of the known values (${[...new Set(Object.values(table))].join(', ')})`,
    );
  }

  private markOf(field: string): DecimalMark {
    const column = this.fields[field] as number;
    return this.formats.columnDecimalMarks[column] ?? this.formats.decimalMark;
  }
}
