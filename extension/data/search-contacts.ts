import type { Contact, Repository } from '@cordial/core';
import { displayName } from '../ui/format';

/** Lower case without accents, so "jose" finds "José". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function matchesContact(contact: Contact, query: string): boolean {
  const q = fold(query.trim());
  if (!q) return false;
  const haystack = fold(
    [displayName(contact), contact.company ?? '', contact.title ?? '', ...contact.emails].join(' '),
  );
  return q.split(/\s+/).every((word) => haystack.includes(word));
}

/**
 * Contacts by name, email or company. A whole address uses the email index; anything
 * else scans the contacts a page at a time and stops once `limit` are found.
 */
export async function searchContacts(repo: Repository, query: string, limit = 20): Promise<Contact[]> {
  const q = query.trim();
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(q)) {
    const exact = await repo.findContactsByEmail(q);
    if (exact.records.length > 0) return exact.records.slice(0, limit);
  }
  const found: Contact[] = [];
  let after: string | undefined;
  do {
    const page = await repo.list('contacts', { ...(after ? { after } : {}), limit: 1000 });
    for (const contact of page.records) {
      if (matchesContact(contact, q)) found.push(contact);
      if (found.length >= limit) return found;
    }
    after = page.next;
  } while (after);
  return found;
}

const RECENT_KEY = 'recent-contacts';
const RECENT_MAX = 10;

let remembering: Promise<void> = Promise.resolve();

async function readRecent(): Promise<string[]> {
  const stored = (await browser.storage.local.get(RECENT_KEY))[RECENT_KEY];
  return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
}

/** The contacts the rep looked at last, newest first (ids only, in extension storage). */
export async function recentContactIds(): Promise<string[]> {
  await remembering;
  return readRecent();
}

/** Puts a contact first in the recent list; calls run one after another so none is lost. */
export function rememberContact(id: string): Promise<void> {
  remembering = remembering.then(async () => {
    const ids = [id, ...(await readRecent()).filter((x) => x !== id)].slice(0, RECENT_MAX);
    await browser.storage.local.set({ [RECENT_KEY]: ids });
  });
  return remembering;
}
