import type { Discount, LineItem, Order } from '../model/order.ts';
import { ORDER_STATUSES } from '../ports/order-facts.ts';

/** Marks an absent optional string in a dictionary column. */
const NONE = 0xffffffff;

/** What a row needs beyond its columns: rare fields, and instants not written in canonical UTC form. */
export interface OrderRest {
  discounts?: Discount[];
  externalIds?: Record<string, string>;
  placedAt?: string;
  createdAt?: string;
  updatedAt?: string;
}

/**
 * Many orders as columns of typed arrays, with strings (ids of contacts and products, names,
 * categories, currencies) kept once in a dictionary. One block is one IndexedDB value, so a million
 * orders are a few hundred values instead of a million, and reading the facts of every order
 * (contact, time, total) never builds an order object. Amounts keep their exact float value.
 */
export interface OrderBlock {
  format: 1;
  strings: string[];
  ids: string[];
  contact: Uint32Array;
  placedAt: Float64Array;
  createdAt: Float64Array;
  updatedAt: Float64Array;
  version: Uint32Array;
  status: Uint8Array;
  currency: Uint32Array;
  total: Float64Array;
  number: Uint32Array;
  account: Uint32Array;
  source: Uint32Array;
  /** Row i's line items are lines lineStart[i] to lineStart[i+1] - 1. */
  lineStart: Uint32Array;
  lineProduct: Uint32Array;
  lineSku: Uint32Array;
  lineName: Uint32Array;
  lineCategory: Uint32Array;
  lineQuantity: Float64Array;
  lineUnitPrice: Float64Array;
  /** NaN where the line has no discount. */
  lineDiscount: Float64Array;
  /** Sparse, by row. */
  rest: Record<number, OrderRest>;
}

/** Encodes orders (already validated) into one block. */
export function encodeOrderBlock(orders: readonly Order[]): OrderBlock {
  const n = orders.length;
  let lines = 0;
  for (const o of orders) lines += o.lineItems.length;
  const dictionary = new Map<string, number>();
  const strings: string[] = [];
  const intern = (value: string | undefined) => {
    if (value === undefined) return NONE;
    let index = dictionary.get(value);
    if (index === undefined) {
      index = strings.length;
      dictionary.set(value, index);
      strings.push(value);
    }
    return index;
  };
  const block: OrderBlock = {
    format: 1,
    strings,
    ids: new Array<string>(n),
    contact: new Uint32Array(n),
    placedAt: new Float64Array(n),
    createdAt: new Float64Array(n),
    updatedAt: new Float64Array(n),
    version: new Uint32Array(n),
    status: new Uint8Array(n),
    currency: new Uint32Array(n),
    total: new Float64Array(n),
    number: new Uint32Array(n),
    account: new Uint32Array(n),
    source: new Uint32Array(n),
    lineStart: new Uint32Array(n + 1),
    lineProduct: new Uint32Array(lines),
    lineSku: new Uint32Array(lines),
    lineName: new Uint32Array(lines),
    lineCategory: new Uint32Array(lines),
    lineQuantity: new Float64Array(lines),
    lineUnitPrice: new Float64Array(lines),
    lineDiscount: new Float64Array(lines),
    rest: {},
  };
  let line = 0;
  for (let i = 0; i < n; i++) {
    const o = orders[i] as Order;
    const rest: OrderRest = {};
    block.ids[i] = o.id;
    block.contact[i] = intern(o.contactId);
    block.placedAt[i] = instant(o.placedAt, 'placedAt', rest);
    block.createdAt[i] = instant(o.createdAt, 'createdAt', rest);
    block.updatedAt[i] = instant(o.updatedAt, 'updatedAt', rest);
    block.version[i] = o.version;
    block.status[i] = ORDER_STATUSES.indexOf(o.status);
    block.currency[i] = intern(o.currency);
    block.total[i] = o.total.amount;
    block.number[i] = intern(o.number);
    block.account[i] = intern(o.accountId);
    block.source[i] = intern(o.source);
    block.lineStart[i] = line;
    for (const item of o.lineItems) {
      block.lineProduct[line] = intern(item.productId);
      block.lineSku[line] = intern(item.sku);
      block.lineName[line] = intern(item.name);
      block.lineCategory[line] = intern(item.category);
      block.lineQuantity[line] = item.quantity;
      block.lineUnitPrice[line] = item.unitPrice.amount;
      block.lineDiscount[line] = item.discount ? item.discount.amount : Number.NaN;
      line++;
    }
    if (o.discounts.length > 0) rest.discounts = o.discounts;
    if (Object.keys(o.externalIds).length > 0) rest.externalIds = o.externalIds;
    if (Object.keys(rest).length > 0) block.rest[i] = rest;
  }
  block.lineStart[n] = line;
  return block;
}

/**
 * Epoch ms of an instant; the text itself goes to `rest` unless it is in the canonical UTC form
 * (`2026-01-02T03:04:05.678Z`) that `toISOString` gives back. Checking the shape is much cheaper than
 * formatting, and a validated instant of that shape always round-trips.
 */
function instant(text: string, key: 'placedAt' | 'createdAt' | 'updatedAt', rest: OrderRest): number {
  if (text.length !== 24 || text.charCodeAt(23) !== 90 /* Z */ || text.charCodeAt(19) !== 46 /* . */) rest[key] = text;
  return Date.parse(text);
}

export function blockSize(block: OrderBlock): number {
  return block.ids.length;
}

/** Row `row` as an Order (not validated: the caller parses it, since a stored block may be damaged). */
export function decodeOrder(block: OrderBlock, row: number): Order {
  const s = block.strings;
  const str = (index: number | undefined) => (index === undefined || index === NONE ? undefined : s[index]);
  const currency = str(block.currency[row]) as string;
  const rest = block.rest[row] ?? {};
  const lineItems: LineItem[] = [];
  const end = block.lineStart[row + 1] ?? 0;
  for (let l = block.lineStart[row] ?? 0; l < end; l++) {
    const item: LineItem = {
      name: str(block.lineName[l]) as string,
      quantity: block.lineQuantity[l] as number,
      unitPrice: { amount: block.lineUnitPrice[l] as number, currency },
    };
    const productId = str(block.lineProduct[l]);
    const sku = str(block.lineSku[l]);
    const category = str(block.lineCategory[l]);
    const discount = block.lineDiscount[l] as number;
    if (productId !== undefined) item.productId = productId;
    if (sku !== undefined) item.sku = sku;
    if (category !== undefined) item.category = category;
    if (!Number.isNaN(discount)) item.discount = { amount: discount, currency };
    lineItems.push(item);
  }
  const order: Order = {
    id: block.ids[row] as string,
    createdAt: rest.createdAt ?? new Date(block.createdAt[row] as number).toISOString(),
    updatedAt: rest.updatedAt ?? new Date(block.updatedAt[row] as number).toISOString(),
    version: block.version[row] as number,
    contactId: str(block.contact[row]) as string,
    placedAt: rest.placedAt ?? new Date(block.placedAt[row] as number).toISOString(),
    status: ORDER_STATUSES[block.status[row] as number] as Order['status'],
    currency,
    lineItems,
    discounts: rest.discounts ?? [],
    total: { amount: block.total[row] as number, currency },
    externalIds: rest.externalIds ?? {},
  };
  const number = str(block.number[row]);
  const account = str(block.account[row]);
  const source = str(block.source[row]);
  if (number !== undefined) order.number = number;
  if (account !== undefined) order.accountId = account;
  if (source !== undefined) order.source = source;
  return order;
}

const ROW_COLUMNS = [
  ['contact', Uint32Array],
  ['placedAt', Float64Array],
  ['createdAt', Float64Array],
  ['updatedAt', Float64Array],
  ['version', Uint32Array],
  ['status', Uint8Array],
  ['currency', Uint32Array],
  ['total', Float64Array],
  ['number', Uint32Array],
  ['account', Uint32Array],
  ['source', Uint32Array],
] as const;
const LINE_COLUMNS = [
  ['lineProduct', Uint32Array],
  ['lineSku', Uint32Array],
  ['lineName', Uint32Array],
  ['lineCategory', Uint32Array],
  ['lineQuantity', Float64Array],
  ['lineUnitPrice', Float64Array],
  ['lineDiscount', Float64Array],
] as const;

/**
 * Checks that a stored value has the shape of a block (column types and lengths agree), so a damaged
 * value is reported as corrupt instead of producing wrong numbers. Row values are checked by the
 * schema when rows are decoded into orders.
 */
export function checkOrderBlock(value: unknown): { ok: true; block: OrderBlock } | { ok: false; issues: string } {
  const v = value as Partial<Record<keyof OrderBlock, unknown>> | null;
  if (typeof v !== 'object' || v === null || v.format !== 1) return { ok: false, issues: 'not an order block' };
  if (!Array.isArray(v.strings) || !Array.isArray(v.ids)) return { ok: false, issues: 'strings or ids missing' };
  const n = v.ids.length;
  for (const [key, type] of ROW_COLUMNS)
    if (!(v[key] instanceof type) || (v[key] as ArrayLike<number>).length !== n)
      return { ok: false, issues: `column ${key} is not a ${type.name} of ${n} rows` };
  if (!(v.lineStart instanceof Uint32Array) || v.lineStart.length !== n + 1)
    return { ok: false, issues: 'column lineStart is damaged' };
  const lines = v.lineStart[n] ?? 0;
  for (const [key, type] of LINE_COLUMNS)
    if (!(v[key] instanceof type) || (v[key] as ArrayLike<number>).length !== lines)
      return { ok: false, issues: `column ${key} is not a ${type.name} of ${lines} lines` };
  if (typeof v.rest !== 'object' || v.rest === null) return { ok: false, issues: 'rest is missing' };
  return { ok: true, block: v as OrderBlock };
}

/**
 * The rows of several blocks (those `keep` accepts) as one block, built column by column: merging
 * and filtering stored orders never turns them back into objects.
 */
export function concatOrderBlocks(
  parts: readonly { block: OrderBlock; keep?: (row: number) => boolean }[],
): OrderBlock {
  let n = 0;
  let lines = 0;
  for (const { block, keep } of parts)
    for (let row = 0; row < block.ids.length; row++)
      if (!keep || keep(row)) {
        n++;
        lines += (block.lineStart[row + 1] as number) - (block.lineStart[row] as number);
      }
  const out = encodeOrderBlock([]);
  const dictionary = new Map<string, number>();
  const columns = (length: number) => ({
    u32: () => new Uint32Array(length),
    f64: () => new Float64Array(length),
  });
  const rowsOf = columns(n);
  const linesOf = columns(lines);
  Object.assign(out, {
    ids: new Array<string>(n),
    contact: rowsOf.u32(),
    placedAt: rowsOf.f64(),
    createdAt: rowsOf.f64(),
    updatedAt: rowsOf.f64(),
    version: rowsOf.u32(),
    status: new Uint8Array(n),
    currency: rowsOf.u32(),
    total: rowsOf.f64(),
    number: rowsOf.u32(),
    account: rowsOf.u32(),
    source: rowsOf.u32(),
    lineStart: new Uint32Array(n + 1),
    lineProduct: linesOf.u32(),
    lineSku: linesOf.u32(),
    lineName: linesOf.u32(),
    lineCategory: linesOf.u32(),
    lineQuantity: linesOf.f64(),
    lineUnitPrice: linesOf.f64(),
    lineDiscount: linesOf.f64(),
  });
  let row = 0;
  let line = 0;
  for (const { block, keep } of parts) {
    // The part's dictionary indices into the merged dictionary, filled on first use so strings of
    // dropped rows don't linger.
    const remap = new Int32Array(block.strings.length).fill(-1);
    const map = (index: number) => {
      if (index === NONE) return NONE;
      let merged = remap[index] as number;
      if (merged < 0) {
        const value = block.strings[index] as string;
        merged = dictionary.get(value) ?? out.strings.length;
        if (merged === out.strings.length) {
          dictionary.set(value, merged);
          out.strings.push(value);
        }
        remap[index] = merged;
      }
      return merged;
    };
    for (let r = 0; r < block.ids.length; r++) {
      if (keep && !keep(r)) continue;
      out.ids[row] = block.ids[r] as string;
      out.contact[row] = map(block.contact[r] as number);
      out.placedAt[row] = block.placedAt[r] as number;
      out.createdAt[row] = block.createdAt[r] as number;
      out.updatedAt[row] = block.updatedAt[r] as number;
      out.version[row] = block.version[r] as number;
      out.status[row] = block.status[r] as number;
      out.currency[row] = map(block.currency[r] as number);
      out.total[row] = block.total[r] as number;
      out.number[row] = map(block.number[r] as number);
      out.account[row] = map(block.account[r] as number);
      out.source[row] = map(block.source[r] as number);
      const rest = block.rest[r];
      if (rest) out.rest[row] = rest;
      out.lineStart[row] = line;
      for (let l = block.lineStart[r] as number; l < (block.lineStart[r + 1] as number); l++) {
        out.lineProduct[line] = map(block.lineProduct[l] as number);
        out.lineSku[line] = map(block.lineSku[l] as number);
        out.lineName[line] = map(block.lineName[l] as number);
        out.lineCategory[line] = map(block.lineCategory[l] as number);
        out.lineQuantity[line] = block.lineQuantity[l] as number;
        out.lineUnitPrice[line] = block.lineUnitPrice[l] as number;
        out.lineDiscount[line] = block.lineDiscount[l] as number;
        line++;
      }
      row++;
    }
  }
  out.lineStart[n] = line;
  return out;
}
