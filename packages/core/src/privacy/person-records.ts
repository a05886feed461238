/**
 * Everything held about one person: the contact, every record that belongs to them in the
 * contact-linked stores, and the tasks and notes filed under their cases and deals even
 * when those name no contact, and the records of merges they took part in. Unreadable (corrupt) records are listed by id so that an
 * erasure removes them too.
 */

import { listAll } from '../import/list-all.ts';
import type { Contact } from '../model/contact.ts';
import type { MergeRecord } from '../model/merge-record.ts';
import { CONTACT_LINKED_STORES, type RecordMap, type StoreName } from '../model/stores.ts';
import type { Repository } from '../ports/repository.ts';

export interface PersonRecords {
  contact: Contact;
  records: { [S in StoreName]?: RecordMap[S][] };
  /** Stored merges this person took part in: they hold copies of the contacts as they were. */
  merges: MergeRecord[];
  /** Records of this person that could not be read, by store and id. */
  unreadable: { store: StoreName | 'merges'; id: string; issues: string }[];
}

export class PersonNotFoundError extends Error {
  override name = 'PersonNotFoundError';
}

export async function collectPerson(repo: Repository, contactId: string): Promise<PersonRecords> {
  const found = await repo.get('contacts', contactId);
  if (!found.ok)
    throw new PersonNotFoundError(
      found.reason === 'not-found'
        ? `contact ${contactId} does not exist`
        : `contact ${contactId} is unreadable: ${found.issues}`,
    );
  const records: PersonRecords['records'] = {};
  const unreadable: PersonRecords['unreadable'] = [];
  for (const store of CONTACT_LINKED_STORES) {
    const { records: list, corrupt } = await repo.listByContact(store, contactId);
    if (list.length > 0) (records as Record<string, unknown[]>)[store] = list;
    for (const bad of corrupt) unreadable.push({ store, id: bad.id, issues: bad.issues });
  }
  // Tasks and notes may hang off the person's cases or deals without naming the person.
  const caseIds = new Set((records.cases ?? []).map((c) => c.id));
  const dealIds = new Set((records.opportunities ?? []).map((o) => o.id));
  if (caseIds.size + dealIds.size > 0) {
    for (const store of ['tasks', 'notes'] as const) {
      const list: RecordMap[typeof store][] = [...(records[store] ?? [])];
      const have = new Set(list.map((r) => r.id));
      for await (const record of listAll(repo, store)) {
        if (have.has(record.id) || record.contactId !== undefined) continue;
        if (
          (record.caseId && caseIds.has(record.caseId)) ||
          (record.opportunityId && dealIds.has(record.opportunityId))
        )
          list.push(record);
      }
      if (list.length > 0) (records as Record<string, unknown[]>)[store] = list;
    }
  }
  const merges = await repo.listMerges({ contactId });
  for (const bad of merges.corrupt) unreadable.push({ store: 'merges', id: bad.id, issues: bad.issues });
  return { contact: found.value, records, merges: merges.records, unreadable };
}
