import * as z from 'zod';
import { checkContact } from './check-contact.ts';
import { RECORD_SCHEMAS, type RecordMap, type StoreName } from './stores.ts';

export type ParsedRecord<T> = { ok: true; value: T } | { ok: false; issues: string };

/**
 * Records this module produced by parsing. A repository does not validate them again: importing a
 * million orders validated once at the file boundary should not pay for zod twice. Whoever changes
 * such a record afterwards must parse it again (reads always re-validate, so a record broken that way
 * still comes back as corrupt, never as a wrong value).
 */
const validated = new WeakSet<object>();

/** zod's readable summary of what is wrong, on one line (for reports, errors and `corrupt` reads). */
export function issuesOf(error: z.ZodError): string {
  return z.prettifyError(error).replaceAll('\n', '; ');
}

/**
 * Validates a value against its store's schema; `issues` is a readable one-line summary. A contact
 * that `checkContact` proves valid skips zod (same result; its lists and nested objects are the
 * input's own rather than copies).
 */
export function parseRecord<S extends StoreName>(store: S, value: unknown): ParsedRecord<RecordMap[S]> {
  const checked = store === 'contacts' ? checkContact(value) : undefined;
  if (checked) {
    validated.add(checked);
    return { ok: true, value: checked as RecordMap[S] };
  }
  const result = RECORD_SCHEMAS[store].safeParse(value);
  if (!result.success) return { ok: false, issues: issuesOf(result.error) };
  validated.add(result.data);
  return { ok: true, value: result.data };
}

/** Remembers a value validated by another parser of this package (order columns) as parsed. */
export function markParsed(value: object): void {
  validated.add(value);
}

/** True for a record returned by `parseRecord`. */
export function wasParsed(value: unknown): boolean {
  return typeof value === 'object' && value !== null && validated.has(value);
}
