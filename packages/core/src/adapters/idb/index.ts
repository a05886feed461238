// The `@cordial/core/idb` entry: the IndexedDB repository (browser only).
export type { IdbRepositoryOptions } from './idb-repository.ts';
export { openIdbRepository } from './idb-repository.ts';
