import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupRows } from './group-rows.ts';

describe('groupRows', () => {
  it('should give each key its rows in order, and only the keys that have rows', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 200 }), (keys) => {
        const grouped = groupRows(Uint16Array.from(keys), 10);
        for (let key = 0; key < 10; key++)
          expect([...grouped.rowsOf(key)]).toEqual(keys.flatMap((k, row) => (k === key ? [row] : [])));
        expect(grouped.keys()).toEqual([...new Set(keys)].sort((a, b) => a - b));
      }),
    );
  });
});
