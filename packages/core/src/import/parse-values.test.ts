import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  detectDateOrder,
  detectDecimalMark,
  matchIso,
  parseAmount,
  parseBoolean,
  parseDate,
  parseDecimal,
  plainDecimal,
  scanInstant,
  scanIso,
  utcIso,
} from './parse-values.ts';

describe('parseDecimal', () => {
  it.each([
    ['1,234.56', '.', 1234.56],
    ['1.234,56', ',', 1234.56],
    ['1 234,56', ',', 1234.56],
    ["1'234.50", '.', 1234.5],
    ['-12', '.', -12],
    ['(12.50)', '.', -12.5],
    ['.5', '.', 0.5],
    ['0,5', ',', 0.5],
  ] as const)('should read %s with "%s" as the decimal mark as %d', (text, mark, value) => {
    expect(parseDecimal(text, mark)).toEqual({ ok: true, value });
  });
  it('should refuse grouping that does not group thousands', () => {
    expect(parseDecimal('1,23.4', '.').ok).toBe(false);
    expect(parseDecimal('12abc', '.').ok).toBe(false);
    expect(parseDecimal('1.234,56', '.').ok).toBe(false);
  });
});

describe('detectDecimalMark', () => {
  it('should decide from values that show their mark and ignore the ambiguous ones', () => {
    expect(detectDecimalMark(['1.234', '12,5'])).toBe(',');
    expect(detectDecimalMark(['1,234', '12.50'])).toBe('.');
    expect(detectDecimalMark(['1.234.567'])).toBe(',');
    expect(detectDecimalMark(['1,234', '12'])).toBe('ambiguous');
  });
});

describe('plainDecimal', () => {
  it('should read digits with at most one decimal mark exactly as parseDecimal does, and nothing else', () => {
    const cell = fc.stringMatching(/^[0-9.,\- $]{0,12}$/);
    fc.assert(
      fc.property(cell, fc.constantFrom('.' as const, ',' as const), (text, mark) => {
        const plain = plainDecimal(text, mark);
        if (plain !== undefined) expect(parseDecimal(text, mark)).toEqual({ ok: true, value: plain });
        if (/^\d+([.,]\d+)?$/.test(text) && (!/[.,]/.test(text) || text.includes(mark))) expect(plain).toBeDefined();
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseAmount', () => {
  it('should read symbols and codes on either side', () => {
    expect(parseAmount('€1.234,56', ',')).toEqual({ ok: true, value: { amount: 1234.56, currency: 'EUR' } });
    expect(parseAmount('1 234,56 EUR', ',')).toEqual({ ok: true, value: { amount: 1234.56, currency: 'EUR' } });
    expect(parseAmount('USD 12.00', '.')).toEqual({ ok: true, value: { amount: 12, currency: 'USD' } });
    expect(parseAmount('$12', '.', 'CAD')).toEqual({ ok: true, value: { amount: 12, currency: 'CAD' } });
    expect(parseAmount('12.00', '.', 'GBP')).toEqual({ ok: true, value: { amount: 12, currency: 'GBP' } });
    expect(parseAmount('12.00', '.')).toEqual({ ok: true, value: { amount: 12 } });
  });
  it('should refuse two different currencies in one cell', () => {
    expect(parseAmount('€12 USD', '.').ok).toBe(false);
  });
});

describe('parseDate', () => {
  it.each([
    ['2024-03-05', 'DMY', '2024-03-05T00:00:00.000Z'],
    ['2024-03-05T10:00:00Z', 'DMY', '2024-03-05T10:00:00.000Z'],
    ['2024-03-05 10:00:00 -0500', 'DMY', '2024-03-05T15:00:00.000Z'],
    ['05/03/2024', 'DMY', '2024-03-05T00:00:00.000Z'],
    ['03/05/2024', 'MDY', '2024-03-05T00:00:00.000Z'],
    ['5.3.24', 'DMY', '2024-03-05T00:00:00.000Z'],
    ['3/5/2024, 2:30 PM', 'MDY', '2024-03-05T14:30:00.000Z'],
    ['5 Mar 2024', 'MDY', '2024-03-05T00:00:00.000Z'],
    ['March 5, 2024 09:15', 'DMY', '2024-03-05T09:15:00.000Z'],
  ] as const)('should read %s (%s) as %s', (text, order, iso) => {
    expect(parseDate(text, { order })).toEqual({ ok: true, value: iso });
  });
  it('should apply the offset of times written without a zone', () => {
    expect(parseDate('2024-03-05 10:00', { order: 'DMY', offsetMinutes: 60 })).toEqual({
      ok: true,
      value: '2024-03-05T09:00:00.000Z',
    });
  });
  it('should refuse impossible dates rather than roll them over', () => {
    expect(parseDate('2024-02-30', { order: 'DMY' }).ok).toBe(false);
    expect(parseDate('25/03/2024', { order: 'MDY' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('MM/DD/YYYY'),
    });
    expect(parseDate('yesterday', { order: 'DMY' }).ok).toBe(false);
  });
  it('should know leap years, and years before 100 as written', () => {
    expect(parseDate('2000-02-29', { order: 'DMY' }).ok).toBe(true);
    expect(parseDate('1900-02-29', { order: 'DMY' }).ok).toBe(false);
    expect(parseDate('0024-02-29 10:00 +0100', { order: 'DMY' })).toEqual({
      ok: true,
      value: '0024-02-29T09:00:00.000Z',
    });
  });
});

describe('utcIso', () => {
  it('should write what toISOString writes for any instant from year 0 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (ms) => {
        const d = new Date(ms);
        const time = { h: d.getUTCHours(), m: d.getUTCMinutes(), s: d.getUTCSeconds(), ms: d.getUTCMilliseconds() };
        expect(utcIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), time)).toBe(d.toISOString());
      }),
      { numRuns: 5000 },
    );
  });
});

describe('scanIso', () => {
  // Strings near the ISO shapes: the pieces exports write and the ways they go wrong.
  const piece = (options: string[]) => fc.constantFrom(...options);
  const near = fc
    .tuple(
      piece(['2024', '1999', '0007', '202', '20245', '2O24']),
      piece(['-']),
      piece(['03', '12', '13', '00', '3', '1a']),
      piece(['-', '/']),
      piece(['05', '31', '29', '00', '5']),
      piece(['', 'T', ' ', 't', '  ', '\t']),
      piece(['', '10:00', '23:59', '24:00', '1:00', '10:6', '10:00:00', '10:00:60', '10:00:59']),
      piece(['', '.5', '.123', '.123456789', '.1234567891', ',5', '.', '.x']),
      piece(['', ' ', '  ', '\t']),
      piece(['', 'Z', 'z', 'UTC', 'utc', '+01:00', '-0530', '+0000', '-00:00', '+1', '+01:0', '+01:00x', 'Zx', 'x']),
    )
    .map((parts) => parts.join(''));

  it('should read what it reads exactly as the ISO pattern does', () => {
    fc.assert(
      fc.property(near, (text) => {
        const scanned = scanIso(text);
        if (scanned !== undefined) expect(scanned).toEqual(matchIso(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('should give, as epoch ms, the instant parseDate gives wherever it reads the text at all', () => {
    fc.assert(
      fc.property(near, fc.constantFrom(0, 60, -330), (text, offsetMinutes) => {
        const ms = scanInstant(text, offsetMinutes);
        if (ms === undefined) return;
        const parsed = parseDate(text, { order: 'DMY', offsetMinutes });
        expect(parsed.ok && Date.parse(parsed.value)).toBe(ms);
      }),
      { numRuns: 3000 },
    );
    expect(scanInstant('2024-02-30', 0)).toBeUndefined();
    expect(scanInstant('0024-02-29 10:00 +0100', 0)).toBe(Date.parse('0024-02-29T09:00:00.000Z'));
  });

  it('should read the shapes of common exports itself', () => {
    for (const text of [
      '2024-03-05',
      '2024-03-05T10:00:00Z',
      '2024-03-05 10:00:00 -0500',
      '2024-03-05T10:00:00.123+01:00',
    ]) {
      expect(scanIso(text)).toBeDefined();
      expect(scanIso(text)).toEqual(matchIso(text));
    }
  });
});

describe('detectDateOrder', () => {
  it('should find day-first, month-first, both and neither', () => {
    expect(detectDateOrder(['01/02/2024', '25/02/2024'])).toBe('DMY');
    expect(detectDateOrder(['01/02/2024', '02/25/2024'])).toBe('MDY');
    expect(detectDateOrder(['25/02/2024', '02/25/2024'])).toBe('inconsistent');
    expect(detectDateOrder(['01/02/2024', '2024-02-25'])).toBe('ambiguous');
  });
});

describe('parseBoolean', () => {
  it('should read the yes and no words exports use', () => {
    expect(parseBoolean('Yes')).toEqual({ ok: true, value: true });
    expect(parseBoolean('unsubscribed')).toEqual({ ok: true, value: false });
    expect(parseBoolean('maybe').ok).toBe(false);
  });
});
