import type { ContactIdentity } from '../model/contact-identity.ts';
import type { RecordMap, StoreName } from '../model/stores.ts';
import type { Page, Repository } from '../ports/repository.ts';

type Pager<T> = (options: { after?: string; limit: number }) => Promise<Page<T>>;

/** Every readable item a paged read hands out, page by page (corrupt records are skipped; the repository reports them). */
async function* allOf<T>(read: Pager<T>, pageSize: number): AsyncGenerator<T> {
  let after: string | undefined;
  do {
    const page = await read({ limit: pageSize, ...(after !== undefined && { after }) });
    yield* page.records;
    after = page.next;
  } while (after !== undefined);
}

/** Every readable record of a store. */
export const listAll = <S extends StoreName>(repo: Repository, store: S, pageSize = 2000) =>
  allOf<RecordMap[S]>((options) => repo.list(store, options), pageSize);

/** The identity of every readable contact (Repository.listIdentities). */
export const listAllIdentities = (repo: Repository, pageSize = 2000) =>
  allOf<ContactIdentity>((options) => repo.listIdentities(options), pageSize);
