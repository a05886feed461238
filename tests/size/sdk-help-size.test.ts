import { describe, expect, it } from 'vitest';
import { gzipBytes, lazyImports, withImports } from './gzip-size';

/**
 * Size budget of the help widget (gzip bytes, level 9), from the issue: at most 15 KB on
 * top of the event API, loaded only when a <cordial-help> is on the page. Counted in full:
 * the widget module and everything it imports statically, Lit and the storage chunk
 * included, since on a page with only <cordial-help> they load for help (a page that also
 * has offers shares them). The element paints only the launcher; the panel (views, forms,
 * articles, search) loads when the visitor moves towards it, with a budget of its own.
 * docs/help-widget.md records every figure.
 */
const KB = 1024;
const total = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + gzipBytes(f), 0);

const HELP = 'sdk/widgets/help.js';
const onPage = withImports(HELP);
/** The chunks the widget's files load later with `import()` (the panel, the other languages). */
const lazy = [...new Set([...onPage].flatMap((f) => lazyImports(f)))];
const PANEL = lazy.filter((f) => f.includes('/panel-'));
/** What opening the panel loads: the panel chunk, then the articles chunk and search, with their static imports. */
const opened = new Set([...onPage]);
for (const file of [...PANEL, ...PANEL.flatMap((f) => lazyImports(f))].filter(
  (f) => f.includes('/panel-') || f.includes('/library-') || f.includes('/search-engine-'),
))
  withImports(file, opened);
const onOpen = [...opened].filter((f) => !onPage.has(f));

describe('help widget budget', () => {
  it('should add at most 15 KB gzip, Lit included, when a <cordial-help> is on the page', () => {
    expect(total(onPage)).toBeLessThanOrEqual(15 * KB);
  });

  it('should load the panel, articles and search (minisearch and the index) only when it opens, at most 17 KB more', () => {
    expect(PANEL).toHaveLength(1);
    expect(onOpen.some((f) => f.includes('/library-'))).toBe(true);
    expect(onOpen.some((f) => f.includes('/search-engine-'))).toBe(true);
    expect(total(onOpen)).toBeLessThanOrEqual(17 * KB);
  });

  it('should load each extra language on its own, at most 2 KB gzip', () => {
    const languages = lazy.filter((f) => !PANEL.includes(f));
    expect(languages.length).toBeGreaterThanOrEqual(2);
    for (const file of languages) expect(gzipBytes(file)).toBeLessThanOrEqual(2 * KB);
  });
});
