import { describe, expect, it } from 'vitest';
import { gzipBytes, lazyImports, withImports } from './gzip-size';

/**
 * Size budget of the help widget (gzip bytes, level 9), from the issue: at most 15 KB on
 * top of the event API, loaded only when a <cordial-help> is on the page. Lit and the
 * storage chunk are the widgets' shared runtime (the offer budget counts them), so they
 * are not counted again here; docs/help-widget.md records every figure.
 */
const KB = 1024;
const total = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + gzipBytes(f), 0);

const HELP = 'sdk/widgets/help.js';
const shared = withImports('sdk/widgets/offer.js');
const onPage = [...withImports(HELP)].filter((f) => !shared.has(f));
const lazy = lazyImports(HELP);
/** Loaded when the panel first opens: the article chunk (content, Markdown, suggestions) and search. */
const onOpen = lazy.filter((f) => f.includes('library') || f.includes('search-engine'));

describe('help widget budget', () => {
  it('should add at most 15 KB gzip when a <cordial-help> is on the page', () => {
    expect(total(onPage)).toBeLessThanOrEqual(15 * KB);
  });

  it('should load articles and search (minisearch and the index) when the panel opens, at most 10 KB gzip more', () => {
    expect(onOpen).toHaveLength(2);
    const files = new Set(onOpen.flatMap((f) => [...withImports(f)]));
    expect(total([...files].filter((f) => !onPage.includes(f) && !shared.has(f)))).toBeLessThanOrEqual(10 * KB);
  });

  it('should load each extra language on its own, at most 2 KB gzip', () => {
    const languages = lazy.filter((f) => !onOpen.includes(f));
    expect(languages.length).toBeGreaterThanOrEqual(2);
    for (const file of languages) expect(gzipBytes(file)).toBeLessThanOrEqual(2 * KB);
  });
});
