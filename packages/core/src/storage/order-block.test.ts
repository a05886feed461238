import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Order, OrderSchema } from '../model/order.ts';
import { generateDataset } from '../testing/generate.ts';
import {
  checkOrderBlock,
  concatOrderBlocks,
  decodeOrder,
  encodeOrderBlock,
  type OrderBlock,
  storedForm,
} from './order-block.ts';

const decodeOrderBlock = (block: OrderBlock) => block.ids.map((_, row) => decodeOrder(block, row));

const instant = fc
  .tuple(fc.integer({ min: 946_684_800_000, max: 4_102_444_800_000 }), fc.constantFrom('Z', '+01:00', '-05:30'))
  .map(([ms, zone]) => {
    const iso = new Date(ms).toISOString();
    return zone === 'Z' ? iso : `${iso.slice(0, 19)}${zone}`;
  });
const text = fc.string({ minLength: 1, maxLength: 12 });
const amount = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true });
const currency = fc.constantFrom('EUR', 'USD', 'JPY');

const orderArb: fc.Arbitrary<Order> = fc
  .record({
    id: text,
    createdAt: instant,
    updatedAt: instant,
    version: fc.integer({ min: 1, max: 1000 }),
    contactId: text,
    accountId: fc.option(text, { nil: undefined }),
    number: fc.option(text, { nil: undefined }),
    placedAt: instant,
    status: fc.constantFrom('pending', 'paid', 'fulfilled', 'cancelled', 'refunded'),
    currency,
    lines: fc.array(
      fc.record({
        productId: fc.option(text, { nil: undefined }),
        sku: fc.option(text, { nil: undefined }),
        name: text,
        category: fc.option(text, { nil: undefined }),
        quantity: fc.double({ min: 0.001, max: 1000, noNaN: true }),
        unit: amount,
        discount: fc.option(amount, { nil: undefined }),
      }),
      { maxLength: 4 },
    ),
    coupons: fc.array(fc.record({ code: fc.option(text, { nil: undefined }), amount }), { maxLength: 2 }),
    total: amount,
    source: fc.option(text, { nil: undefined }),
    externalIds: fc.dictionary(text, text, { maxKeys: 2 }),
    // Imported orders often carry one time for placed, created and updated.
    oneTime: fc.boolean(),
    // And an id `system:key`, the key as their external id and often as their number (format 3 marks both).
    imported: fc.constantFrom('no', 'id', 'id and number'),
  })
  .map(({ lines, coupons, total, oneTime, imported, ...o }) => {
    if (oneTime) Object.assign(o, { createdAt: o.placedAt, updatedAt: o.placedAt });
    const [system, key] = Object.entries(o.externalIds)[0] ?? ['shop', o.id];
    if (imported !== 'no') Object.assign(o, { id: `${system}:${key}`, externalIds: { [system]: key } });
    if (imported === 'id and number') o.number = key;
    const drop = <T extends object>(x: T) =>
      Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined)) as T;
    return drop({
      ...o,
      lineItems: lines.map(({ unit, discount, ...l }) =>
        drop({
          ...l,
          unitPrice: { amount: unit, currency: o.currency },
          discount: discount === undefined ? undefined : { amount: discount, currency: o.currency },
        }),
      ),
      discounts: coupons.map((c) => drop({ code: c.code, amount: { amount: c.amount, currency: o.currency } })),
      total: { amount: total, currency: o.currency },
    }) as Order;
  });

describe('encodeOrderBlock', () => {
  it('should give back every valid order exactly, including offsets, odd amounts and rare fields', () => {
    fc.assert(
      fc.property(fc.array(orderArb, { maxLength: 20 }), (orders) => {
        for (const o of orders) OrderSchema.parse(o);
        expect(decodeOrderBlock(encodeOrderBlock(orders))).toEqual(orders);
      }),
    );
  });

  it('should decode one row without the others', () => {
    const { orders } = generateDataset({ seed: 2, contacts: 40 });
    const block = encodeOrderBlock(orders);
    expect(decodeOrder(block, 7)).toEqual(orders[7]);
  });

  it('should keep each distinct string once', () => {
    const { orders } = generateDataset({ seed: 2, contacts: 40 });
    const block = encodeOrderBlock(orders);
    expect(new Set(block.strings).size).toBe(block.strings.length);
    const names = orders.flatMap((o) => o.lineItems.map((l) => l.name));
    expect(names.length).toBeGreaterThan(new Set(names).size);
    for (const name of new Set(names)) expect(block.strings.filter((s) => s === name)).toHaveLength(1);
  });

  it('should store no string for the external id and number an imported order repeats from its id', () => {
    const { orders } = generateDataset({ seed: 2, contacts: 5 });
    const imported = orders.map((o, i) => ({
      ...o,
      id: `shop:#${i}`,
      externalIds: { shop: `#${i}` },
      number: `#${i}`,
    }));
    const block = encodeOrderBlock(imported);
    expect(block.strings.filter((s) => s.startsWith('#'))).toEqual([]);
    expect(imported.map((_, row) => decodeOrder(block, row))).toEqual(imported);
  });
});

describe('concatOrderBlocks', () => {
  it('should merge the kept rows of several blocks into one that decodes to the same orders', () => {
    fc.assert(
      fc.property(
        fc.array(orderArb, { maxLength: 8 }),
        fc.array(orderArb, { maxLength: 8 }),
        fc.integer({ min: 2, max: 4 }),
        (a, b, every) => {
          const keep = (row: number) => row % every !== 0;
          const merged = concatOrderBlocks([{ block: encodeOrderBlock(a), keep }, { block: encodeOrderBlock(b) }]);
          expect(decodeOrderBlock(merged)).toEqual([...a.filter((_, row) => keep(row)), ...b]);
          expect(checkOrderBlock(structuredClone(storedForm(merged))).ok).toBe(true);
        },
      ),
    );
  });

  it('should not keep the strings of dropped rows', () => {
    const { orders } = generateDataset({ seed: 2, contacts: 10 });
    const [first] = orders;
    const other = orders.find((o) => o.contactId !== first?.contactId);
    const merged = concatOrderBlocks([
      { block: encodeOrderBlock(orders), keep: (row) => orders[row]?.contactId === first?.contactId },
    ]);
    expect(merged.strings).toContain(first?.contactId);
    expect(merged.strings).not.toContain(other?.contactId);
  });
});

describe('checkOrderBlock', () => {
  const stored = storedForm(encodeOrderBlock(generateDataset({ seed: 2, contacts: 10 }).orders));

  it('should give back the columns of a block as stored and cloned', () => {
    const checked = checkOrderBlock(structuredClone(stored));
    expect(checked.ok && checked.block.ids).toEqual(stored.ids);
  });

  it('should read a block of format 1, which kept external ids in rest, as the same orders', () => {
    const block = encodeOrderBlock(
      generateDataset({ seed: 3, contacts: 10 }).orders.map((o, i) =>
        i % 3 === 0 ? o : { ...o, externalIds: i % 3 === 1 ? { shop: `#${i}` } : { shop: `#${i}`, erp: `E${i}` } },
      ),
    );
    expect(block.externalSystem.some((index) => index !== 0xffffffff)).toBe(true);
    // Format 1 as it was written: the same columns in this order, without the external id columns.
    const formatOne = [
      'placedAt',
      'createdAt',
      'updatedAt',
      'total',
      'lineQuantity',
      'lineUnitPrice',
      'lineDiscount',
      'contact',
      'version',
      'currency',
      'number',
      'account',
      'source',
      'lineStart',
      'lineProduct',
      'lineSku',
      'lineName',
      'lineCategory',
      'status',
    ] as const;
    const bytes = formatOne.map(
      (name) => new Uint8Array(block[name].buffer, block[name].byteOffset, block[name].byteLength),
    );
    const buffer = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
    let offset = 0;
    for (const b of bytes) {
      buffer.set(b, offset);
      offset += b.length;
    }
    const orders = decodeOrderBlock(block);
    const rest = Object.fromEntries(orders.map((o, row) => [row, { ...block.rest[row], externalIds: o.externalIds }]));
    const old = {
      format: 1,
      strings: block.strings,
      ids: block.ids,
      lines: block.lineProduct.length,
      rest,
      buffer: buffer.buffer,
    };
    const checked = checkOrderBlock(structuredClone(old));
    expect(checked.ok && decodeOrderBlock(checked.block)).toEqual(orders);
  });

  it('should reject a value that is not a block, or whose buffer or counts disagree', () => {
    expect(checkOrderBlock({ hello: 1 })).toEqual({ ok: false, issues: 'not an order block' });
    expect(checkOrderBlock({ ...stored, buffer: stored.buffer.slice(8) })).toMatchObject({ ok: false });
    expect(checkOrderBlock({ ...stored, lines: stored.lines + 1 })).toMatchObject({ ok: false });
    expect(checkOrderBlock({ ...stored, ids: stored.ids.slice(1) })).toMatchObject({ ok: false });
    expect(checkOrderBlock({ ...stored, buffer: Array.from(new Uint8Array(stored.buffer)) })).toMatchObject({
      ok: false,
    });
  });
});
