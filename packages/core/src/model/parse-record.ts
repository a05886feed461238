import * as z from 'zod';
import { RECORD_SCHEMAS, type RecordMap, type StoreName } from './stores.ts';

export type ParsedRecord<T> = { ok: true; value: T } | { ok: false; issues: string };

/** Validates a value against its store's schema; `issues` is a readable one-line summary. */
export function parseRecord<S extends StoreName>(store: S, value: unknown): ParsedRecord<RecordMap[S]> {
  const result = RECORD_SCHEMAS[store].safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: z.prettifyError(result.error).replaceAll('\n', '; ') };
}
