import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { type Article, helpfulness } from './articles';
import { plainText } from './markdown';

/** Bump when the indexed fields or term processing change: it invalidates cached indexes. */
export const INDEX_FORMAT = 1;

export interface IndexedDoc {
  id: string;
  title: string;
  labels: string;
  text: string;
}

/** Lower case without diacritics, so "cafe" finds "Café" and Arabic matches with or without vowel marks. */
export function fold(term: string): string {
  return term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export const INDEX_OPTIONS: Options<IndexedDoc> = {
  fields: ['title', 'labels', 'text'],
  storeFields: [],
  processTerm: (term) => fold(term) || null,
};

export const toDoc = (a: Article): IndexedDoc => ({
  id: a.id,
  title: a.title,
  labels: a.labels.join(' '),
  text: plainText(a.body),
});

export function buildIndex(docs: IndexedDoc[]): MiniSearch<IndexedDoc> {
  const index = new MiniSearch(INDEX_OPTIONS);
  index.addAll(docs);
  return index;
}

export type Segment = { text: string; mark: boolean };

export interface Hit {
  article: Article;
  score: number;
  title: Segment[];
  snippet: Segment[];
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Splits text into plain and marked runs: a word is marked when its folded form is a matched term. */
export function highlight(text: string, terms: ReadonlySet<string>): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    if (!terms.has(fold(match[0]))) continue;
    if (match.index > last) out.push({ text: text.slice(last, match.index), mark: false });
    out.push({ text: match[0], mark: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), mark: false });
  return out;
}

/** A window of the text around the first matched word, cut at word boundaries, with ellipses. */
export function snippet(text: string, terms: ReadonlySet<string>, length = 160): Segment[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  let first = 0;
  for (const match of flat.matchAll(WORD))
    if (terms.has(fold(match[0]))) {
      first = match.index;
      break;
    }
  let start = Math.max(0, first - Math.floor(length / 3));
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start;
  let end = Math.min(flat.length, start + length);
  if (end < flat.length) end = flat.lastIndexOf(' ', end) > start ? flat.lastIndexOf(' ', end) : end;
  const segments = highlight(flat.slice(start, end), terms);
  if (start > 0) segments.unshift({ text: '… ', mark: false });
  if (end < flat.length) segments.push({ text: ' …', mark: false });
  return segments;
}

export interface Searcher {
  search(query: string, limit?: number): Hit[];
}

/**
 * Ranked, typo-tolerant, prefix search: all words must match (falling back to any word),
 * title counts three times as much as the body, and each score is lifted by the
 * article's helpfulness (the owner's aggregated votes plus this visitor's own vote).
 */
export function createSearcher(
  index: MiniSearch<IndexedDoc>,
  articles: Article[],
  localVote: (id: string) => number = () => 0,
): Searcher {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const texts = new Map<string, string>();
  const textOf = (a: Article) => {
    const cached = texts.get(a.id);
    if (cached !== undefined) return cached;
    const text = plainText(a.body);
    texts.set(a.id, text);
    return text;
  };
  const options = {
    prefix: true,
    fuzzy: (term: string) => (term.length > 3 ? 0.2 : false),
    boost: { title: 3, labels: 2 },
    boostDocument: (id: string) => {
      const article = byId.get(id);
      return article ? 0.5 + helpfulness(article, localVote(id)) : 0;
    },
  } as const;
  return {
    search(query, limit = 8) {
      const q = query.trim();
      if (!q) return [];
      let results: SearchResult[] = index.search(q, { ...options, combineWith: 'AND' });
      if (results.length === 0) results = index.search(q, { ...options, combineWith: 'OR' });
      const hits: Hit[] = [];
      for (const result of results.slice(0, limit)) {
        const article = byId.get(String(result.id));
        if (!article) continue;
        const terms = new Set(result.terms);
        hits.push({
          article,
          score: result.score,
          title: highlight(article.title, terms),
          snippet: snippet(textOf(article), terms),
        });
      }
      return hits;
    },
  };
}
