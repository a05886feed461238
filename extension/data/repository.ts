import { createMemoryRepository, type Repository } from '@cordial/core';

let opened: Promise<Repository> | undefined;

/** PROVISIONAL until core's IndexedDB adapter lands. */
export function openRepository(): Promise<Repository> {
  opened ??= Promise.resolve(createMemoryRepository());
  return opened;
}
