import { describe, expect, it } from 'vitest';
import { fixturePage } from './fixture-page';
import { outlookSelectors, readOutlookThread } from './outlook';
import { threadKey, threadReaderFor } from './read-thread';

const outlook = (view: string) => fixturePage('outlook/mail.html', view, 'ReadingPane');

describe(readOutlookThread, () => {
  it('should return null while the reading pane is empty', () => {
    expect(readOutlookThread(outlook('empty'))).toBeNull();
  });

  it('should read the sender from the persona title and the rep from the To line', () => {
    expect(readOutlookThread(outlook('AAQkADAwATM0MDAAMS1renewal'))).toEqual({
      host: 'outlook',
      subject: 'Re: Renewal of our annual plan',
      people: [
        { email: 'ada.lovelace@analytical-engines.test', name: 'Ada Lovelace', role: 'from' },
        { email: 'rep@cordial-demo.test', name: 'Demo Rep', role: 'to' },
      ],
      conversationId: 'AAQkADAwATM0MDAAMS1renewal',
    });
  });

  it('should take #ReadingPaneContainerId as the pane, and the selected row’s data-convid as the id, when the others are absent', () => {
    const doc = new DOMParser().parseFromString(
      `<div role="listbox"><div role="option" data-convid="AAQk-selected" aria-selected="true">Ada</div></div>
       <div id="ReadingPaneContainerId">
         <div role="heading" aria-level="2"><span title="Quarterly order">Quarterly order</span></div>
         <div aria-label="From: Ada Lovelace"><span title="ada@example.com">Ada Lovelace</span></div>
       </div>`,
      'text/html',
    );
    expect(readOutlookThread(doc)).toEqual({
      host: 'outlook',
      subject: 'Quarterly order',
      people: [{ email: 'ada@example.com', name: 'Ada Lovelace', role: 'from' }],
      conversationId: 'AAQk-selected',
    });
  });

  it('should read To and Cc lines, and a sender shown as "Name <address>" text', () => {
    const thread = readOutlookThread(outlook('AAQkADAwATM0MDAAMS1kickoff'));
    expect(thread?.people).toEqual([
      { email: 'grace@compilers.test', name: 'Grace Hopper', role: 'from' },
      { email: 'alan@bletchley.test', name: 'Alan Turing', role: 'from' },
      { email: 'rep@cordial-demo.test', name: 'Demo Rep', role: 'to' },
      { email: 'katherine@orbits.test', name: 'Katherine Johnson', role: 'cc' },
      { email: 'sam@cordial-demo.test', name: 'Sam Colleague', role: 'cc' },
    ]);
  });

  it('should find the conversation, its heading and four role groups in the fixture', () => {
    const doc = outlook('AAQkADAwATM0MDAAMS1kickoff');
    expect(doc.querySelectorAll(outlookSelectors.conversation)).toHaveLength(1);
    expect(doc.querySelectorAll(outlookSelectors.subject)).toHaveLength(1);
    expect(doc.querySelectorAll(outlookSelectors.roleGroup)).toHaveLength(4);
  });
});

describe(threadReaderFor, () => {
  it('should pick the Outlook reader on both Outlook hosts and Gmail elsewhere', () => {
    expect(threadReaderFor('outlook.office.com')).toBe(readOutlookThread);
    expect(threadReaderFor('outlook.live.com')).toBe(readOutlookThread);
    expect(threadReaderFor('mail.google.com')).not.toBe(readOutlookThread);
  });
});

describe(threadKey, () => {
  const thread = { host: 'gmail' as const, subject: 'Hello', people: [] };
  it('should key a conversation by the id in the Gmail hash or the Outlook path', () => {
    expect(threadKey(new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZrenewal'), thread)).toBe(
      'mail.google.com:FMfcgzQZrenewal',
    );
    expect(threadKey(new URL('https://outlook.office.com/mail/inbox/id/AAQk%2Bx'), thread)).toBe(
      'outlook.office.com:AAQk+x',
    );
  });

  it('should key by the conversation id the page shows when the URL names none', () => {
    expect(threadKey(new URL('https://outlook.office.com/mail/inbox'), { ...thread, conversationId: 'AAQk-1' })).toBe(
      'outlook.office.com:AAQk-1',
    );
  });

  it('should fall back to the subject when the URL names no conversation', () => {
    expect(threadKey(new URL('https://mail.google.com/mail/u/0/#inbox'), thread)).toBe('mail.google.com:subject:Hello');
  });
});
