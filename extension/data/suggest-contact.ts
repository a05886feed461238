import { emailDomain, type Repository } from '@cordial/core';

/**
 * Mailbox providers whose domain says nothing about the person's company. A short list
 * of the big ones: a miss only means the company field is prefilled and the rep clears it.
 */
const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'mail.ru',
  'yandex.ru',
  'qq.com',
]);

/** `acme-tools.co.uk` → `Acme Tools`: the registrable name, words capitalised. */
export function companyFromDomain(domain: string): string | undefined {
  if (FREE_MAIL.has(domain)) return undefined;
  const labels = domain.split('.');
  // Skip a second-level public suffix such as co.uk or com.au.
  const nameIndex = labels.length >= 3 && /^(co|com|org|net|ac|gov)$/.test(labels.at(-2) ?? '') ? -3 : -2;
  const name = labels.at(nameIndex);
  if (!name) return undefined;
  return name
    .split(/[-_]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join(' ');
}

/** `Ada Lovelace` → first and last name; a single word stays the first name; `Lovelace, Ada` is understood too. */
export function splitName(name: string | undefined): { firstName?: string; lastName?: string } {
  const clean = name?.replace(/["']/g, '').replace(/\s+/g, ' ').trim();
  if (!clean) return {};
  const comma = /^([^,]+),\s*(.+)$/.exec(clean);
  if (comma) return { firstName: comma[2] as string, lastName: comma[1] as string };
  const space = clean.lastIndexOf(' ');
  return space < 0 ? { firstName: clean } : { firstName: clean.slice(0, space), lastName: clean.slice(space + 1) };
}

export interface ContactSuggestion {
  email: string;
  firstName?: string;
  lastName?: string;
  company?: string;
  accountId?: string;
}

/** What the "create contact" form is prefilled with for an unknown address. */
export async function suggestContact(
  repo: Repository,
  email: string,
  name: string | undefined,
): Promise<ContactSuggestion> {
  const domain = emailDomain(email);
  const accounts = domain ? await repo.findAccountsByDomain(domain) : { records: [] };
  const account = accounts.records[0];
  const company = account?.name ?? (domain ? companyFromDomain(domain) : undefined);
  return { email, ...splitName(name), ...(company ? { company } : {}), ...(account ? { accountId: account.id } : {}) };
}
