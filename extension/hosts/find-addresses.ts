import { addressIn } from './people';

/** What a marker attaches to: a mailto link, or a text node holding an address. */
export interface FoundAddress {
  email: string;
  /** The element the marker goes after (the link, or the text node's parent for bare text). */
  anchor: Element | Text;
}

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'TEMPLATE',
  'CODE',
  'PRE',
]);
const ADDRESS = /[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+\.[a-z]{2,}/i;

/**
 * Email addresses on any page: `mailto:` links and every address written in text, skipping
 * editable areas and code, at most `limit` of them (a huge page gets the first ones only).
 * Nodes in `seen` are skipped, so re-scanning after DOM changes only marks new ones.
 */
export function findAddresses(root: Element, seen: WeakSet<Node>, limit = 300): FoundAddress[] {
  const found: FoundAddress[] = [];
  for (const link of root.querySelectorAll('a[href^="mailto:" i]')) {
    if (found.length >= limit) return found;
    if (seen.has(link)) continue;
    const email = addressIn(decodeURIComponent(link.getAttribute('href')?.slice(7).split('?')[0] ?? ''));
    if (email) found.push({ email, anchor: link });
  }
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      const parent = node.parentElement;
      if (!parent || SKIP.has(parent.tagName) || parent.isContentEditable || parent.closest('a[href^="mailto:" i]'))
        return NodeFilter.FILTER_REJECT;
      return ADDRESS.test(node.nodeValue ?? '') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  for (let node = walker.nextNode(); node && found.length < limit; node = walker.nextNode()) {
    if (seen.has(node)) continue;
    for (const match of (node.nodeValue ?? '').matchAll(new RegExp(ADDRESS, 'gi'))) {
      const email = addressIn(match[0]);
      if (email && found.length < limit) found.push({ email, anchor: node as Text });
    }
  }
  return found;
}
