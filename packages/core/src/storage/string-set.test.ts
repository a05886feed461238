import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStringSet } from './string-set.ts';

describe('createStringSet', () => {
  it('should answer as a Set<string> does through any adds, deletes and growth', () => {
    const op = fc.tuple(fc.constantFrom('add', 'claim', 'delete', 'has'), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), fc.constantFrom(0, 100, 100_000), (ops, expected) => {
        const set = createStringSet(expected);
        const model = new Set<string>();
        for (const [kind, value] of ops) {
          if (kind === 'add') {
            set.add(value);
            model.add(value);
          } else if (kind === 'claim') {
            expect(set.claim(value)).toBe(!model.has(value));
            model.add(value);
          } else if (kind === 'delete') {
            set.delete(value);
            model.delete(value);
          }
          expect(set.has(value)).toBe(model.has(value));
        }
        for (const value of model) expect(set.has(value)).toBe(true);
      }),
    );
  });

  it('should hold many strings, including ones whose hashes collide', () => {
    const set = createStringSet();
    for (let i = 0; i < 200_000; i++) set.add(`csv:O${i}`);
    expect(set.has('csv:O199999')).toBe(true);
    expect(set.has('csv:O200000')).toBe(false);
    // 'costarring' and 'liquid' share their FNV-1a hash.
    set.add('costarring');
    expect(set.has('liquid')).toBe(false);
    set.add('liquid');
    set.delete('costarring');
    expect([set.has('costarring'), set.has('liquid')]).toEqual([false, true]);
  });
});
