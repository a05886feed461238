import { describe, expect, it } from 'vitest';
import { findAddresses } from './find-addresses';

function page(html: string): Element {
  const doc = document.implementation.createHTMLDocument('any page');
  doc.body.innerHTML = html;
  return doc.body;
}

describe(findAddresses, () => {
  it('should find mailto links and addresses in text, but not in editable fields or code', () => {
    const body = page(`<p>Write to <a href="mailto:Sales@Example.com?subject=Hi">our sales team</a>
      or to support@example.org and billing@example.org.</p><textarea>typed@example.com</textarea><code>x@example.com</code>
      <div contenteditable="true">draft@example.com</div>`);
    expect(findAddresses(body, new WeakSet()).map((f) => f.email)).toEqual([
      'sales@example.com',
      'support@example.org',
      'billing@example.org',
    ]);
  });

  it('should skip what it already marked and stop at the limit', () => {
    const body = page('<p>a@example.com</p><p>b@example.com</p><p>c@example.com</p>');
    const seen = new WeakSet<Node>();
    const first = findAddresses(body, seen, 2);
    expect(first.map((f) => f.email)).toEqual(['a@example.com', 'b@example.com']);
    for (const f of first) seen.add(f.anchor);
    expect(findAddresses(body, seen).map((f) => f.email)).toEqual(['c@example.com']);
  });
});
