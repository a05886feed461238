import type { Contact, Repository } from '@cordial/core';
import { batch, computed, signal } from '@preact/signals';
import { type ActionContext, createContact } from '../data/actions';
import { type ContactView, loadContactView, loadKnownContact } from '../data/contact-view';
import type { PersonInView, Theme, ThreadInView } from '../messaging/protocol';

export type ViewState =
  | { status: 'loading' }
  | { status: 'ready'; view: ContactView }
  | { status: 'error'; message: string };

export interface SidebarDeps {
  repository: () => Promise<Repository>;
  now?: () => Date;
  newId?: () => string;
  /** Called after every successful write (to schedule a due-task alarm, refresh the recent list, …). */
  onWrite?: (what: { store: string; id: string; contactId?: string }) => void;
}

/**
 * The sidebar's state as signals: the conversation in view, one loaded 360-degree view per
 * person, which person is expanded. Actions write through the repository and reload that
 * person's view, so what the rep saved is on screen the moment IndexedDB has it.
 */
export function createSidebarModel(deps: SidebarDeps) {
  const thread = signal<ThreadInView | null>(null);
  const theme = signal<Theme>('light');
  const views = signal<ReadonlyMap<string, ViewState>>(new Map());
  const expanded = signal<string | null>(null);
  const people = computed<PersonInView[]>(() => thread.value?.people ?? []);
  let generation = 0;

  const setView = (email: string, state: ViewState) => {
    const next = new Map(views.value);
    next.set(email, state);
    views.value = next;
  };

  async function load(person: PersonInView, current: number) {
    try {
      const repo = await deps.repository();
      const view = await loadContactView(repo, person.email, person.name);
      if (current === generation) setView(person.email, { status: 'ready', view });
    } catch (error) {
      if (current === generation) setView(person.email, { status: 'error', message: errorMessage(error) });
    }
  }

  async function actionContext(): Promise<ActionContext> {
    return {
      repo: await deps.repository(),
      now: deps.now ?? (() => new Date()),
      newId: deps.newId ?? (() => crypto.randomUUID()),
    };
  }

  return {
    thread,
    theme,
    views,
    expanded,
    people,

    /** A new conversation (or none): load every person in it; expand the first external one. */
    showThread(next: ThreadInView | null, nextTheme: Theme) {
      const same = JSON.stringify(next) === JSON.stringify(thread.value);
      theme.value = nextTheme;
      if (same) return;
      const current = ++generation;
      batch(() => {
        thread.value = next;
        views.value = new Map((next?.people ?? []).map((p) => [p.email, { status: 'loading' } as const]));
        expanded.value = next?.people[0]?.email ?? null;
      });
      return Promise.all((next?.people ?? []).map((p) => load(p, current)));
    },

    expand(email: string) {
      expanded.value = expanded.value === email ? null : email;
    },

    /** Reloads one person's view (after a write in this or another context). */
    async refresh(email: string) {
      const person = people.value.find((p) => p.email === email);
      if (person) await load(person, generation);
    },

    /**
     * Runs one action: the write, then the reloaded view of that person. Resolves to an
     * error message for the form to show (nothing is lost: the form keeps its draft).
     */
    async act<T extends { id: string; contactId?: string }>(
      email: string,
      action: (ctx: ActionContext) => Promise<T>,
      store: string,
    ): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
      try {
        const ctx = await actionContext();
        const value = await action(ctx);
        deps.onWrite?.({ store, id: value.id, ...(value.contactId ? { contactId: value.contactId } : {}) });
        await this.refresh(email);
        return { ok: true, value };
      } catch (error) {
        return { ok: false, message: errorMessage(error) };
      }
    },

    async createContactFor(email: string, form: Parameters<typeof createContact>[1]) {
      return this.act(email, (ctx) => createContact(ctx, form), 'contacts');
    },

    /** After a merge elsewhere (duplicates resolved), show the surviving contact. */
    async showContact(email: string, contact: Contact) {
      const repo = await deps.repository();
      setView(email, { status: 'ready', view: await loadKnownContact(repo, contact, email) });
    },
  };
}

export type SidebarModel = ReturnType<typeof createSidebarModel>;

/** A readable message for any failure: zod issues by field, repository errors by their message. */
export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray(error.issues)) {
    return error.issues
      .map((issue: { path: PropertyKey[]; message: string }) =>
        issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
      )
      .join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}
