/**
 * Email match keys. The address a person typed is kept for display and sending; the key is
 * what identity resolution compares. Provider rules are applied only to the providers that
 * document them: applying Gmail's "dots don't matter" to another domain would merge
 * different people (j.smith@acme.com and jsmith@acme.com are usually two mailboxes).
 */

/** Gmail ignores dots in the local part and everything after a plus; googlemail.com is the same mailbox. */
const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/**
 * Providers that document plus subaddressing ("user+tag@" delivers to "user@") but treat
 * dots as significant: Microsoft consumer mail, Apple iCloud, Fastmail, Proton.
 */
const PLUS_TAG_DOMAINS = new Set([
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'fastmail.com',
  'fastmail.fm',
  'proton.me',
  'protonmail.com',
  'pm.me',
]);

/**
 * Free-mail domains: sharing one says nothing about sharing an employer, so names are
 * fuzzy-matched within a domain only when the domain is not one of these.
 */
const FREE_MAIL_DOMAINS = new Set([
  ...GMAIL_DOMAINS,
  ...PLUS_TAG_DOMAINS,
  'yahoo.com',
  'ymail.com',
  'aol.com',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'mail.com',
  'yandex.ru',
  'yandex.com',
  'zoho.com',
  'qq.com',
  '163.com',
  'orange.fr',
  'free.fr',
  'libero.it',
]);

/** Local parts that name a function, not a person: shared mailboxes are never enough to merge on. */
const ROLE_LOCAL_PARTS = new Set([
  'info',
  'sales',
  'support',
  'help',
  'contact',
  'admin',
  'office',
  'hello',
  'billing',
  'accounts',
  'team',
  'noreply',
  'no-reply',
  'orders',
  'service',
  'enquiries',
  'inquiries',
]);

// Deliberately permissive (RFC 5322 allows far more than forms do), but one @, no spaces, a dotted domain.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;

export interface EmailKey {
  /** The comparison key: lower case, provider rules applied. */
  key: string;
  /** The domain after lower-casing and alias folding (googlemail.com → gmail.com). */
  domain: string;
  /** A shared mailbox such as info@ or sales@. */
  role: boolean;
  /** A consumer mail provider: the domain says nothing about the employer. */
  freeMail: boolean;
}

/** Returns the match key of an address, or null when the text is not an email address. */
export function normalizeEmail(raw: string): EmailKey | null {
  const trimmed = raw.trim().replace(/^mailto:/i, '');
  if (!EMAIL_SHAPE.test(trimmed)) return null;
  const at = trimmed.lastIndexOf('@');
  let local = trimmed.slice(0, at).toLowerCase();
  let domain = trimmed.slice(at + 1).toLowerCase();
  if (GMAIL_DOMAINS.has(domain)) {
    domain = 'gmail.com';
    local = stripPlusTag(local).replaceAll('.', '');
  } else if (PLUS_TAG_DOMAINS.has(domain)) {
    local = stripPlusTag(local);
  }
  if (local === '') return null;
  return {
    key: `${local}@${domain}`,
    domain,
    role: ROLE_LOCAL_PARTS.has(local),
    freeMail: FREE_MAIL_DOMAINS.has(domain),
  };
}

function stripPlusTag(local: string): string {
  const plus = local.indexOf('+');
  return plus === -1 ? local : local.slice(0, plus);
}
