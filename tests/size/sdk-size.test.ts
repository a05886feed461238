import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, gzipBytes, withImports } from './gzip-size';

/**
 * Size budgets of the SDK (gzip bytes, level 9), from the issue: the event API alone
 * (the script tag) at most 8 KB; the offers, counting the widget module and every chunk it
 * imports statically (Lit included), loaded only when a <cordial-offer> is on the page; and a
 * page with every widget within the sum of those budgets. The figures are recorded in docs/sdk.md.
 */
const KB = 1024;

const total = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + gzipBytes(f), 0);

describe('SDK bundle budgets', () => {
  it('should keep the event API (script tag) within 8 KB gzip', () => {
    expect(gzipBytes('sdk/cordial.iife.js')).toBeLessThanOrEqual(8 * KB);
  });

  it('should keep the event API as an ES module within 8 KB gzip', () => {
    expect(total(withImports('sdk/cordial.js'))).toBeLessThanOrEqual(8 * KB);
  });

  // Everything that loads with every <cordial-offer>: the widget module and its static imports (Lit, the decisions,
  // the offer-config schema, the element and its styles). `sdk/scripts/size-breakdown.mjs` says where the bytes go.
  it('should add at most 12 KB gzip for the offers, Lit and static imports included', () => {
    expect(total(withImports('sdk/widgets/offer.js'))).toBeLessThanOrEqual(12 * KB);
  });

  // What only some configurations load, each imported by the widget when a configuration uses it (see the offers
  // spec): worded explanations (on explain()), banners/toasts/modals and their triggers, the bandit, schedules,
  // event rules, product lists. Budgets keep each small; docs/sdk.md gives the total with all of them.
  it.each([
    ['explain', 1.5],
    ['overlay', 1],
    ['bandit', 0.5],
    ['schedule', 0.5],
    ['event-index', 0.75],
  ])('should keep the lazily loaded %s chunk within %s KB gzip', (name, budget) => {
    const files = readdirSync(join(DIST, 'sdk/chunks')).filter((f) => f.startsWith(`${name}-`));
    expect(files).toHaveLength(1);
    expect(gzipBytes(`sdk/chunks/${files[0]}`)).toBeLessThanOrEqual(budget * KB);
  });

  it('should load the product recommendations (only for offers with products) within 1.5 KB gzip more', () => {
    const files = readdirSync(join(DIST, 'sdk/chunks')).filter((f) => f.startsWith('products-'));
    expect(files).toHaveLength(1);
    expect(gzipBytes(`sdk/chunks/${files[0]}`)).toBeLessThanOrEqual(1.5 * KB);
  });

  // "The whole SDK" is what one page can load, not the sum of every file in dist/sdk (that
  // counts the ES module and the script tag twice, and every language pack at once). A page
  // with both widgets loads the script tag and each widget with its static imports; the issues'
  // budgets add up to 8 + 12 + 15 = 35 KB for that; measured at 27.6 KB once the help widget paints only its
  // launcher, so the page is held to the foundation's 30 KB.
  // What loads later, on interaction (search, a language, the products list, the index
  // worker for large collections), has budgets of its own in this folder.
  it('should load at most 30 KB gzip on a page with the script tag and both widgets', () => {
    const page = new Set([
      'sdk/cordial.iife.js',
      ...withImports('sdk/widgets/offer.js'),
      ...withImports('sdk/widgets/help.js'),
    ]);
    expect(total(page)).toBeLessThanOrEqual(30 * KB);
  });

  it('should ship no eval or Function constructor (strict CSP)', () => {
    const files = readdirSync(join(DIST, 'sdk'), { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.js'),
    );
    for (const f of files) expect(readFileSync(join(DIST, 'sdk', f), 'utf8')).not.toMatch(/\beval\(|new Function\(/);
  });
});
