import type { Thread } from '../messaging/protocol';
import { addressIn, createPeopleCollector } from './people';

/**
 * Gmail's open conversation. Gmail marks every participant with an `email` attribute
 * (`span.gD` senders, `span.g2` recipients, both with a `name` attribute) inside the
 * main region; the subject is `h2.hP`. In a message's expanded details (`table.ajC`),
 * each recipient row starts with a label cell (`td.gG`: "to:", "cc:", "bcc:").
 * Every selector lives here, next to the fixture pages it was checked against.
 */
export const gmailSelectors = {
  main: '[role="main"]',
  subject: 'h2.hP',
  sender: 'span.gD[email]',
  recipient: 'span.g2[email]',
  detailsRow: 'tr',
  detailsLabel: 'td.gG',
} as const;

export function readGmailThread(doc: Document): Thread | null {
  const main = doc.querySelector(gmailSelectors.main);
  const subject = main?.querySelector(gmailSelectors.subject)?.textContent?.trim();
  if (!main || !subject) return null;
  const people = createPeopleCollector();
  for (const el of main.querySelectorAll(gmailSelectors.sender)) {
    people.add(addressIn(el.getAttribute('email')), el.getAttribute('name') ?? el.textContent, 'from');
  }
  // The summary line ("to me, Alan, Katherine") mixes to and cc; the details table says which is which, so it goes first.
  const recipients = [...main.querySelectorAll(gmailSelectors.recipient)].map((el) => {
    const label = el.closest(gmailSelectors.detailsRow)?.querySelector(gmailSelectors.detailsLabel)?.textContent;
    return { el, label, role: label && /^\s*b?cc/i.test(label) ? ('cc' as const) : ('to' as const) };
  });
  recipients.sort((a, b) => Number(a.label === undefined) - Number(b.label === undefined));
  for (const { el, role } of recipients) {
    people.add(addressIn(el.getAttribute('email')), el.getAttribute('name') ?? el.textContent, role);
  }
  return { host: 'gmail', subject: subject.slice(0, 1000), people: people.list() };
}

// Fixture pages: tests/fixtures/gmail/inbox.html (threads t-renewal, t-kickoff, t-unknown, t-hostile),
// tests/fixtures/gmail/thread-one-sender.html, demo/mail/index.html
