import type { RecordMap, StoreName } from '../model/stores.ts';
import type { Repository } from '../ports/repository.ts';

/** Every readable record of a store, page by page (corrupt records are skipped; the repository reports them). */
export async function* listAll<S extends StoreName>(
  repo: Repository,
  store: S,
  pageSize = 2000,
): AsyncGenerator<RecordMap[S]> {
  let after: string | undefined;
  do {
    const page: Awaited<ReturnType<typeof repo.list<S>>> = await repo.list(store, {
      limit: pageSize,
      ...(after !== undefined && { after }),
    });
    yield* page.records;
    after = page.next;
  } while (after !== undefined);
}
