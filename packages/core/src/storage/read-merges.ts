import { type MergeRecord, MergeRecordSchema } from '../model/merge-record.ts';
import { issuesOf } from '../model/parse-record.ts';
import type { ReadMany, ReadResult } from '../ports/repository.ts';

/** A stored merge record read back: validated, or corrupt with the reasons (never thrown). */
export function readMerge(value: unknown): ReadResult<MergeRecord> {
  const parsed = MergeRecordSchema.safeParse(value);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, reason: 'corrupt', issues: issuesOf(parsed.error) };
}

/** Stored merge records (each with its id, in the order given) read back; damaged ones reported as corrupt. */
export function readMerges(stored: readonly { id: string; r: unknown }[]): ReadMany<MergeRecord> {
  const out: ReadMany<MergeRecord> = { records: [], corrupt: [] };
  for (const { id, r } of stored) {
    const result = readMerge(r);
    if (result.ok) out.records.push(result.value);
    else if (result.reason === 'corrupt') out.corrupt.push({ store: 'merges', id, issues: result.issues });
  }
  return out;
}
