/**
 * Help search per keystroke over 1,000 articles, in Chromium (run by `npm run bench -- help`).
 * Each figure is printed with a baseline measured in the same run:
 *   - search as you type (minisearch: prefix, fuzzy, ranked, with snippets) vs a naive
 *     substring scan over the same plain text (what a widget without an index does);
 *   - building the index vs loading it from its cached JSON (what IndexedDB saves).
 */
import MiniSearch from 'minisearch';
import { plainText } from '../../sdk/src/widgets/help/markdown';
import { buildIndex, createSearcher, INDEX_OPTIONS, toDoc } from '../../sdk/src/widgets/help/search';
import { generateArticles } from '../fixtures/help/generate-articles';
import { done, report } from './bench-report.ts';

const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};
const p95 = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length * 0.95)] as number;
};

/** Every prefix of each query: what the index sees while a visitor types it. */
const QUERIES = ['return the grinder', 'tracking parcel', 'descale kettle', 'change payment card', 'subscripton pause'];
const keystrokes = QUERIES.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function run() {
  const articles = generateArticles(1000);
  const docs = articles.map(toDoc);

  // Index: built from the articles vs loaded from its serialised form (the IndexedDB cache).
  const builds: number[] = [];
  const loads: number[] = [];
  let json = '';
  for (let i = 0; i < 7; i++) {
    builds.push(time(() => (json = JSON.stringify(buildIndex(docs)))));
    loads.push(time(() => MiniSearch.loadJSON(json, INDEX_OPTIONS)));
  }
  report({
    name: 'help index build, 1,000 articles (median of 7)',
    value: median(builds),
    unit: 'ms',
    baseline: { name: 'load from the cached JSON', value: median(loads) },
  });

  const searcher = createSearcher(buildIndex(docs), articles);
  const haystack = articles.map((a) => `${a.title}\n${plainText(a.body)}`.toLowerCase());
  const naive = (q: string) => {
    const needle = q.toLowerCase();
    const hits: [number, number][] = [];
    haystack.forEach((text, i) => {
      let count = 0;
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
      if (count) hits.push([i, count]);
    });
    return hits.sort((a, b) => b[1] - a[1]).slice(0, 8);
  };

  // Warm up both paths (JIT), then measure each keystroke several times.
  for (const q of keystrokes) {
    searcher.search(q);
    naive(q);
  }
  const ours: number[] = [];
  const base: number[] = [];
  let found = 0;
  for (let round = 0; round < 5; round++)
    for (const q of keystrokes) {
      ours.push(time(() => (found += searcher.search(q).length)));
      base.push(time(() => naive(q)));
    }
  report({
    name: `help search per keystroke, 1,000 articles (median of ${ours.length})`,
    value: median(ours),
    unit: 'ms',
    baseline: { name: 'naive substring scan', value: median(base) },
    note: `goal < 10 ms; ${found} results shown in total`,
  });
  report({
    name: 'help search per keystroke, 1,000 articles (p95)',
    value: p95(ours),
    unit: 'ms',
    baseline: { name: 'naive substring scan p95', value: p95(base) },
  });
  done();
}

run();
