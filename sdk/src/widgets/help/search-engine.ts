import type { Article } from './articles';
import { loadIndex } from './index-loader';
import { createSearcher, type Searcher } from './search';

/**
 * The search chunk (minisearch and the index), split from the widget module: it loads when
 * the panel opens, so a page that only shows the launcher never downloads it.
 */
export async function createEngine(
  articles: Article[],
  version: string,
  locale: string,
  localVote: (id: string) => number,
): Promise<Searcher> {
  const { index } = await loadIndex(articles, version, locale);
  return createSearcher(index, articles, localVote);
}
