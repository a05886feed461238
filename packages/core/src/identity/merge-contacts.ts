/**
 * Merging duplicate contacts and undoing the merge. A merge is one atomic repository write:
 * the survivor updated, every record of the duplicates (orders, touchpoints, cases, deals,
 * tasks, notes, campaign responses, offer impressions) re-pointed to it, the duplicates
 * deleted, and the merge record stored. The merge record keeps the before-image of everything
 * it changed, so undo restores the data exactly (and deletes the record in the same write), and
 * refuses (changing nothing) if any of it changed since. Stored records: `repo.listMerges()`.
 */
import type { Contact } from '../model/contact.ts';
import { type MergeRecord, MergeRecordSchema } from '../model/merge-record.ts';
import { CONTACT_LINKED_STORES, type ContactLinkedStore, type RecordMap } from '../model/stores.ts';
import type { Repository, WriteOp } from '../ports/repository.ts';
import { combineContacts } from './combine-contacts.ts';

export { type MergeRecord, MergeRecordSchema };

export class MergeError extends Error {
  override name = 'MergeError';
}

export interface MergeOptions {
  now?: () => string;
  /** The merge record's id (default: derived from the survivor and the time). */
  id?: string;
  reasons?: string[];
}

async function readContact(repo: Repository, id: string): Promise<Contact> {
  const result = await repo.get('contacts', id);
  if (result.ok) return result.value;
  throw new MergeError(
    result.reason === 'not-found' ? `contact ${id} does not exist` : `contact ${id} is unreadable: ${result.issues}`,
  );
}

/** Every record of a contact in the contact-linked stores, with its store. */
export async function recordsOf(repo: Repository, contactId: string) {
  const out: { store: ContactLinkedStore; record: RecordMap[ContactLinkedStore] }[] = [];
  for (const store of CONTACT_LINKED_STORES) {
    const { records, corrupt } = await repo.listByContact(store, contactId);
    if (corrupt.length > 0)
      throw new MergeError(`${corrupt.length} ${store} record(s) of ${contactId} are unreadable; repair them first`);
    for (const record of records) out.push({ store, record });
  }
  return out;
}

/** Merges `duplicateIds` into `survivorId` in one atomic write and returns the record that undoes it. */
export async function mergeContacts(
  repo: Repository,
  survivorId: string,
  duplicateIds: readonly string[],
  options: MergeOptions = {},
): Promise<MergeRecord> {
  const ids = [...new Set(duplicateIds)].filter((id) => id !== survivorId);
  if (ids.length === 0) throw new MergeError('nothing to merge: name at least one other contact');
  const now = (options.now ?? (() => new Date().toISOString()))();
  const survivor = await readContact(repo, survivorId);
  const duplicates = await Promise.all(ids.map((id) => readContact(repo, id)));
  const moved = (await Promise.all(ids.map((id) => recordsOf(repo, id)))).flat();
  const merged = combineContacts(survivor, duplicates, now);
  const ops: WriteOp[] = [{ type: 'put', store: 'contacts', record: merged, expectVersion: survivor.version }];
  for (const { store, record } of moved) {
    ops.push({
      type: 'put',
      store,
      record: { ...record, contactId: survivorId, updatedAt: now, version: record.version + 1 },
      expectVersion: record.version,
    } as WriteOp);
  }
  for (const duplicate of duplicates) ops.push({ type: 'delete', store: 'contacts', id: duplicate.id });
  const merge: MergeRecord = {
    id: options.id ?? `merge:${survivorId}:${now}`,
    mergedAt: now,
    survivorId,
    mergedIds: ids,
    reasons: options.reasons ?? [],
    before: { survivor, duplicates, moved },
    after: { survivorVersion: merged.version },
  };
  // Stored in the same write as the merge: there is never a merge that can't be undone after a reload.
  ops.push({ type: 'putMerge', merge });
  await repo.write(ops);
  return merge;
}

export type UndoResult = { ok: true } | { ok: false; conflicts: string[] };

/**
 * Puts everything a merge changed back as it was, in one atomic write. Refuses when the
 * survivor or a moved record changed after the merge, or a merged id was reused.
 */
export async function undoMerge(repo: Repository, input: MergeRecord): Promise<UndoResult> {
  const merge = MergeRecordSchema.parse(input);
  const conflicts: string[] = [];
  const survivor = await repo.get('contacts', merge.survivorId);
  if (!survivor.ok)
    conflicts.push(
      `the surviving contact ${merge.survivorId} is ${survivor.reason === 'not-found' ? 'gone' : 'unreadable'}`,
    );
  else if (survivor.value.version !== merge.after.survivorVersion)
    conflicts.push(
      `the surviving contact ${merge.survivorId} was changed after the merge (version ${survivor.value.version})`,
    );
  for (const id of merge.mergedIds)
    if ((await repo.get('contacts', id)).ok) conflicts.push(`contact id ${id} is in use again`);
  const ops: WriteOp[] = [];
  for (const { store, record } of merge.before.moved) {
    const now = await repo.get(store, record.id);
    const expected = record.version + 1;
    if (!now.ok) conflicts.push(`${store} ${record.id} is ${now.reason === 'not-found' ? 'gone' : 'unreadable'}`);
    else if (now.value.version !== expected) conflicts.push(`${store} ${record.id} was changed after the merge`);
    ops.push({ type: 'put', store, record, expectVersion: expected } as WriteOp);
  }
  if (conflicts.length > 0) return { ok: false, conflicts };
  ops.unshift({
    type: 'put',
    store: 'contacts',
    record: merge.before.survivor,
    expectVersion: merge.after.survivorVersion,
  });
  for (const duplicate of merge.before.duplicates)
    ops.push({ type: 'put', store: 'contacts', record: duplicate, expectVersion: 0 });
  // The record goes with the undo: an undone merge is no longer offered for undoing.
  ops.push({ type: 'deleteMerge', id: merge.id });
  await repo.write(ops);
  return { ok: true };
}
