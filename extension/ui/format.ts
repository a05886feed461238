import type { Money } from '@cordial/core';

/** Formatting in the rep's locale; every value ends up as a text node, never as markup. */
export function money(value: Money): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: value.currency }).format(value.amount);
  } catch {
    return `${value.amount.toFixed(2)} ${value.currency}`;
  }
}

export function date(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "3 days", "5 hours": how long ago (or until) an instant, coarse as a rep reads it. */
export function age(iso: string, now: Date): string {
  const ms = Math.abs(now.getTime() - Date.parse(iso));
  const days = Math.floor(ms / 86_400_000);
  if (days >= 1) return `${days} day${days === 1 ? '' : 's'}`;
  const hours = Math.floor(ms / 3_600_000);
  if (hours >= 1) return `${hours} hour${hours === 1 ? '' : 's'}`;
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export function displayName(contact: { firstName?: string; lastName?: string; fullName?: string; emails: string[] }) {
  return (
    contact.fullName ??
    ([contact.firstName, contact.lastName].filter(Boolean).join(' ') || contact.emails[0] || 'Unnamed contact')
  );
}

/** "4:05", "1:02:09": the length of a call, as a phone shows it. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const [h, m, rest] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(rest)}` : `${m}:${two(rest)}`;
}
