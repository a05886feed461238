import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryRepository } from '../adapters/memory/memory-repository.ts';
import { STORE_NAMES } from '../model/stores.ts';
import type { Repository } from '../ports/repository.ts';
import { generateDataset } from '../testing/generate.ts';
import { storeDataset } from '../testing/store-dataset.ts';
import { combineContacts } from './combine-contacts.ts';
import { mergeContacts, undoMerge } from './merge-contacts.ts';

const NOW = '2026-11-20T00:00:00.000Z';

async function snapshot(repo: Repository) {
  const out: Record<string, unknown[]> = {};
  for (const store of STORE_NAMES)
    out[store] = (await repo.list(store, { limit: 100_000 })).records.sort((a, b) => a.id.localeCompare(b.id));
  return out;
}

async function seeded(seed: number) {
  const data = generateDataset({ seed, contacts: 6, touchpointsPerContact: 3 });
  const repo = createMemoryRepository();
  await storeDataset(repo, data);
  return { repo, contacts: data.contacts };
}

describe('mergeContacts', () => {
  it('should re-point every record of the duplicates to the survivor and delete the duplicates', async () => {
    const { repo, contacts } = await seeded(7);
    const [survivor, duplicate] = contacts as [(typeof contacts)[0], (typeof contacts)[0]];
    const owned = async (id: string) =>
      (
        await Promise.all(
          (['orders', 'touchpoints', 'cases', 'opportunities', 'tasks', 'notes'] as const).map((s) =>
            repo.listByContact(s, id),
          ),
        )
      ).reduce((n, r) => n + r.records.length, 0);
    const total = (await owned(survivor.id)) + (await owned(duplicate.id));
    const merge = await mergeContacts(repo, survivor.id, [duplicate.id], {
      now: () => NOW,
      reasons: ['same email address'],
    });
    expect(await owned(survivor.id)).toBe(total);
    expect(await owned(duplicate.id)).toBe(0);
    expect((await repo.get('contacts', duplicate.id)).ok).toBe(false);
    const merged = await repo.get('contacts', survivor.id);
    expect(merged.ok && merged.value.emails).toEqual([...new Set([...survivor.emails, ...duplicate.emails])]);
    expect(merge).toMatchObject({
      survivorId: survivor.id,
      mergedIds: [duplicate.id],
      reasons: ['same email address'],
    });
    expect((await repo.listMerges({ contactId: duplicate.id })).records).toEqual([merge]);
  });

  it('should keep the merge record when an undo is refused, so it can be retried', async () => {
    const { repo, contacts } = await seeded(9);
    const [a, b] = contacts as [(typeof contacts)[0], (typeof contacts)[0]];
    const merge = await mergeContacts(repo, a.id, [b.id], { now: () => NOW });
    await repo.put('contacts', { ...b, version: 1 });
    expect(await undoMerge(repo, merge)).toMatchObject({
      ok: false,
      conflicts: [`contact id ${b.id} is in use again`],
    });
    expect(await repo.getMerge(merge.id)).toEqual({ ok: true, value: merge });
  });

  it('should refuse to undo once the survivor changed, and change nothing', async () => {
    const { repo, contacts } = await seeded(8);
    const [a, b] = contacts as [(typeof contacts)[0], (typeof contacts)[0]];
    const merge = await mergeContacts(repo, a.id, [b.id], { now: () => NOW });
    const current = await repo.get('contacts', a.id);
    if (!current.ok) throw new Error('survivor missing');
    await repo.put('contacts', { ...current.value, title: 'Edited', version: current.value.version + 1 });
    const before = await snapshot(repo);
    const result = await undoMerge(repo, merge);
    expect(result).toEqual({ ok: false, conflicts: [expect.stringContaining('was changed after the merge')] });
    expect(await snapshot(repo)).toEqual(before);
  });

  it('should restore the original data exactly when a merge is undone (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 5 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 }),
        async (seed, survivorIndex, others) => {
          const { repo, contacts } = await seeded(seed);
          const duplicates = others
            .filter((i) => i !== survivorIndex)
            .map((i) => (contacts[i] as (typeof contacts)[0]).id);
          fc.pre(duplicates.length > 0);
          const original = await snapshot(repo);
          const merge = await mergeContacts(repo, (contacts[survivorIndex] as (typeof contacts)[0]).id, duplicates, {
            now: () => NOW,
          });
          expect(await repo.count('contacts')).toBe(contacts.length - duplicates.length);
          expect(await repo.getMerge(merge.id)).toEqual({ ok: true, value: merge });
          expect(await undoMerge(repo, JSON.parse(JSON.stringify(merge)))).toEqual({ ok: true });
          expect(await snapshot(repo)).toEqual(original);
          expect((await repo.listMerges()).records).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});

describe('combineContacts', () => {
  it('should keep both external ids of one system and let an opt-out win', () => {
    const base = generateDataset({ seed: 3, contacts: 2 }).contacts as [
      ReturnType<typeof generateDataset>['contacts'][0],
      ReturnType<typeof generateDataset>['contacts'][0],
    ];
    const a = { ...base[0], externalIds: { shopify: '1' }, marketing: { ...base[0].marketing, doNotContact: false } };
    const b = { ...base[1], externalIds: { shopify: '2' }, marketing: { ...base[1].marketing, doNotContact: true } };
    const merged = combineContacts(a, [b], NOW);
    expect(merged.externalIds).toEqual({ shopify: '1', 'shopify#2': '2' });
    expect(merged.marketing.doNotContact).toBe(true);
    expect(merged.version).toBe(a.version + 1);
  });
});

describe('resolveDuplicates', () => {
  it('should merge certain duplicates into the oldest contact and list the doubtful ones', async () => {
    const { resolveDuplicates } = await import('./resolve-duplicates.ts');
    const { repo, contacts } = await seeded(11);
    const [a, b, c] = contacts as [(typeof contacts)[0], (typeof contacts)[0], (typeof contacts)[0]];
    const email = a.emails[0] as string;
    // b becomes a newer copy of a (same person, address in capitals); c shares only a phone number with a.
    await repo.put('contacts', {
      ...b,
      emails: [email.toUpperCase()],
      firstName: a.firstName,
      lastName: a.lastName,
      fullName: a.fullName,
      createdAt: '2099-01-01T00:00:00.000Z',
      version: b.version + 1,
    });
    await repo.put('contacts', {
      ...c,
      phones: a.phones.length > 0 ? [a.phones[0] as string] : ['+442079460958'],
      firstName: 'Zed',
      lastName: 'Other',
      fullName: undefined,
      version: c.version + 1,
    });
    if (a.phones.length === 0) await repo.put('contacts', { ...a, phones: ['+442079460958'], version: a.version + 1 });
    const result = await resolveDuplicates(repo, { now: () => NOW });
    expect(result.merged).toHaveLength(1);
    expect(result.merged[0]).toMatchObject({
      survivorId: a.id,
      mergedIds: [b.id],
      reasons: [expect.stringContaining('same email address')],
    });
    expect((await repo.get('contacts', b.id)).ok).toBe(false);
    expect(result.doubtful.some((d) => [d.a, d.b].includes(c.id))).toBe(false);
  });
});
