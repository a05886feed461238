// zod/mini: this runs in the content script (see state/settings.ts).
import * as z from 'zod/mini';
import type { PersonInView } from '../messaging/protocol';

const EmailSchema = z.email();
/** `Ada Lovelace <ada@example.com>` or a bare address, as webmail shows them in titles and text. */
const ADDRESS_IN_TEXT = /<?([^\s<>"'(),;:]+@[^\s<>"'(),;:]+\.[^\s<>"'(),;:]+)>?/;

/** The address in a title, an attribute or a text like `Name <a@b.c>`, lower-cased; undefined when none. */
export function addressIn(text: string | null | undefined): string | undefined {
  const match = text ? ADDRESS_IN_TEXT.exec(text) : null;
  const email = match?.[1]?.toLowerCase();
  return email && EmailSchema.safeParse(email).success ? email : undefined;
}

/**
 * Collects the people of one conversation in reading order, once each: the first role
 * seen wins (a sender who is also in a later "to" line stays the sender).
 */
export function createPeopleCollector() {
  const people = new Map<string, PersonInView>();
  return {
    add(email: string | undefined, name: string | null | undefined, role: PersonInView['role']) {
      if (!email || people.has(email)) return;
      const clean = name?.replace(/\s+/g, ' ').trim();
      const usable = clean && clean !== email && !clean.includes('@') ? clean.slice(0, 200) : undefined;
      people.set(email, { email, role, ...(usable ? { name: usable } : {}) });
    },
    list: (): PersonInView[] => [...people.values()],
  };
}
