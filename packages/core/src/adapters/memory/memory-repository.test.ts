import { describeRepositoryContract } from '../../testing/repository.contract.ts';
import { createMemoryRepository } from './memory-repository.ts';

describeRepositoryContract('createMemoryRepository', {
  open: async (options = {}) =>
    createMemoryRepository({
      ...(options.raw ? { raw: options.raw } : {}),
      ...(options.quota === undefined ? {} : { capacity: options.quota }),
    }),
});
