import { describe, expect, it } from 'vitest';
import { createMemoryRepository } from '../adapters/memory/memory-repository.ts';
import { STORE_NAMES } from '../model/stores.ts';
import { generateDataset } from './generate.ts';
import { storeDataset } from './store-dataset.ts';

describe(storeDataset, () => {
  it('should store every record of the data set', async () => {
    const data = generateDataset({ seed: 5, contacts: 30 });
    const repo = createMemoryRepository();
    await storeDataset(repo, data);
    for (const store of STORE_NAMES) expect(await repo.count(store)).toBe(data[store]?.length ?? 0);
  });

  it('should store nothing when one record is invalid, so no reader ever sees contacts without their orders', async () => {
    const data = generateDataset({ seed: 5, contacts: 30 });
    const last = data.tasks.at(-1);
    if (!last) throw new Error('the data set has no tasks');
    Object.assign(last, { dueAt: 'next Tuesday' });
    const repo = createMemoryRepository();
    await expect(storeDataset(repo, data)).rejects.toThrow();
    for (const store of STORE_NAMES) expect(await repo.count(store)).toBe(0);
  });
});
