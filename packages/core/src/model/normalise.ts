/**
 * Normalisations the storage indexes use. Identity resolution applies stronger, provider-specific
 * rules (Gmail dots and plus tags) on top; the index only folds what every mail system treats as equal.
 */

/** `  Ann@Example.COM ` → `ann@example.com`. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The domain of an email address without a leading `www.`, or undefined for a malformed address. */
export function emailDomain(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return undefined;
  return normaliseDomain(email.slice(at + 1));
}

/** `WWW.Example.com.` → `example.com`. */
export function normaliseDomain(domain: string): string {
  return domain
    .trim()
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
}
