import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NewOrderColumns } from '../ports/order-columns.ts';
import { OrderColumnsSchema, parseOrderColumns, provablyValid } from './parse-order-columns.ts';

const id = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('csv:O1', 'C7', 'x') },
  fc.constantFrom('', 'y'.repeat(257)),
);
const optional = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('O1', undefined) }, fc.constant(''));
const code = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('EUR', 'USD') }, fc.constantFrom('eur', 'EURO', ''));
/** Columns of up to 6 rows, mostly valid, with every kind of value OrderColumnsSchema refuses. */
const columnsArb = fc.integer({ min: 0, max: 6 }).chain((n) =>
  fc.record({
    createdAt: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'yesterday'),
    source: fc.constantFrom('import:csv', undefined, ''),
    system: fc.constantFrom('csv', undefined, ''),
    ids: fc.array(id, { minLength: n, maxLength: n }),
    contactIds: fc.array(id, { minLength: n, maxLength: n }),
    numbers: fc.array(optional, { minLength: n, maxLength: n }),
    externalIds: fc.array(optional, { minLength: n, maxLength: n }),
    placedAt: fc.constantFrom(
      new Float64Array(n),
      new Float64Array(n),
      Array.from({ length: n }, () => 0),
    ),
    status: fc.constantFrom(new Uint8Array(n), new Uint8Array(n), new Int8Array(n)),
    currencies: fc.array(fc.oneof({ weight: 10, arbitrary: code }, fc.constant(undefined)), {
      minLength: n,
      maxLength: n,
    }),
    total: fc.constantFrom(new Float64Array(n), new Float64Array(n), new Float32Array(n)),
  }),
);

describe('parseOrderColumns', () => {
  it('should prove valid exactly the columns the zod schema accepts (of these shapes)', () => {
    let proved = 0;
    fc.assert(
      // fast-check's records have no prototype: spread into a plain object, as the import builds them.
      fc.property(columnsArb, (record) => {
        const columns = { ...record };
        const zod = OrderColumnsSchema.safeParse(columns).success;
        const direct = provablyValid(columns as unknown as NewOrderColumns);
        expect(direct).toBe(zod);
        if (direct) proved++;
      }),
      { numRuns: 3000 },
    );
    expect(proved).toBeGreaterThan(20);
  });

  it('should name the rows whose values zod refuses', () => {
    const columns: NewOrderColumns = {
      createdAt: '2026-01-01T00:00:00.000Z',
      system: 'csv',
      ids: ['csv:1', ''],
      contactIds: ['C1', 'C2'],
      numbers: ['1', undefined],
      externalIds: ['1', undefined],
      placedAt: new Float64Array([0, 0]),
      status: new Uint8Array([1, 1]),
      currencies: ['EUR', 'eur'],
      total: new Float64Array([1, 2]),
    };
    const parsed = parseOrderColumns(columns);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect([...parsed.rows.keys()]).toEqual([1]);
    expect(parseOrderColumns({ ...columns, ids: ['csv:1', 'csv:2'], currencies: ['EUR', 'EUR'] }).ok).toBe(true);
  });
});
