import type { ContactIdentity } from '../model/contact-identity.ts';
import type { RecordMap, StoreName } from '../model/stores.ts';
import type { Page, Repository } from '../ports/repository.ts';

type Pager<T> = (options: { after?: string; limit: number }) => Promise<Page<T>>;

/**
 * Every readable item a paged read hands out, page by page (corrupt records are skipped; the repository
 * reports them). The next page is asked for before this one is handed out, so the storage reads it while
 * the caller works through this one: an import's links (100,000 contacts from IndexedDB) took 1.3 s
 * instead of 1.7 s with the reads and the work taking turns.
 */
async function* allOf<T>(read: Pager<T>, pageSize: number): AsyncGenerator<T> {
  let page = await read({ limit: pageSize });
  for (;;) {
    const after = page.next;
    const next = after === undefined ? undefined : read({ limit: pageSize, after });
    // A caller that stops early leaves the read unheard; one that goes on hears its failure below.
    next?.catch(() => undefined);
    yield* page.records;
    if (!next) return;
    page = await next;
  }
}

/** Every readable record of a store. */
export const listAll = <S extends StoreName>(repo: Repository, store: S, pageSize = 2000) =>
  allOf<RecordMap[S]>((options) => repo.list(store, options), pageSize);

/** The identity of every readable contact (Repository.listIdentities). */
export const listAllIdentities = (repo: Repository, pageSize = 2000) =>
  allOf<ContactIdentity>((options) => repo.listIdentities(options), pageSize);
