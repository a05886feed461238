import { describe, expect, it } from 'vitest';
import { createMemoryRepository } from '../adapters/memory/memory-repository.ts';
import { mergeContacts } from '../identity/merge-contacts.ts';
import type { Contact } from '../model/contact.ts';
import { STORE_NAMES } from '../model/stores.ts';
import { generateDataset } from '../testing/generate.ts';
import { storeDataset } from '../testing/store-dataset.ts';
import { erasePerson } from './erase-person.ts';
import { exportPerson } from './export-person.ts';
import { PersonNotFoundError } from './person-records.ts';

async function seeded() {
  const data = generateDataset({ seed: 21, contacts: 8 });
  const repo = createMemoryRepository();
  await storeDataset(repo, data);
  return { repo, data };
}

describe('exportPerson and erasePerson', () => {
  it('should export everything held about a person and then erase exactly that, in one go', async () => {
    const { repo, data } = await seeded();
    // The person with the most history makes the test meaningful.
    const person = [...data.contacts].sort(
      (a, b) =>
        data.orders.filter((o) => o.contactId === b.id).length - data.orders.filter((o) => o.contactId === a.id).length,
    )[0];
    if (!person) throw new Error('no contacts');
    const caseTask = {
      id: 'task-under-case',
      createdAt: person.createdAt,
      updatedAt: person.createdAt,
      version: 1,
      kind: 'follow-up' as const,
      title: 'Check the refund',
      done: false,
    };
    const personCase = data.cases.find((c) => c.contactId === person.id);
    if (personCase) await repo.put('tasks', { ...caseTask, caseId: personCase.id });
    const access = await exportPerson(repo, person.id, { now: () => '2026-11-20T00:00:00.000Z' });
    expect(access.contact.id).toBe(person.id);
    const owned = (store: 'orders' | 'touchpoints' | 'cases') =>
      data[store]
        .filter((r) => r.contactId === person.id)
        .map((r) => r.id)
        .sort();
    for (const store of ['orders', 'touchpoints', 'cases'] as const)
      expect((access.records[store] ?? []).map((r) => r.id).sort()).toEqual(owned(store));
    if (personCase) expect(access.records.tasks?.some((t) => t.id === 'task-under-case')).toBe(true);

    const before: Record<string, number> = {};
    for (const store of STORE_NAMES) before[store] = await repo.count(store);
    const report = await erasePerson(repo, person.id);
    expect((await repo.get('contacts', person.id)).ok).toBe(false);
    for (const store of STORE_NAMES)
      expect(await repo.count(store)).toBe((before[store] ?? 0) - (report.deleted[store] ?? 0));
    expect(report.deleted.orders ?? 0).toBe(owned('orders').length);
    for (const store of ['orders', 'touchpoints', 'cases', 'tasks', 'notes'] as const)
      expect((await repo.listByContact(store, person.id)).records).toEqual([]);
    await expect(exportPerson(repo, person.id)).rejects.toThrow(PersonNotFoundError);
  });

  it('should give and then erase the records of merges the person took part in, which hold copies of them', async () => {
    const { repo, data } = await seeded();
    const [person, duplicate, other, stranger] = data.contacts as [Contact, Contact, Contact, Contact];
    const theirs = await mergeContacts(repo, person.id, [duplicate.id], { now: () => '2026-11-01T00:00:00.000Z' });
    const unrelated = await mergeContacts(repo, other.id, [stranger.id], { now: () => '2026-11-02T00:00:00.000Z' });
    expect((await exportPerson(repo, person.id)).merges).toEqual([theirs]);
    const report = await erasePerson(repo, person.id);
    expect(report.deleted.merges).toBe(1);
    expect((await repo.listMerges()).records).toEqual([unrelated]);
  });

  it('should erase nothing when the write fails', async () => {
    const { repo, data } = await seeded();
    const person = data.contacts[0];
    if (!person) throw new Error('no contacts');
    const failing = { ...repo, write: async () => Promise.reject(new Error('disk full')) };
    await expect(erasePerson(failing, person.id)).rejects.toThrow('disk full');
    expect((await repo.get('contacts', person.id)).ok).toBe(true);
  });
});
