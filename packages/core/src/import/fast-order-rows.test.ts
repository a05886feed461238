import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES } from '../ports/order-facts.ts';
import { createFastOrderRows } from './fast-order-rows.ts';
import { ordersKind } from './kinds/orders.ts';
import type { DecimalMark } from './parse-values.ts';
import { RowValues, type ValueFormats } from './row-values.ts';

const HEADERS = ['Order ID', 'Customer ID', 'Created at', 'Total', 'Currency', 'Financial Status'];
const FIELDS = { orderId: 0, customerId: 1, placedAt: 2, total: 3, currency: 4, status: 5 };

/** Cells near what exports write, and the ways they go wrong. */
const cells = fc.tuple(
  fc.constantFrom('#1001', ' #1002 ', '', '  ', 'O7'),
  fc.constantFrom('C1', ' C2', '', 'x y'),
  fc.constantFrom(
    '2024-03-05 10:00:00 +0000',
    '2024-03-05T10:00:00Z',
    '2024-03-05',
    ' 2024-03-05 10:00 ',
    '2024-02-30',
    '05/03/2024',
    '0024-02-29 10:00 +0100',
    'soon',
    '',
  ),
  fc.constantFrom('12.50', '0', '1,234.56', '12,50', '-3', 'USD 12.00', '€5', ' 7 ', '.5', '5.', 'lots', ''),
  fc.constantFrom('EUR', 'eur', ' usd ', 'EURO', '€', ''),
  fc.constantFrom('paid', 'Paid', 'refunded', 'Partially Paid', 'voided', 'constructor', 'weird', ''),
);

const formatsArb = fc.record({
  columnDecimalMarks: fc.constantFrom<Record<number, DecimalMark>>({}, { 3: ',' }),
  decimalMark: fc.constantFrom('.' as const, ',' as const),
  dateOrder: fc.constantFrom('DMY' as const, 'MDY' as const),
  offsetMinutes: fc.constantFrom(0, 60),
  defaultCurrency: fc.constantFrom(undefined, 'USD', 'EUR'),
});

describe('createFastOrderRows', () => {
  it('should read a row only when the full path reads it without a problem, and into the same order', () => {
    let read = 0;
    fc.assert(
      fc.property(cells, formatsArb, fc.boolean(), (row, formats, withStatus) => {
        const fields: Record<string, number> = { ...FIELDS };
        if (!withStatus) delete fields.status;
        const fast = createFastOrderRows(fields, formats, HEADERS.length)?.read(row);
        if (!fast) return;
        read++;
        const values = new RowValues(row, HEADERS, fields, ordersKind.fields, formats);
        const draft = ordersKind.build(values, { source: 'csv' });
        expect(values.problems).toEqual([]);
        expect(draft?.key).toBe(fast.key);
        expect(draft?.person?.externalId).toBe(fast.customer);
        expect(draft?.fields).toEqual({
          number: fast.key,
          placedAt: new Date(fast.placedAt).toISOString(),
          status: ORDER_STATUSES[fast.status],
          currency: fast.currency,
          total: { amount: fast.total, currency: fast.totalCurrency },
          discounts: [],
          lineItems: [],
          source: 'import:csv',
        });
      }),
      { numRuns: 10_000 },
    );
    // The comparison ran often enough to mean something (about 3 % of the rows are read).
    expect(read).toBeGreaterThan(150);
  });

  it('should read the rows of a plain shop export, and decline a file mapping fields it does not know', () => {
    const formats: ValueFormats = { columnDecimalMarks: {}, decimalMark: '.', dateOrder: 'DMY', offsetMinutes: 0 };
    const reader = createFastOrderRows(FIELDS, formats, HEADERS.length);
    expect(reader?.read(['O1', 'C1', '2024-03-05 10:00:00 +0100', '12.50', 'EUR', 'paid'])).toEqual({
      key: 'O1',
      customer: 'C1',
      placedAt: Date.parse('2024-03-05T09:00:00Z'),
      status: ORDER_STATUSES.indexOf('paid'),
      currency: 'EUR',
      total: 12.5,
      totalCurrency: 'EUR',
    });
    expect(reader?.read(['O1', 'C1', '2024-03-05', 'EUR 12.50', 'EUR', 'paid'])).toBeUndefined();
    expect(reader?.read(['O1', 'C1', '2024-03-05', '12.50', 'EUR'])).toBeUndefined();
    expect(createFastOrderRows({ ...FIELDS, email: 6 }, formats, 7)).toBeUndefined();
    expect(createFastOrderRows({ orderId: 0, placedAt: 2, total: 3 }, formats, 6)).toBeUndefined();
  });
});
