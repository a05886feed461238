import { batch, computed, signal } from '@preact/signals';
import type { ContactView, MergeSummary } from '../data/contact-view';
import type { ResultOf } from '../data/data-service';
import type { DataRequest, DataResponse } from '../messaging/data-protocol';
import type { PersonInView, Theme, ThreadInView } from '../messaging/protocol';

export type ViewState =
  | { status: 'loading' }
  | { status: 'ready'; view: ContactView }
  | { status: 'error'; message: string };

/** What the sidebar says about a merge under an address: done (with its undo), undone, or refused. */
export interface MergeNotice {
  text: string;
  error?: boolean;
  /** The merge that the Undo button puts back, while it can. */
  undo?: MergeSummary;
}

export interface SidebarDeps {
  /** Runs a request against the customer database (in the background; directly in unit tests). */
  call: <R extends DataRequest>(request: R) => Promise<DataResponse<ResultOf<R>>>;
}

/**
 * The sidebar's state as signals: the conversation in view, one loaded 360-degree view per
 * person, which person is expanded. Actions go to the background, which writes them to
 * IndexedDB, then that person's view is reloaded: what the rep saved is on screen the
 * moment it is stored.
 */
export function createSidebarModel(deps: SidebarDeps) {
  const thread = signal<ThreadInView | null>(null);
  const theme = signal<Theme>('light');
  const views = signal<ReadonlyMap<string, ViewState>>(new Map());
  const expanded = signal<string | null>(null);
  const mergeNotices = signal<ReadonlyMap<string, MergeNotice>>(new Map());
  const people = computed<PersonInView[]>(() => thread.value?.people ?? []);
  /** Which contact each address shows when the rep picked one (duplicates, the popup). */
  const chosen = new Map<string, string>();
  let generation = 0;

  const setNotice = (email: string, notice: MergeNotice) => {
    mergeNotices.value = new Map(mergeNotices.value).set(email, notice);
  };

  const setView = (email: string, state: ViewState) => {
    const next = new Map(views.value);
    next.set(email, state);
    views.value = next;
  };

  async function load(email: string, name: string | undefined, current: number) {
    const contactId = chosen.get(email);
    const response = contactId
      ? await deps.call({ op: 'contact:view', contactId, email })
      : await deps.call({ op: 'view', email, ...(name ? { name } : {}) });
    if (current !== generation) return;
    setView(
      email,
      response.ok ? { status: 'ready', view: response.value } : { status: 'error', message: response.message },
    );
  }

  return {
    thread,
    theme,
    views,
    expanded,
    people,
    mergeNotices,

    /** A new conversation (or none): load every person in it; expand the first external one. */
    showThread(next: ThreadInView | null, nextTheme: Theme) {
      theme.value = nextTheme;
      if (JSON.stringify(next) === JSON.stringify(thread.value)) return Promise.resolve();
      const current = ++generation;
      batch(() => {
        thread.value = next;
        views.value = new Map((next?.people ?? []).map((p) => [p.email, { status: 'loading' } as const]));
        expanded.value = next?.people[0]?.email ?? null;
      });
      return Promise.all((next?.people ?? []).map((p) => load(p.email, p.name, current))).then(() => undefined);
    },

    expand(email: string) {
      expanded.value = expanded.value === email ? null : email;
    },

    /** Reloads everyone in view (after an import or the demo seed changed the stored data). */
    async refreshAll() {
      const current = generation;
      await Promise.all(
        [...views.value.keys()].map((email) => load(email, people.value.find((p) => p.email === email)?.name, current)),
      );
    },

    /** Shows one stored contact under an address (a duplicate the rep picked, a popup search result). */
    async showContact(email: string, contactId: string) {
      chosen.set(email, contactId);
      if (!views.value.has(email)) setView(email, { status: 'loading' });
      await load(email, undefined, generation);
    },

    /**
     * Runs one action, then reloads that person's view. Resolves to an error message for the
     * form to show (nothing is lost: the form keeps its draft).
     */
    async act(email: string, request: DataRequest): Promise<{ ok: true } | { ok: false; message: string }> {
      const response = await deps.call(request);
      if (!response.ok) return response;
      await load(email, people.value.find((p) => p.email === email)?.name, generation);
      return { ok: true };
    },

    /** Merges the duplicates under an address into one of them; the notice offers to undo it. */
    async merge(email: string, survivorId: string, duplicateIds: string[]): Promise<void> {
      const response = await deps.call({ op: 'contacts:merge', survivorId, duplicateIds });
      if (!response.ok) return setNotice(email, { text: `Not merged: ${response.message}`, error: true });
      const merge = response.value;
      setNotice(email, { text: `Merged ${merge.contacts} contacts into ${merge.into}.`, undo: merge });
      // After a merge only the survivor exists: show whatever the address now resolves to.
      chosen.delete(email);
      await load(email, undefined, generation);
    },

    /**
     * Undoes a merge shown under an address (just made, or stored and found when the view
     * loaded): the duplicates come back exactly as they were.
     */
    async undoMerge(email: string, merge: MergeSummary): Promise<void> {
      const response = await deps.call({ op: 'contacts:undo-merge', mergeId: merge.id });
      if (!response.ok) return setNotice(email, { text: `Not undone: ${response.message}`, error: true });
      setNotice(email, { text: `Merge undone: ${merge.contacts} separate contacts again.` });
      chosen.delete(email);
      await load(email, undefined, generation);
    },
  };
}

export type SidebarModel = ReturnType<typeof createSidebarModel>;
