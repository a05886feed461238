import type { Discount, LineItem, Order } from '../model/order.ts';
import type { NewOrderColumns } from '../ports/order-columns.ts';
import { ORDER_STATUSES } from '../ports/order-facts.ts';
import { createInterner } from './interner.ts';

/** Marks an absent optional string in a dictionary column. */
const NONE = 0xffffffff;
/**
 * Format 3: in `externalId`, "the order's id after `system:`"; in `number`, "the external id". An
 * imported order's id is `system:key`, its external id and its number `key`: a million imported
 * orders had two million distinct strings to put in dictionaries, store and read back for nothing.
 */
const REPEATS = 0xfffffffe;

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
  /**
   * The order's one external id (`externalIds[system] = id`), the common case of an imported order; an
   * order with several external ids keeps them in `rest`. A column instead of a small object per row:
   * a million imported orders were a million objects to build, clone into IndexedDB and read back.
   */
  externalSystem: Uint32Array;
  externalId: Uint32Array;
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
  /** Every column above is a view into this one buffer. */
  buffer: ArrayBuffer;
}

/**
 * How a block is stored: the columns as one ArrayBuffer. Cloning a typed array costs a buffer
 * allocation each, so one buffer instead of 19 makes reading a million orders several times faster.
 */
export interface StoredOrderBlock {
  /**
   * 3 since an external id and a number may repeat the order's id (REPEATS); 2 since external ids became
   * columns. Format 1 blocks (without them) and 2 are still read.
   */
  format: 1 | 2 | 3;
  strings: string[];
  ids: string[];
  lines: number;
  rest: Record<number, OrderRest>;
  buffer: ArrayBuffer;
}

type ColumnName = Exclude<keyof OrderBlock, 'strings' | 'ids' | 'rest' | 'buffer'>;
type Column = [
  name: ColumnName,
  type: typeof Float64Array | typeof Uint32Array | typeof Uint8Array,
  per: 'row' | 'line' | 'row+1',
];

/** Column order in the buffer: 8-byte, then 4-byte, then 1-byte columns, so every view is aligned. */
const COLUMNS: readonly Column[] = [
  ['placedAt', Float64Array, 'row'],
  ['createdAt', Float64Array, 'row'],
  ['updatedAt', Float64Array, 'row'],
  ['total', Float64Array, 'row'],
  ['lineQuantity', Float64Array, 'line'],
  ['lineUnitPrice', Float64Array, 'line'],
  ['lineDiscount', Float64Array, 'line'],
  ['contact', Uint32Array, 'row'],
  ['version', Uint32Array, 'row'],
  ['currency', Uint32Array, 'row'],
  ['number', Uint32Array, 'row'],
  ['account', Uint32Array, 'row'],
  ['source', Uint32Array, 'row'],
  ['externalSystem', Uint32Array, 'row'],
  ['externalId', Uint32Array, 'row'],
  ['lineStart', Uint32Array, 'row+1'],
  ['lineProduct', Uint32Array, 'line'],
  ['lineSku', Uint32Array, 'line'],
  ['lineName', Uint32Array, 'line'],
  ['lineCategory', Uint32Array, 'line'],
  ['status', Uint8Array, 'row'],
];

/** The layout of format 1, before external ids had columns. */
const COLUMNS_FORMAT_1 = COLUMNS.filter(([name]) => name !== 'externalSystem' && name !== 'externalId');

const columnLength = (per: Column[2], rows: number, lines: number) =>
  per === 'row' ? rows : per === 'line' ? lines : rows + 1;

function bufferSize(rows: number, lines: number, layout = COLUMNS): number {
  return layout.reduce((size, [, type, per]) => size + type.BYTES_PER_ELEMENT * columnLength(per, rows, lines), 0);
}

/** Views of every column of `layout` over `buffer` (a new one when absent). */
function columnsOver(rows: number, lines: number, buffer = new ArrayBuffer(bufferSize(rows, lines)), layout = COLUMNS) {
  const views: Partial<Record<ColumnName, Float64Array | Uint32Array | Uint8Array>> = {};
  let offset = 0;
  for (const [name, type, per] of layout) {
    const length = columnLength(per, rows, lines);
    views[name] = new type(buffer, offset, length);
    offset += type.BYTES_PER_ELEMENT * length;
  }
  return { ...(views as Pick<OrderBlock, ColumnName>), buffer };
}

/** The stored form of a block. */
export function storedForm(block: OrderBlock): StoredOrderBlock {
  const { strings, ids, rest, buffer } = block;
  return { format: 3, strings, ids, lines: block.lineProduct.length, rest, buffer };
}

/** Encodes orders (already validated) into one block. */
export function encodeOrderBlock(orders: readonly Order[]): OrderBlock {
  const n = orders.length;
  let lines = 0;
  for (const o of orders) lines += o.lineItems.length;
  const strings: string[] = [];
  const toIndex = createInterner(strings);
  const intern = (value: string | undefined) => (value === undefined ? NONE : toIndex(value));
  const block: OrderBlock = { strings, ids: new Array<string>(n), rest: {}, ...columnsOver(n, lines) };
  let line = 0;
  for (let i = 0; i < n; i++) {
    const o = orders[i] as Order;
    const rest: OrderRest = {};
    block.ids[i] = o.id;
    block.contact[i] = intern(o.contactId);
    // Imported orders are usually created and updated when placed: parse each distinct text once.
    const placedAt = instant(o.placedAt, 'placedAt', rest);
    const createdAt =
      o.createdAt === o.placedAt
        ? same(placedAt, rest, 'placedAt', 'createdAt')
        : instant(o.createdAt, 'createdAt', rest);
    block.placedAt[i] = placedAt;
    block.createdAt[i] = createdAt;
    block.updatedAt[i] =
      o.updatedAt === o.createdAt
        ? same(createdAt, rest, 'createdAt', 'updatedAt')
        : instant(o.updatedAt, 'updatedAt', rest);
    block.version[i] = o.version;
    block.status[i] = ORDER_STATUSES.indexOf(o.status);
    block.currency[i] = intern(o.currency);
    block.total[i] = o.total.amount;
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
    const systems = Object.keys(o.externalIds);
    const system = systems.length === 1 ? systems[0] : undefined;
    block.externalSystem[i] = intern(system);
    encodeExternal(block, i, system, system && o.externalIds[system], o.number, intern);
    if (systems.length > 1) rest.externalIds = o.externalIds;
    if (hasKeys(rest)) block.rest[i] = rest;
  }
  block.lineStart[n] = line;
  return block;
}

/**
 * Encodes rows of new-order columns (already validated) into one block, as `encodeOrderBlock` would
 * encode the same orders, without building them: the bulk import path.
 */
export function encodeOrderColumns(columns: NewOrderColumns, rows: ArrayLike<number>): OrderBlock {
  const n = rows.length;
  const strings: string[] = [];
  const toIndex = createInterner(strings);
  const intern = (value: string | undefined) => (value === undefined ? NONE : toIndex(value));
  const block: OrderBlock = { strings, ids: new Array<string>(n), rest: {}, ...columnsOver(n, 0) };
  const stampRest: OrderRest = {};
  const stamp = instant(columns.createdAt, 'createdAt', stampRest);
  if (stampRest.createdAt !== undefined) stampRest.updatedAt = stampRest.createdAt;
  const source = intern(columns.source);
  const system = intern(columns.system);
  const stampHasRest = hasKeys(stampRest);
  for (let i = 0; i < n; i++) {
    const row = rows[i] as number;
    block.ids[i] = columns.ids[row] as string;
    block.contact[i] = intern(columns.contactIds[row]);
    block.placedAt[i] = columns.placedAt[row] as number;
    block.createdAt[i] = stamp;
    block.updatedAt[i] = stamp;
    block.version[i] = 1;
    block.status[i] = columns.status[row] as number;
    block.currency[i] = intern(columns.currencies[row]);
    block.total[i] = columns.total[row] as number;
    block.account[i] = NONE;
    block.source[i] = source;
    block.lineStart[i] = 0;
    const external = columns.externalIds[row];
    block.externalSystem[i] = external === undefined ? NONE : system;
    encodeExternal(block, i, columns.system, external, columns.numbers[row], intern);
    if (stampHasRest) block.rest[i] = { ...stampRest };
  }
  block.lineStart[n] = 0;
  return block;
}

/** The orders that columns stand for (decoded exactly as a stored block of them would be). */
export function ordersOfColumns(columns: NewOrderColumns): Order[] {
  const block = encodeOrderColumns(
    columns,
    columns.ids.map((_, row) => row),
  );
  return block.ids.map((_, row) => decodeOrder(block, row));
}

/** Row i's external id (of `system`) and number, as REPEATS where they repeat its id or its external id. */
function encodeExternal(
  block: OrderBlock,
  i: number,
  system: string | undefined,
  external: string | undefined,
  number: string | undefined,
  intern: (value: string | undefined) => number,
): void {
  const id = block.ids[i] as string;
  if (external === undefined || system === undefined) {
    block.externalId[i] = intern(external);
    block.number[i] = intern(number);
    return;
  }
  block.externalId[i] =
    id.length === system.length + 1 + external.length &&
    id.charCodeAt(system.length) === 58 /* : */ &&
    id.startsWith(system) &&
    id.endsWith(external)
      ? REPEATS
      : intern(external);
  block.number[i] = number === external ? REPEATS : intern(number);
}

type InstantKey = 'placedAt' | 'createdAt' | 'updatedAt';

/** An instant equal to one already encoded: same ms, and the same non-canonical text when there is one. */
function same(ms: number, rest: OrderRest, from: InstantKey, to: InstantKey): number {
  if (rest[from] !== undefined) rest[to] = rest[from];
  return ms;
}

/** Whether an object has an own key, without allocating the list of keys. */
function hasKeys(value: object): boolean {
  for (const key in value) if (Object.hasOwn(value, key)) return true;
  return false;
}

/**
 * Epoch ms of an instant; the text itself goes to `rest` unless it is in the canonical UTC form
 * (`2026-01-02T03:04:05.678Z`) that `toISOString` gives back. Checking the shape is much cheaper than
 * formatting, and a validated instant of that shape always round-trips.
 */
function instant(text: string, key: InstantKey, rest: OrderRest): number {
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
  const system = str(block.externalSystem[row]);
  const external = system === undefined ? undefined : externalIdOf(block, row, system, str);
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
    externalIds: rest.externalIds ?? (system === undefined ? {} : { [system]: external as string }),
  };
  const number = block.number[row] === REPEATS ? external : str(block.number[row]);
  const account = str(block.account[row]);
  const source = str(block.source[row]);
  if (number !== undefined) order.number = number;
  if (account !== undefined) order.accountId = account;
  if (source !== undefined) order.source = source;
  return order;
}

/** The external id of a row in `system` (its external system). */
function externalIdOf(
  block: OrderBlock,
  row: number,
  system: string,
  str: (index: number | undefined) => string | undefined,
): string {
  const index = block.externalId[row];
  return index === REPEATS ? (block.ids[row] as string).slice(system.length + 1) : (str(index) as string);
}

/**
 * Checks that a stored value is a block (its buffer has exactly the size its row and line counts need)
 * and gives its columns, so a damaged value is reported as corrupt instead of producing wrong numbers.
 * Row values are checked by the schema when rows are decoded into orders.
 */
export function checkOrderBlock(value: unknown): { ok: true; block: OrderBlock } | { ok: false; issues: string } {
  const v = value as Partial<StoredOrderBlock> | null;
  if (typeof v !== 'object' || v === null || (v.format !== 1 && v.format !== 2 && v.format !== 3))
    return { ok: false, issues: 'not an order block' };
  if (!Array.isArray(v.strings) || !Array.isArray(v.ids)) return { ok: false, issues: 'strings or ids missing' };
  if (typeof v.rest !== 'object' || v.rest === null) return { ok: false, issues: 'rest is missing' };
  const rows = v.ids.length;
  const lines = v.lines;
  if (typeof lines !== 'number' || !Number.isInteger(lines) || lines < 0)
    return { ok: false, issues: 'line count is missing' };
  const layout = v.format === 1 ? COLUMNS_FORMAT_1 : COLUMNS;
  if (!(v.buffer instanceof ArrayBuffer) || v.buffer.byteLength !== bufferSize(rows, lines, layout))
    return { ok: false, issues: `columns buffer does not fit ${rows} rows and ${lines} lines` };
  const columns = columnsOver(rows, lines, v.buffer, layout);
  const block: OrderBlock = { strings: v.strings, ids: v.ids, rest: v.rest, ...columns };
  if (block.lineStart[rows] !== lines) return { ok: false, issues: 'line offsets do not add up' };
  if (v.format !== 1) return { ok: true, block };
  // Format 1 kept every external id in `rest`: read as the current layout with empty external columns.
  const none = new Uint32Array(rows).fill(NONE);
  return { ok: true, block: concatOrderBlocks([{ block: { ...block, externalSystem: none, externalId: none } }]) };
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
  const out: OrderBlock = { strings: [], ids: new Array<string>(n), rest: {}, ...columnsOver(n, lines) };
  const intern = createInterner(out.strings);
  let row = 0;
  let line = 0;
  for (const { block, keep } of parts) {
    // The part's dictionary indices into the merged dictionary, filled on first use so strings of
    // dropped rows don't linger.
    const remap = new Int32Array(block.strings.length).fill(-1);
    const map = (index: number) => {
      // NONE, and REPEATS, which stands for the row's own id: the row keeps it.
      if (index >= REPEATS) return index;
      let merged = remap[index] as number;
      if (merged < 0) {
        merged = intern(block.strings[index] as string);
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
      out.externalSystem[row] = map(block.externalSystem[r] as number);
      out.externalId[row] = map(block.externalId[r] as number);
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
