/**
 * The right to be forgotten: one person and everything attached to them deleted in one
 * atomic write, so there is never a half-erased person; the records of merges they took part in go too. Accounts (companies) are not
 * personal data and stay.
 */
import type { StoreName } from '../model/stores.ts';
import type { Repository, WriteOp } from '../ports/repository.ts';
import { collectPerson } from './person-records.ts';

export interface ErasureReport {
  contactId: string;
  /** Records deleted per store (the contact included). */
  deleted: Partial<Record<StoreName | 'merges', number>>;
  erasedAt: string;
}

export async function erasePerson(
  repo: Repository,
  contactId: string,
  options: { now?: () => string } = {},
): Promise<ErasureReport> {
  const person = await collectPerson(repo, contactId);
  const ops: WriteOp[] = [];
  const deleted: ErasureReport['deleted'] = { contacts: 1 };
  for (const [store, list] of Object.entries(person.records) as [StoreName, { id: string }[]][]) {
    for (const record of list) ops.push({ type: 'delete', store, id: record.id });
    deleted[store] = list.length;
  }
  // Merge records keep copies of the person as they were: they go too (the merge can't be undone after).
  for (const merge of person.merges) ops.push({ type: 'deleteMerge', id: merge.id });
  if (person.merges.length > 0) deleted.merges = person.merges.length;
  for (const bad of person.unreadable) {
    ops.push(
      bad.store === 'merges' ? { type: 'deleteMerge', id: bad.id } : { type: 'delete', store: bad.store, id: bad.id },
    );
    deleted[bad.store] = (deleted[bad.store] ?? 0) + 1;
  }
  ops.push({ type: 'delete', store: 'contacts', id: contactId });
  await repo.write(ops);
  return { contactId, deleted, erasedAt: (options.now ?? (() => new Date().toISOString()))() };
}
