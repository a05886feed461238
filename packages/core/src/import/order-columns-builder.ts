/**
 * The import's fast path for orders: rows of a one-row-per-order file go straight into columns
 * (NewOrderColumns) instead of becoming one object each, and are stored with one `appendOrders` op per
 * batch. Validation is the full path's, organised by column: each column of a batch is checked once
 * with OrderSchema's field schemas, and only the rows that fail are built as objects and parsed with
 * `parseRecord`, so a row is rejected exactly when, and for exactly the reason, the full path would.
 */
import type { Order } from '../model/order.ts';
import { parseRecord } from '../model/parse-record.ts';
import type { NewOrderColumns } from '../ports/order-columns.ts';
import { ORDER_STATUSES } from '../ports/order-facts.ts';
import type { WriteOp } from '../ports/repository.ts';
import { parseOrderColumns } from '../storage/parse-order-columns.ts';
import { createStringSet } from '../storage/string-set.ts';
import type { RejectedRow } from './batch-writer.ts';
import type { FastOrderRow } from './fast-order-rows.ts';

/** What finishOrder has put together for one order (the draft's fields, completed). */
export interface OrderFields {
  number?: string | undefined;
  placedAt?: string | undefined;
  status?: Order['status'] | undefined;
  currency?: string | undefined;
  total?: { amount: number; currency: string } | undefined;
  source?: string | undefined;
}

export interface ColumnsTaken {
  ops: WriteOp[];
  rejected: RejectedRow[];
  created: number;
}

export function createOrderColumnsBuilder(system: string, source: string, expectedOrders = 0) {
  /**
   * Ids this import stored through columns and those of the batch being collected, in one set (one
   * lookup per order among a million): a later row with one of them is a repeat. As the full path counts
   * them, a rejected order's id is free again, so `take` removes the ids of the rows it rejects.
   */
  const taken = createStringSet(expectedOrders);
  let ids: string[] = [];
  let contactIds: string[] = [];
  let numbers: (string | undefined)[] = [];
  let externalIds: (string | undefined)[] = [];
  /** Epoch ms: the ISO text of each row is dropped as soon as it is read. */
  let placedAt: number[] = [];
  let status: number[] = [];
  let currencies: string[] = [];
  let totals: number[] = [];
  let totalCurrencies: string[] = [];
  /** Each order's first line; the lines of an order with several rows are kept apart (no array per order). */
  let firstLines: number[] = [];
  let moreLines = new Map<number, readonly number[]>();
  const linesOf = (i: number): readonly number[] => moreLines.get(i) ?? [firstLines[i] as number];

  const push = (
    id: string,
    contactId: string,
    number: string | undefined,
    externalKey: string | undefined,
    at: number,
    statusIndex: number,
    currency: string,
    total: number,
    totalCurrency: string,
    firstLine: number,
    /** All the order's lines, when it has several. */
    lines?: readonly number[],
  ) => {
    ids.push(id);
    contactIds.push(contactId);
    numbers.push(number);
    externalIds.push(externalKey);
    placedAt.push(at);
    status.push(statusIndex);
    currencies.push(currency);
    totals.push(total);
    totalCurrencies.push(totalCurrency);
    firstLines.push(firstLine);
    if (lines) moreLines.set(firstLines.length - 1, lines);
  };

  /** The order object the full path would have built for row `i` (for the rows the column check flags). */
  const orderOf = (i: number, stamp: string): Record<string, unknown> => {
    const order: Record<string, unknown> = {
      placedAt: new Date(placedAt[i] as number).toISOString(),
      status: ORDER_STATUSES[status[i] as number],
      currency: currencies[i],
      total: { amount: totals[i], currency: totalCurrencies[i] },
      discounts: [],
      lineItems: [],
      source,
      contactId: contactIds[i],
      externalIds: externalIds[i] === undefined ? {} : { [system]: externalIds[i] },
      id: ids[i],
      createdAt: stamp,
      updatedAt: stamp,
      version: 1,
    };
    if (numbers[i] !== undefined) order.number = numbers[i];
    return order;
  };

  /** The columns of some rows; of all rows, the batch's own arrays are handed over (take empties the batch). */
  const columnsOf = (rows: readonly number[], stamp: string): NewOrderColumns => {
    const pick = <T>(column: T[]): T[] => (rows.length === ids.length ? column : rows.map((i) => column[i] as T));
    return {
      createdAt: stamp,
      source,
      system,
      ids: pick(ids),
      contactIds: pick(contactIds),
      numbers: pick(numbers),
      externalIds: pick(externalIds),
      placedAt: Float64Array.from(pick(placedAt)),
      status: Uint8Array.from(pick(status)),
      currencies: pick(currencies),
      total: Float64Array.from(pick(totals)),
    };
  };

  return {
    get size(): number {
      return ids.length;
    },

    /** Whether the order was already taken by this import (in this batch or an earlier one). */
    seen(id: string): boolean {
      return taken.has(id);
    },

    add(id: string, order: OrderFields, orderLines: readonly number[], contactId: string, externalKey?: string) {
      taken.add(id);
      push(
        id,
        contactId,
        order.number,
        externalKey,
        Date.parse(order.placedAt as string),
        ORDER_STATUSES.indexOf(order.status as Order['status']),
        order.currency as string,
        order.total?.amount as number,
        order.total?.currency as string,
        orderLines[0] as number,
        orderLines.length > 1 ? orderLines : undefined,
      );
    },

    /**
     * A row read by the fast reader (fast-order-rows.ts) as an order, its key being its number and
     * external id, on line `line` (and `lines`, all of them, when rows after it joined it); false, adding
     * nothing, when this import has already taken the id.
     */
    addRow(id: string, row: FastOrderRow, line: number, contactId: string, lines?: readonly number[]): boolean {
      if (!taken.claim(id)) return false;
      const { key, placedAt, status, currency, total, totalCurrency } = row;
      push(id, contactId, key, key, placedAt, status, currency, total, totalCurrency, line, lines);
      return true;
    },

    /**
     * The batch as write ops, emptying it: rows whose new contact failed are rejected (as the full path
     * rejects what depends on a failed record), flagged rows are parsed one by one, the rest are columns.
     */
    take(failed: ReadonlySet<string>, stamp: string): ColumnsTaken {
      const rejected: RejectedRow[] = [];
      const ops: WriteOp[] = [];
      const candidates: number[] = [];
      for (let i = 0; i < ids.length; i++) {
        if (failed.has(contactIds[i] as string)) {
          taken.delete(ids[i] as string);
          for (const line of linesOf(i))
            rejected.push({ line, reasons: ['the contact or account it belongs to could not be stored'] });
        } else candidates.push(i);
      }
      const checked = parseOrderColumns(columnsOf(candidates, stamp));
      const flagged = new Set(checked.ok ? [] : [...checked.rows.keys()].map((k) => candidates[k] as number));
      // The one rule across columns: an order is in one currency (OrderSchema's refinement).
      for (const i of candidates) if (currencies[i] !== totalCurrencies[i]) flagged.add(i);
      const good = flagged.size === 0 ? candidates : candidates.filter((i) => !flagged.has(i));
      for (const i of flagged) {
        const parsed = parseRecord('orders', orderOf(i, stamp));
        if (parsed.ok) ops.push({ type: 'put', store: 'orders', record: parsed.value, expectVersion: 0 });
        else {
          taken.delete(ids[i] as string);
          for (const line of linesOf(i)) rejected.push({ line, reasons: [parsed.issues] });
        }
      }
      if (good.length > 0)
        ops.push({
          type: 'appendOrders',
          orders: good === candidates && checked.ok ? checked.value : columnsOf(good, stamp),
        });
      const created = ops.reduce((n, op) => n + (op.type === 'appendOrders' ? op.orders.ids.length : 1), 0);
      ids = [];
      contactIds = [];
      numbers = [];
      externalIds = [];
      placedAt = [];
      status = [];
      currencies = [];
      totals = [];
      totalCurrencies = [];
      firstLines = [];
      moreLines = new Map();
      return { ops, rejected, created };
    },
  };
}
