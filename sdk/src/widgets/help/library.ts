import type { HelpContent } from './articles';
import { parseContent } from './articles';
import type { Check } from './defaults';

/**
 * The article chunk, split from the widget module: content checks, the Markdown renderer
 * and suggestions load when the panel first opens (or at once for an inline panel).
 */
export { articlesFor, parseContent, popular, suggestionsFor } from './articles';
export { renderMarkdown } from './markdown';

/** Articles per URL, fetched and validated once per page even with several elements. */
const contentCache = new Map<string, Promise<HelpContent>>();
export function fetchContent(url: string, check: Check): Promise<HelpContent> {
  let pending = contentCache.get(url);
  if (!pending) {
    pending = fetch(url, { credentials: 'same-origin' })
      .then((res) => {
        if (!res.ok) throw new Error(`Cordial help: ${url} answered ${res.status}.`);
        return res.json();
      })
      .then((json) => {
        const parsed = parseContent(json, check);
        if (!parsed.ok) throw new Error(parsed.error);
        return parsed.content;
      });
    contentCache.set(url, pending);
    pending.catch(() => contentCache.delete(url));
  }
  return pending;
}
