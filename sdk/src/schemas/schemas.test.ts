import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchema, type JsonSchema } from '../schema-check';
import clientConfig from './client-config.json';
import helpCaseStatus from './help-case-status.json';
import helpConfig from './help-config.json';
import helpContent from './help-content.json';
import { SCHEMAS, toShippedSchema } from './index';
import offerConfig from './offer-config.json';
import recommendationTable from './recommendation-table.json';

const FILES: Record<string, unknown> = {
  'client-config': clientConfig,
  'offer-config': offerConfig,
  'recommendation-table': recommendationTable,
  'help-content': helpContent,
  'help-config': helpConfig,
  'help-case-status': helpCaseStatus,
};
const shipped = (name: string) => FILES[name] as JsonSchema;

const validOffers = {
  holdout: 10,
  caps: { perSession: 3 },
  offers: [
    {
      id: 'w',
      type: 'welcome',
      placement: 'home',
      display: 'modal',
      trigger: { on: 'delay', ms: 500 },
      content: { title: 'Hi', cta: { label: 'Go', url: '/x' }, products: { source: 'trending', limit: 2 } },
      audience: {
        stages: ['prospect'],
        events: [{ event: 'Product Viewed', category: 'Tea', min: 2, withinDays: 7 }],
        rfm: { r: { min: 3 } },
      },
      schedule: { start: '2026-01-01T00:00:00Z', hours: [9, 18] },
      variants: [{ id: 'a' }, { id: 'b', title: 'Hello' }],
      caps: { afterDismissal: 'never', perDay: 2 },
    },
  ],
};

describe('shipped JSON schemas', () => {
  it.each(Object.keys(SCHEMAS))('should match what zod generates for %s (run sdk/scripts/gen-schemas.ts)', (name) => {
    expect(shipped(name)).toEqual(toShippedSchema(SCHEMAS[name] as never));
  });

  it('should accept and reject exactly what the zod schema does, on mutations of a valid configuration', () => {
    const zod = SCHEMAS['offer-config'];
    const json = shipped('offer-config');
    const junk = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.integer({ min: -5, max: 200 }),
      fc.constant(2 ** 53),
      fc.double(),
      fc.string(),
      fc.boolean(),
      fc.constant([]),
      fc.constant({}),
    );
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) walk(v, [...path, Array.isArray(value) ? Number(k) : k]);
    };
    walk(validOffers, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.slice(1)), junk, fc.boolean(), (path, value, addKey) => {
        const copy = structuredClone(validOffers) as Record<string | number, unknown>;
        let target = copy as Record<string | number, unknown>;
        for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
        const last = path[path.length - 1] as string | number;
        if (addKey && typeof target === 'object' && !Array.isArray(target)) target[`${String(last)}_typo`] = value;
        else target[last] = value;
        const zodOk = zod?.safeParse(copy).success;
        expect(checkSchema(json, copy).length === 0).toBe(zodOk);
      }),
      { numRuns: 400 },
    );
  });

  it('should explain what is wrong, naming the path', () => {
    const bad = structuredClone(validOffers) as typeof validOffers & { offers: Record<string, unknown>[] };
    (bad.offers[0] as Record<string, unknown>).type = 'crosssell';
    (bad.offers[0] as Record<string, unknown>).priorty = 3;
    expect(checkSchema(shipped('offer-config'), bad)).toEqual([
      'offers[0].type: must be one of "cross-sell", "up-sell", "win-back", "welcome", "retention", got "crosssell"',
      'offers[0].priorty: is not a known field',
    ]);
  });
});
