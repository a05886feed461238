import { describe, expect, it } from 'vitest';
import { fixturePage } from './fixture-page';
import { gmailSelectors, readGmailThread } from './gmail';

const gmail = (view: string) => fixturePage('gmail/inbox.html', view, 'main');

describe(readGmailThread, () => {
  it('should return null on the inbox list, where no conversation is open', () => {
    expect(readGmailThread(gmail('inbox'))).toBeNull();
  });

  it('should read the subject and the one external sender with the rep as recipient', () => {
    expect(readGmailThread(gmail('FMfcgzQZrenewal'))).toEqual({
      host: 'gmail',
      subject: 'Re: Renewal of our annual plan',
      people: [
        { email: 'ada.lovelace@analytical-engines.test', name: 'Ada Lovelace', role: 'from' },
        { email: 'rep@cordial-demo.test', name: 'me', role: 'to' },
      ],
    });
  });

  it('should read every sender, recipient and copy once, with the role the details table gives', () => {
    const thread = readGmailThread(gmail('FMfcgzQZkickoff'));
    expect(thread?.people.map((p) => [p.email, p.role])).toEqual([
      ['grace@compilers.test', 'from'],
      ['alan@bletchley.test', 'from'],
      ['rep@cordial-demo.test', 'to'],
      ['katherine@orbits.test', 'cc'],
      ['sam@cordial-demo.test', 'cc'],
    ]);
  });

  it('should keep a hostile display name as plain text', () => {
    const thread = readGmailThread(gmail('FMfcgzQZhostile'));
    expect(thread?.subject).toBe('<img src=x onerror=alert(1)> hostile subject');
    expect(thread?.people[0]).toEqual({
      email: 'mallory@hostile.test',
      name: '<img src=x onerror=alert(1)>',
      role: 'from',
    });
  });

  it('should match the expected number of elements per selector in the fixture', () => {
    const doc = gmail('FMfcgzQZkickoff');
    const counts = Object.fromEntries(
      Object.entries(gmailSelectors).map(([key, selector]) => [key, doc.querySelectorAll(selector).length]),
    );
    expect(counts).toMatchObject({ main: 1, subject: 1, sender: 3, recipient: 10 });
  });
});
