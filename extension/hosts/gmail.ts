import type { PersonInView, Thread } from '../messaging/protocol';

/**
 * Gmail's open conversation. Gmail marks every participant with an `email` attribute
 * (`span.gD` senders, `span.g2` recipients) inside the main region; the subject is `h2.hP`.
 * Every selector lives here, next to the fixture pages it was checked against.
 */
export const gmailSelectors = {
  main: '[role="main"]',
  subject: 'h2.hP',
  sender: 'span.gD[email]',
  recipient: 'span.g2[email]',
} as const;

export function readGmailThread(doc: Document): Thread | null {
  const main = doc.querySelector(gmailSelectors.main);
  const subject = main?.querySelector(gmailSelectors.subject)?.textContent?.trim();
  if (!main || !subject) return null;
  const people = new Map<string, PersonInView>();
  const add = (el: Element, role: PersonInView['role']) => {
    const email = el.getAttribute('email')?.trim().toLowerCase();
    if (!email || people.has(email)) return;
    const name = el.getAttribute('name') ?? el.textContent?.trim() ?? undefined;
    people.set(email, { email, role, ...(name && name !== email ? { name: name.slice(0, 200) } : {}) });
  };
  for (const el of main.querySelectorAll(gmailSelectors.sender)) add(el, 'from');
  for (const el of main.querySelectorAll(gmailSelectors.recipient)) add(el, 'to');
  return { host: 'gmail', subject: subject.slice(0, 1000), people: [...people.values()] };
}

// Fixture pages: tests/fixtures/gmail/thread-one-sender.html, demo/mail/index.html
