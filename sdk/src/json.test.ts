import * as fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { toJson, toPlain } from './json';

describe('toJson', () => {
  afterEach(() => {
    delete (Array.prototype as { toJSON?: unknown }).toJSON;
  });

  it('should write exactly what JSON.stringify writes for plain JSON data', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(toJson(value)).toBe(JSON.stringify(value));
      }),
    );
  });

  it('should ignore a toJSON that a page added to Array.prototype (the Prototype.js bug)', () => {
    (Array.prototype as { toJSON?: unknown }).toJSON = function () {
      return JSON.stringify(this);
    };
    expect(toJson({ batch: [1, 'a'] })).toBe('{"batch":[1,"a"]}');
  });

  it('should write what toPlain made of dates, functions, undefined and cycles', () => {
    const cyclic: Record<string, unknown> = { a: 1, at: new Date('2026-01-02T03:04:05Z'), f: () => 1, u: undefined };
    cyclic.self = cyclic;
    expect(toJson(toPlain(cyclic))).toBe('{"a":1,"at":"2026-01-02T03:04:05.000Z","self":null}');
    expect(toJson({ u: undefined, n: Number.NaN, list: [undefined, Number.POSITIVE_INFINITY] })).toBe(
      '{"n":null,"list":[null,null]}',
    );
  });
});

describe('toPlain', () => {
  it('should return a deep copy equal to a JSON round trip for plain data (without "__proto__" keys)', () => {
    const noProto = (_key: string, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== '__proto__'))
        : v;
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(toPlain(value)).toEqual(JSON.parse(JSON.stringify(value), noProto));
      }),
    );
  });

  it('should drop "__proto__" keys rather than let them set the copy\'s prototype', () => {
    const hostile = JSON.parse('{"a":1,"__proto__":{"admin":true}}');
    const copy = toPlain(hostile) as Record<string, unknown>;
    expect(copy).toEqual({ a: 1 });
    expect(copy.admin).toBeUndefined();
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  });

  it('should turn what IndexedDB cannot clone into plain data', () => {
    expect(toPlain({ el: { n: Number.NaN }, fn: () => 1, list: [undefined, 2] })).toEqual({
      el: { n: null },
      list: [null, 2],
    });
  });
});
