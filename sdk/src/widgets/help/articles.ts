import schema from '../../schemas/help-content.json';
import type { Article, HelpContent } from './content.schema';
import { type Check, parseWith } from './defaults';

export type { Article, HelpContent };

export type ContentResult = { ok: true; content: HelpContent } | { ok: false; error: string };

/** A short, stable hash of the content (FNV-1a) so that an unversioned collection still keys its cache. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * Validates help content (an array of articles or `{ version?, articles, pages? }`),
 * with an error that names the article and field that are wrong.
 */
export function parseContent(input: unknown, check: Check): ContentResult {
  const parsed = parseWith<Omit<HelpContent, 'version'> & { version?: string }>(
    check,
    schema,
    Array.isArray(input) ? { articles: input } : input,
    'articles',
  );
  if (!parsed.ok) return parsed;
  const seen = new Set<string>();
  for (const article of parsed.value.articles) {
    const key = `${article.id}\u0000${article.locale.toLowerCase()}`;
    if (seen.has(key))
      return { ok: false, error: `Cordial help: article "${article.id}" appears twice in locale ${article.locale}.` };
    seen.add(key);
  }
  const version = parsed.value.version ?? hashText(JSON.stringify(parsed.value.articles));
  return { ok: true, content: { ...parsed.value, version } };
}

const primary = (locale: string) => locale.toLowerCase().split('-')[0] as string;

/**
 * One article per id in the visitor's language where it exists: the exact locale, then
 * the same language (fr-CA → fr), then the default locale, then any translation.
 */
export function articlesFor(content: HelpContent, locale: string): Article[] {
  const want = locale.toLowerCase();
  const rank = (a: Article) => {
    const l = a.locale.toLowerCase();
    if (l === want) return 0;
    if (primary(l) === primary(want)) return 1;
    if (l === content.defaultLocale.toLowerCase()) return 2;
    return 3;
  };
  const best = new Map<string, Article>();
  for (const article of content.articles) {
    const current = best.get(article.id);
    if (!current || rank(article) < rank(current)) best.set(article.id, article);
  }
  return [...best.values()];
}

/** `*` matches any run of characters; a pattern without a scheme is matched against the path. */
export function matchesPattern(pattern: string, url: URL): boolean {
  const target = /^[a-z][a-z0-9+.-]*:/i.test(pattern) ? url.href.split('#')[0] : url.pathname;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(target ?? '');
}

/** Helpfulness as a smoothed ratio in [0, 1] (two virtual votes, one each way, so new articles sit at 0.5). */
export function helpfulness(article: Pick<Article, 'helpful' | 'notHelpful'>, local = 0): number {
  const yes = article.helpful + Math.max(0, local);
  const no = article.notHelpful + Math.max(0, -local);
  return (yes + 1) / (yes + no + 2);
}

/** Most viewed first, helpfulness breaking ties: what is shown when nothing matches. */
export function popular(articles: Article[], limit = 5): Article[] {
  return articles
    .slice()
    .sort((a, b) => b.views - a.views || helpfulness(b) - helpfulness(a) || a.title.localeCompare(b.title))
    .slice(0, limit);
}

/**
 * Articles for the page in view: a URL pattern of the article matches (strongest), or
 * the article shares a label with the page (labels from the element and from `pages`).
 */
export function suggestionsFor(
  content: HelpContent,
  articles: Article[],
  url: URL,
  elementLabels: string[],
  limit = 5,
): Article[] {
  const pageLabels = new Set(elementLabels.map((l) => l.toLowerCase()));
  for (const page of content.pages)
    if (matchesPattern(page.pattern, url)) for (const l of page.labels) pageLabels.add(l.toLowerCase());
  const scored: [Article, number][] = [];
  for (const article of articles) {
    let score = article.urlPatterns.some((p) => matchesPattern(p, url)) ? 10 : 0;
    score += article.labels.filter((l) => pageLabels.has(l.toLowerCase())).length;
    if (score > 0) scored.push([article, score + helpfulness(article)]);
  }
  return scored
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([a]) => a);
}
