import {
  CONTACT_LINKED_STORES,
  type Contact,
  RECORD_SCHEMAS,
  type RecordMap,
  type Repository,
  STORE_NAMES,
  type StoreName,
  type WriteOp,
} from '@cordial/core';
import * as z from 'zod';

/** Everything stored about one person: the contact and every record linked to it, by store. */
export async function collectPersonData(repo: Repository, contact: Contact) {
  const linked: Partial<Record<StoreName, unknown[]>> = { contacts: [contact] };
  for (const store of CONTACT_LINKED_STORES) {
    const read = await repo.listByContact(store, contact.id);
    if (read.records.length > 0) linked[store] = read.records;
  }
  return linked;
}

/** The erasure request as one transaction: the contact and everything linked to it go together, or nothing does. */
export function erasureOps(data: Partial<Record<StoreName, unknown[]>>): WriteOp[] {
  return Object.entries(data).flatMap(([store, records]) =>
    (records ?? []).map((r) => ({ type: 'delete' as const, store: store as StoreName, id: (r as { id: string }).id })),
  );
}

export const BackupSchema = z.object({
  format: z.literal('cordial-backup'),
  version: z.literal(1),
  exportedAt: z.string(),
  stores: z.record(z.string(), z.array(z.unknown())),
});

/** Every record of every store, for a backup file. */
export async function backup(
  repo: Repository,
  now: Date,
  readAll: <S extends StoreName>(repo: Repository, s: S) => Promise<RecordMap[S][]>,
) {
  const stores: Record<string, unknown[]> = {};
  for (const store of STORE_NAMES) stores[store] = await readAll(repo, store);
  return { format: 'cordial-backup' as const, version: 1 as const, exportedAt: now.toISOString(), stores };
}

export interface RestoreRow {
  store: string;
  index: number;
  id: string;
  ok: boolean;
  problem?: string;
}

/**
 * Checks a backup record by record against the model: the valid ones are returned for writing, and
 * the report says for each rejected one which store, which record and what was wrong.
 */
export function checkBackup(raw: unknown): {
  valid: { [S in StoreName]?: RecordMap[S][] };
  report: RestoreRow[];
  error?: string;
} {
  const parsed = BackupSchema.safeParse(raw);
  if (!parsed.success)
    return { valid: {}, report: [], error: 'This is not a Cordial backup file (format "cordial-backup", version 1).' };
  const valid: { [S in StoreName]?: RecordMap[S][] } = {};
  const report: RestoreRow[] = [];
  for (const [store, records] of Object.entries(parsed.data.stores)) {
    if (!(STORE_NAMES as string[]).includes(store)) {
      report.push({ store, index: -1, id: '', ok: false, problem: `unknown store “${store}”, skipped` });
      continue;
    }
    const schema = RECORD_SCHEMAS[store as StoreName];
    records.forEach((record, index) => {
      const result = schema.safeParse(record);
      const id = typeof (record as { id?: unknown })?.id === 'string' ? (record as { id: string }).id : '';
      if (result.success) {
        const list = (valid[store as StoreName] ?? []) as unknown[];
        list.push(result.data);
        valid[store as StoreName] = list as never;
        report.push({ store, index, id, ok: true });
      } else
        report.push({
          store,
          index,
          id,
          ok: false,
          problem: result.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; '),
        });
    });
  }
  return { valid, report };
}
