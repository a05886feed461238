import { STORE_NAMES } from '../model/stores.ts';
import type { Repository, WriteOp } from '../ports/repository.ts';
import type { Dataset } from './generate.ts';

/**
 * Writes a generated data set (whole, or some of its stores) in one transaction: a reader sees all of
 * it or none, never contacts without their orders. The demo seed and the tests fill repositories with it.
 */
export async function storeDataset(repo: Repository, data: Partial<Dataset>): Promise<void> {
  // `data[store]` and `store` vary together, which TypeScript cannot follow through the flatMap.
  await repo.write(
    STORE_NAMES.flatMap((store) => (data[store] ?? []).map((record) => ({ type: 'put', store, record }) as WriteOp)),
  );
}
