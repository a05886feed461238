/**
 * The quickest way through the commonest order file: one row per order with an order id, a customer
 * id, a date, a total and perhaps a currency and a status (`Order ID, Customer ID, Created at, Total,
 * Currency, Financial Status`). Such a row is read straight into numbers and the cells' own strings,
 * with no draft object, no ISO text and no Date, for the order columns (order-columns-builder.ts).
 *
 * A row is read here only when the full path (RowValues and `ordersKind.build`) would read it without
 * a problem and into the same order; anything else (an empty or odd cell, a date or amount in another
 * shape, a field this reader does not know) is declined, and the full path reads the row and reports
 * it. A property test holds the two to that.
 */
import { ORDER_STATUSES } from '../ports/order-facts.ts';
import { STATUSES } from './kinds/orders.ts';
import { plainDecimal, scanInstant } from './parse-values.ts';
import { currencyCode, lookUp, type ValueFormats } from './row-values.ts';

/** The fields a file may map for its rows to be read here. */
const KNOWN = new Set(['orderId', 'customerId', 'placedAt', 'total', 'currency', 'status']);

/** One row read (the reader's one object, overwritten by the next row). */
export interface FastOrderRow {
  /** The order id as written (trimmed): the order's number and its external id. */
  key: string;
  /** The customer id as written (trimmed). */
  customer: string;
  /** Epoch ms. */
  placedAt: number;
  /** Index into ORDER_STATUSES. */
  status: number;
  currency: string;
  total: number;
  /** The total's currency: the default currency when one is set (as parseAmount gives it), else the order's. */
  totalCurrency: string;
}

/** A row to fill in (the reader's own, and the import's for the rows a worker read). */
export const emptyFastOrderRow = (): FastOrderRow => ({
  key: '',
  customer: '',
  placedAt: 0,
  status: 0,
  currency: '',
  total: 0,
  totalCurrency: '',
});

export interface FastOrderRows {
  /** The row as an order, or undefined when the full path must read it. */
  read(cells: readonly string[]): FastOrderRow | undefined;
  /** The trimmed order id of a row (to see whether the next row continues an order). */
  keyOf(cells: readonly string[]): string | undefined;
}

/** A reader for files mapped to these fields only, with an order id, customer id, date and total; else undefined. */
export function createFastOrderRows(
  fields: Readonly<Record<string, number>>,
  formats: ValueFormats,
  /** The header's number of columns: a row with another number is the full path's (it rejects it). */
  width: number,
): FastOrderRows | undefined {
  const { orderId, customerId, placedAt, total, currency, status } = fields;
  if (!Object.keys(fields).every((field) => KNOWN.has(field))) return undefined;
  if (orderId === undefined || customerId === undefined || placedAt === undefined || total === undefined)
    return undefined;
  const mark = formats.columnDecimalMarks[total] ?? formats.decimalMark;
  const paid = ORDER_STATUSES.indexOf('paid');
  const row = emptyFastOrderRow();
  // The currency and status columns repeat one value down a file: the last cell is remembered.
  let lastCurrencyText: string | undefined;
  let lastCurrency: string | undefined;
  let lastStatusText: string | undefined;
  let lastStatus = paid;

  const cell = (cells: readonly string[], column: number) => cells[column]?.trim() ?? '';

  return {
    keyOf: (cells) => cell(cells, orderId),
    read(cells) {
      if (cells.length !== width) return undefined;
      const key = cell(cells, orderId);
      const customer = cell(cells, customerId);
      if (key === '' || customer === '') return undefined;
      const at = scanInstant(cell(cells, placedAt), formats.offsetMinutes);
      const amount = plainDecimal(cell(cells, total), mark);
      if (at === undefined || amount === undefined) return undefined;
      let code = formats.defaultCurrency;
      if (currency !== undefined) {
        const text = cell(cells, currency);
        if (text !== '') {
          if (text !== lastCurrencyText) {
            lastCurrency = currencyCode(text);
            lastCurrencyText = text;
          }
          if (lastCurrency === undefined) return undefined;
          code = lastCurrency;
        }
      }
      if (code === undefined) return undefined;
      row.status = paid;
      if (status !== undefined) {
        const text = cell(cells, status);
        if (text !== '') {
          if (text !== lastStatusText) {
            const value = lookUp(STATUSES, text);
            lastStatus = value === undefined ? -1 : ORDER_STATUSES.indexOf(value);
            lastStatusText = text;
          }
          if (lastStatus === -1) return undefined;
          row.status = lastStatus;
        }
      }
      row.key = key;
      row.customer = customer;
      row.placedAt = at;
      row.currency = code;
      row.total = amount;
      row.totalCurrency = formats.defaultCurrency ?? code;
      return row;
    },
  };
}
