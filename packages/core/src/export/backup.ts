/**
 * Full backup and exact restore. The backup is JSON Lines: a header line, then one line per
 * record (`{"store":"orders","record":{…}}`), so a million orders stream out and back in
 * without one giant string. Restoring writes every record exactly as it was (ids, times,
 * versions) into an empty repository, in atomic batches, and reports any line it refuses.
 */
import * as z from 'zod';
import type { CsvSource } from '../import/read-csv.ts';
import { readLines } from '../import/read-lines.ts';
import type { MergeRecord } from '../model/merge-record.ts';
import { parseRecord } from '../model/parse-record.ts';
import { type AnyRecord, STORE_NAMES, type StoreName } from '../model/stores.ts';
import type { CorruptRecord, PutMergeOp, PutOp, Repository } from '../ports/repository.ts';
import { readMerge } from '../storage/read-merges.ts';

export const BACKUP_FORMAT = 'cordial-backup';

const HeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  /** Records count per store at export time. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
});
/** A record line: a record of a store, or (`merges`) a stored merge record, so undo survives a restore too. */
const LineSchema = z.object({
  store: z.enum(['merges', ...STORE_NAMES] as [BackupStore, ...BackupStore[]]),
  record: z.unknown(),
});
type BackupStore = StoreName | 'merges';

export interface BackupOptions {
  now?: () => string;
  /** Records per page read from the repository. */
  pageSize?: number;
  /** Told about records that could not be read (they can't be backed up: their data is damaged). */
  onCorrupt?: (record: CorruptRecord) => void;
}

/** The backup as text chunks (one line each; join them, or write them to a file as they come). */
export async function* exportBackup(repo: Repository, options: BackupOptions = {}): AsyncGenerator<string> {
  const counts: Record<string, number> = {};
  for (const store of STORE_NAMES) counts[store] = await repo.count(store);
  const merges = await repo.listMerges();
  counts.merges = merges.records.length;
  const exportedAt = (options.now ?? (() => new Date().toISOString()))();
  yield `${JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt, counts })}\n`;
  for (const store of STORE_NAMES) {
    let after: string | undefined;
    do {
      const page = await repo.list(store, { limit: options.pageSize ?? 2000, ...(after !== undefined && { after }) });
      for (const bad of page.corrupt) options.onCorrupt?.(bad);
      if (page.records.length > 0)
        yield `${page.records.map((record) => JSON.stringify({ store, record })).join('\n')}\n`;
      after = page.next;
    } while (after !== undefined);
  }
  for (const bad of merges.corrupt) options.onCorrupt?.(bad);
  if (merges.records.length > 0)
    yield `${merges.records.map((record) => JSON.stringify({ store: 'merges', record })).join('\n')}\n`;
}

export interface RestoreReport {
  restored: Partial<Record<BackupStore, number>>;
  /** Refused lines; `store` and `id` when the line named them, so a person can find the record. */
  rejected: { line: number; reason: string; store?: BackupStore; id?: string }[];
  /** What the header said was exported, to compare with `restored`. */
  expected: Record<string, number>;
}

export class RestoreError extends Error {
  override name = 'RestoreError';
}

/** A merge record line, validated like a record (ReadResult → the shape parseRecord gives). */
function parseMerge(value: unknown): { ok: true; value: MergeRecord } | { ok: false; issues: string } {
  const read = readMerge(value);
  return read.ok ? read : { ok: false, issues: read.reason === 'corrupt' ? read.issues : 'missing' };
}

export interface RestoreOptions {
  batchSize?: number;
  signal?: AbortSignal;
  /**
   * Add the backup to the data already stored (a record replaces the one with the same id)
   * instead of refusing a repository that is not empty: how a person brings back part of a
   * backup, or records exported from another install.
   */
  merge?: boolean;
}

/** Restores a backup exactly: into an empty repository, or over existing data with `merge`. */
export async function restoreBackup(
  repo: Repository,
  source: CsvSource,
  options: RestoreOptions = {},
): Promise<RestoreReport> {
  if (!options.merge)
    for (const store of STORE_NAMES)
      if ((await repo.count(store)) > 0)
        throw new RestoreError(`the repository is not empty (${store} holds records); restore into an empty one`);
  if (!options.merge && (await repo.listMerges()).records.length > 0)
    throw new RestoreError('the repository is not empty (it holds merge records); restore into an empty one');
  const report: RestoreReport = { restored: {}, rejected: [], expected: {} };
  let header = false;
  let ops: (PutOp | PutMergeOp)[] = [];
  const flush = async () => {
    if (ops.length === 0) return;
    await repo.write(ops);
    for (const op of ops) {
      const store = op.type === 'putMerge' ? 'merges' : op.store;
      report.restored[store] = (report.restored[store] ?? 0) + 1;
    }
    ops = [];
  };
  for await (const batch of readLines(source, options.signal)) {
    for (const { line, text } of batch.lines) {
      if (text.trim() === '') continue;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        report.rejected.push({ line, reason: 'not JSON' });
        continue;
      }
      if (!header) {
        const parsed = HeaderSchema.safeParse(json);
        if (!parsed.success)
          throw new RestoreError('this is not a Cordial backup (its first line is not a backup header)');
        report.expected = parsed.data.counts;
        header = true;
        continue;
      }
      const entry = LineSchema.safeParse(json);
      if (!entry.success) {
        report.rejected.push({ line, reason: 'expected {"store": …, "record": …}' });
        continue;
      }
      const { store } = entry.data;
      const record = store === 'merges' ? parseMerge(entry.data.record) : parseRecord(store, entry.data.record);
      if (!record.ok) {
        const id = (entry.data.record as { id?: unknown } | null)?.id;
        report.rejected.push({
          line,
          reason: record.issues,
          store: entry.data.store,
          ...(typeof id === 'string' && { id }),
        });
        continue;
      }
      ops.push(
        store === 'merges'
          ? { type: 'putMerge', merge: record.value as MergeRecord }
          : ({ type: 'put', store, record: record.value as AnyRecord } as PutOp),
      );
      if (ops.length >= (options.batchSize ?? 2000)) await flush();
    }
  }
  if (!header) throw new RestoreError('the backup is empty');
  await flush();
  return report;
}
