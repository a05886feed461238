import { createMemoryRepository, STORE_NAMES } from '@cordial/core';
import { generateDataset } from '@cordial/core/testing';
import { describe, expect, it } from 'vitest';
import { putDataset } from './demo-seed';

describe(putDataset, () => {
  it('should store every record of the data set', async () => {
    const data = generateDataset({ seed: 5, contacts: 30 });
    const repo = createMemoryRepository();
    await putDataset(repo, data);
    for (const store of STORE_NAMES) expect(await repo.count(store)).toBe(data[store]?.length ?? 0);
  });

  it('should store nothing when one record is invalid, so no reader ever sees contacts without their orders', async () => {
    const data = generateDataset({ seed: 5, contacts: 30 });
    const last = data.tasks.at(-1);
    if (!last) throw new Error('the data set has no tasks');
    Object.assign(last, { dueAt: 'next Tuesday' });
    const repo = createMemoryRepository();
    await expect(putDataset(repo, data)).rejects.toThrow();
    for (const store of STORE_NAMES) expect(await repo.count(store)).toBe(0);
  });
});
