/**
 * A safe subset of Markdown for help articles: paragraphs, headings, lists, emphasis,
 * inline code, fenced code and links with safe protocols. The source is parsed into a
 * small tree and the tree is turned into DOM nodes with createElement and text nodes:
 * raw HTML in an article is shown as the literal text it is, never parsed.
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong' | 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'heading'; level: number; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'code'; text: string };

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** The link target if it is a relative URL or uses a safe protocol; null for javascript:, data: and the like. */
export function safeUrl(raw: string, base: string): string | null {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so drop them first.
  const href = [...raw].filter((c) => c.charCodeAt(0) > 0x20 && (c < '\u007f' || c > '\u009f')).join('');
  if (href === '') return null;
  try {
    const url = new URL(href, base);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** The index of the `)` that closes a link target starting at `from` (URLs may hold balanced parentheses). */
function closingParen(source: string, from: number): number {
  let depth = 0;
  for (let i = from; i < source.length; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')' && depth-- === 0) return i;
  }
  return -1;
}

/** Parses the inline syntax of one block; unknown or unbalanced markers stay as text. */
export function parseInline(source: string, base: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const pushText = () => {
    if (text) out.push({ type: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === '\\' && i + 1 < source.length && /[\\`*_[\]()#+\-.!]/.test(source[i + 1] as string)) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    if (ch === '`') {
      const end = source.indexOf('`', i + 1);
      if (end > i + 1) {
        pushText();
        out.push({ type: 'code', text: source.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (ch === '*' || ch === '_') {
      const double = source[i + 1] === ch;
      const marker = double ? ch + ch : ch;
      const end = source.indexOf(marker, i + marker.length + 1);
      if (end > 0 && source[i + marker.length] !== ' ') {
        pushText();
        out.push({
          type: double ? 'strong' : 'em',
          children: parseInline(source.slice(i + marker.length, end), base),
        });
        i = end + marker.length;
        continue;
      }
    }
    if (ch === '[') {
      const close = source.indexOf('](', i + 1);
      const end = close > 0 ? closingParen(source, close + 2) : -1;
      if (close > 0 && end > 0) {
        const label = source.slice(i + 1, close);
        const href = safeUrl(source.slice(close + 2, end).trim(), base);
        pushText();
        const children = parseInline(label, base);
        // An unsafe target keeps its label as plain text: the reader still sees what was meant.
        if (href) out.push({ type: 'link', href, children });
        else out.push(...children);
        i = end + 1;
        continue;
      }
    }
    text += ch;
    i++;
  }
  pushText();
  return out;
}

const HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,9}[.)]\s+(.*)$/;

/** Splits the source into blocks (a line-based parser; no nesting beyond one list level). */
export function parseMarkdown(source: string, base = 'https://invalid.example/'): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join(' '), base) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trimStart().startsWith('```')) {
      endParagraph();
      const code: string[] = [];
      while (++i < lines.length && !(lines[i] as string).trimStart().startsWith('```')) code.push(lines[i] as string);
      blocks.push({ type: 'code', text: code.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      endParagraph();
      blocks.push({
        type: 'heading',
        level: (heading[1] as string).length,
        children: parseInline((heading[2] as string).trim(), base),
      });
      continue;
    }
    const item = BULLET.exec(line) ?? NUMBERED.exec(line);
    if (item) {
      endParagraph();
      const ordered = !BULLET.test(line);
      const last = blocks.at(-1);
      const inline = parseInline((item[1] as string).trim(), base);
      if (last?.type === 'list' && last.ordered === ordered) last.items.push(inline);
      else blocks.push({ type: 'list', ordered, items: [inline] });
      continue;
    }
    if (line.trim() === '') endParagraph();
    else paragraph.push(line.trim());
  }
  endParagraph();
  return blocks;
}

function inlineNodes(doc: Document, inlines: Inline[]): Node[] {
  return inlines.map((node) => {
    if (node.type === 'text') return doc.createTextNode(node.text);
    if (node.type === 'code') {
      const code = doc.createElement('code');
      code.textContent = node.text;
      return code;
    }
    const element = doc.createElement(node.type === 'link' ? 'a' : node.type);
    if (node.type === 'link') {
      element.setAttribute('href', node.href);
      element.setAttribute('rel', 'noopener noreferrer');
    }
    element.append(...inlineNodes(doc, node.children));
    return element;
  });
}

/**
 * Renders Markdown as DOM nodes. `headingOffset` shifts heading levels so that an
 * article's `#` sits under the panel's own heading (h2 by default → `#` becomes h3).
 */
export function renderMarkdown(source: string, base: string, doc: Document = document, headingOffset = 2) {
  const fragment = doc.createDocumentFragment();
  for (const block of parseMarkdown(source, base)) {
    let element: HTMLElement;
    if (block.type === 'heading') {
      element = doc.createElement(`h${Math.min(6, block.level + headingOffset)}`);
      element.append(...inlineNodes(doc, block.children));
    } else if (block.type === 'paragraph') {
      element = doc.createElement('p');
      element.append(...inlineNodes(doc, block.children));
    } else if (block.type === 'list') {
      element = doc.createElement(block.ordered ? 'ol' : 'ul');
      for (const item of block.items) {
        const li = doc.createElement('li');
        li.append(...inlineNodes(doc, item));
        element.append(li);
      }
    } else {
      element = doc.createElement('pre');
      const code = doc.createElement('code');
      code.textContent = block.text;
      element.append(code);
    }
    fragment.append(element);
  }
  return fragment;
}

/** The article's text without markup, for the search index and snippets. */
export function plainText(source: string): string {
  const flatten = (inlines: Inline[]): string =>
    inlines.map((n) => (n.type === 'text' || n.type === 'code' ? n.text : flatten(n.children))).join('');
  return parseMarkdown(source)
    .map((b) => (b.type === 'code' ? b.text : b.type === 'list' ? b.items.map(flatten).join(' ') : flatten(b.children)))
    .join('\n');
}
