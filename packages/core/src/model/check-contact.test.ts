import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contact } from '../testing/records.ts';
import { checkContact } from './check-contact.ts';
import { ContactSchema } from './contact.ts';

/** Values that are valid somewhere and invalid elsewhere, including the shapes zod treats specially. */
const odd = fc.constantFrom<unknown>(
  undefined,
  null,
  '',
  'x',
  'Z'.repeat(257),
  0,
  1,
  2.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 60,
  true,
  [],
  [''],
  ['vip'],
  // A hole: zod checks it (undefined is not a string), Array.prototype.every would skip it.
  // biome-ignore lint/suspicious/noSparseArray: the hole is the point
  [, 'vip'],
  ['a@b.co'],
  ['a..b@example.com'],
  ['+442079460958'],
  ['+0123'],
  {},
  { status: 'granted' },
  { source: 'x', status: 'denied' },
  { status: 'granted', at: '2024-03-05' },
  { status: 'unknown', at: '2024-03-05T10:00:00Z' },
  { street: 'Main St 1', country: 'DE' },
  { country: 'de' },
  { country: 'DE', street: 'Main St 1' },
  { '': 'x' },
  { shopify: '' },
  { shopify: '1', note: 2, flag: false, none: null },
  { n: Number.NaN },
  { doNotContact: true, topics: ['news'], frequency: 'weekly', preferredChannel: 'email' },
  { doNotContact: true, topics: [], frequency: 'daily' },
  '2024-03-05T10:00:00.000+01:00',
  '+010000-01-01T00:00:00.000Z',
  '2024-02-30T00:00:00Z',
  'customer',
  'lead',
);

/** A valid contact with some fields set to odd values, or one extra key, or nested keys reordered. */
const candidate = fc
  .tuple(
    fc.dictionary(fc.constantFrom(...Object.keys(ContactSchema.shape), 'extra'), odd, { maxKeys: 3 }),
    fc.boolean(),
    fc.constantFrom('emails', 'firstName', 'consent', 'id'),
  )
  .map(([changes, reorder, first]) => {
    const base = { ...contact('c1', { emails: ['ann@example.com'], phones: ['+442079460958'] }), ...changes };
    if (!reorder) return base;
    // The same fields in another order: zod's output follows the schema, and so must the check's.
    const { [first as keyof typeof base]: moved, ...rest } = base;
    return { [first]: moved, ...rest, consent: { ...base.consent } };
  });

describe('checkContact', () => {
  it('should return every field of ContactSchema, in its order', () => {
    const full = contact('c1', {
      firstName: 'Ann',
      lastName: 'Lee',
      fullName: 'Ann Lee',
      accountId: 'a1',
      company: 'Acme',
      title: 'CTO',
      address: { city: 'Berlin' },
      ownerId: 'u1',
      source: 'manual',
    });
    expect(Object.keys(checkContact(full) ?? {})).toEqual(Object.keys(ContactSchema.shape));
  });

  it('should accept only what zod accepts and return exactly what zod returns', () => {
    let proven = 0;
    fc.assert(
      fc.property(candidate, (value) => {
        const checked = checkContact(value);
        const parsed = ContactSchema.safeParse(value);
        if (checked === undefined) return;
        proven++;
        expect(parsed.success).toBe(true);
        expect(JSON.stringify(checked)).toBe(JSON.stringify(parsed.data));
        expect(checked).toEqual(parsed.data);
      }),
      { numRuns: 3000 },
    );
    // Not vacuous: many of the generated contacts are valid and proven so.
    expect(proven).toBeGreaterThan(300);
  });

  it('should prove the contacts an import builds and the ones a repository stores', () => {
    const imported = {
      emails: ['ann@example.com'],
      phones: ['+442079460958'],
      firstName: 'Ann',
      tags: ['vip'],
      customFields: { note: 'hi' },
      source: 'import:csv',
      externalIds: { shopify: '1' },
      lifecycleStage: 'prospect',
      consent: contact('x').consent,
      marketing: { doNotContact: false, topics: [] },
      id: 'shopify:1',
      createdAt: '2024-03-05T00:00:00.000Z',
      updatedAt: '2026-12-06T00:00:00.000Z',
      version: 1,
    };
    expect(checkContact(imported)).toEqual(ContactSchema.parse(imported));
    expect(Object.keys(checkContact(imported) ?? {})).toEqual(Object.keys(ContactSchema.parse(imported)));
    const stored = contact('c1', { address: { street: 'Main St 1', country: 'DE' }, accountId: 'a1' });
    expect(checkContact(stored)).toEqual(stored);
  });

  it('should leave a list with a hole to zod, which rejects it', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const holed = contact('c1', { tags: [, 'vip'] as string[] });
    expect(checkContact(holed)).toBeUndefined();
    expect(ContactSchema.safeParse(holed).success).toBe(false);
  });
});
