import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, plainText, renderMarkdown, safeUrl } from './markdown';

const BASE = 'https://shop.example/help/';

function html(source: string): string {
  const div = document.createElement('div');
  div.append(renderMarkdown(source, BASE));
  return div.innerHTML;
}

describe('renderMarkdown', () => {
  it('should render paragraphs, headings, lists, emphasis, code and links', () => {
    const out = html(
      '# Title\n\nSome **bold** and *em* and `code`.\n\n- one\n- two\n\n1. first\n2. second\n\n[Shop](/store/)',
    );
    expect(out).toBe(
      '<h3>Title</h3><p>Some <strong>bold</strong> and <em>em</em> and <code>code</code>.</p>' +
        '<ul><li>one</li><li>two</li></ul><ol><li>first</li><li>second</li></ol>' +
        '<p><a href="https://shop.example/store/" rel="noopener noreferrer">Shop</a></p>',
    );
  });

  it('should join the lines of one paragraph and keep fenced code verbatim', () => {
    expect(html('line one\nline two\n\n```\n<b>x</b> **y**\n```')).toBe(
      '<p>line one line two</p><pre><code>&lt;b&gt;x&lt;/b&gt; **y**</code></pre>',
    );
  });

  it('should show raw HTML as text and never create elements from it', () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script> <a href="javascript:alert(3)">x</a>';
    const div = document.createElement('div');
    div.append(renderMarkdown(hostile, BASE));
    expect(div.querySelectorAll('img, script, [onerror]').length).toBe(0);
    expect(div.querySelectorAll('a').length).toBe(0);
    expect(div.textContent).toBe(hostile);
  });

  it('should drop links with unsafe protocols but keep their label as text', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      ' javascript:x',
      'data:text/html,<b>',
      'vbscript:x',
    ]) {
      const div = document.createElement('div');
      div.append(renderMarkdown(`[click me](${href})`, BASE));
      expect(div.querySelector('a'), href).toBeNull();
      expect(div.textContent).toBe('click me');
    }
  });

  it('should allow http, https, mailto, tel and relative links', () => {
    expect(safeUrl('mailto:help@shop.example', BASE)).toBe('mailto:help@shop.example');
    expect(safeUrl('tel:+15550100', BASE)).toBe('tel:+15550100');
    expect(safeUrl('../cart', BASE)).toBe('https://shop.example/cart');
    expect(safeUrl('https://other.example/x', BASE)).toBe('https://other.example/x');
    expect(safeUrl('', BASE)).toBeNull();
  });

  it('should shift heading levels under the panel heading and cap them at h6', () => {
    expect(parseMarkdown('###### deep')[0]).toMatchObject({ type: 'heading', level: 6 });
    expect(html('###### deep')).toBe('<h6>deep</h6>');
  });

  it('should leave unbalanced markers and escaped characters as text', () => {
    expect(parseInline('2 * 3 = 6 and \\*not em\\* and `open', BASE)).toEqual([
      { type: 'text', text: '2 * 3 = 6 and *not em* and `open' },
    ]);
  });

  it('should survive very long and deeply marked-up input without throwing', () => {
    const nasty = `${'**'.repeat(5000)}${'['.repeat(2000)}](${'x'.repeat(1000)}${'\n- '.repeat(2000)}`;
    expect(() => renderMarkdown(nasty, BASE)).not.toThrow();
  });

  it('should give the plain text of an article for indexing', () => {
    expect(plainText('# Hi\n\nSee **the** [docs](/d) and `x`.\n\n- a\n- b')).toBe('Hi\nSee the docs and x.\na b');
  });
});
