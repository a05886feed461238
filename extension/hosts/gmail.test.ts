import { describe, expect, it } from 'vitest';
import { readGmailThread } from './gmail';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('Gmail');
  doc.body.innerHTML = html;
  return doc;
}

describe(readGmailThread, () => {
  it('should return null when no conversation is open', () => {
    expect(readGmailThread(page('<div role="main"><table><tr><td>Inbox</td></tr></table></div>'))).toBeNull();
  });

  it('should read the subject, the sender and every recipient once', () => {
    const thread = readGmailThread(
      page(`<div role="main"><h2 class="hP">Renewal</h2>
        <span class="gD" email="Ada@Example.com" name="Ada Lovelace">Ada Lovelace</span>
        <span class="g2" email="rep@cordial.test">me</span>
        <span class="g2" email="ada@example.com">Ada</span></div>`),
    );
    expect(thread).toEqual({
      host: 'gmail',
      subject: 'Renewal',
      people: [
        { email: 'ada@example.com', name: 'Ada Lovelace', role: 'from' },
        { email: 'rep@cordial.test', name: 'me', role: 'to' },
      ],
    });
  });
});
