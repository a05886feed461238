import { type Contact, mergeContacts, type Repository, undoMerge } from '@cordial/core';
import type { DataRequest, DataResponse } from '../messaging/data-protocol';
import {
  type ActionContext,
  addNote,
  addTask,
  completeTask,
  createContact,
  createOpportunity,
  editContact,
  logCall,
  logThread,
  moveOpportunity,
  openCase,
} from './actions';
import {
  type ContactView,
  type KnownContactView,
  loadContactView,
  loadKnownContact,
  type MergeSummary,
  summarizeMerge,
} from './contact-view';
import { recentContactIds, rememberContact, searchContacts } from './search-contacts';
import type { ValueSignals } from './signals-store';

/** What each request resolves to, so callers get typed values back. */
export interface DataResults {
  view: ContactView;
  'contact:view': KnownContactView;
  'contact:create': Contact;
  'contacts:merge': MergeSummary;
  'contacts:undo-merge': { survivorId: string; restoredIds: string[] };
  'contacts:search': Contact[];
  'contacts:recent': Contact[];
}
export type ResultOf<R extends DataRequest> = R['op'] extends keyof DataResults
  ? DataResults[R['op']]
  : { id: string; contactId?: string };

export interface DataServiceDeps extends ActionContext {
  /** Called after a task is written (the background sets or clears its due-time alarm). */
  onTask?: (taskId: string) => Promise<void>;
  /** The contact's value signals (RFM, churn risk, CLV), computed in the background. */
  signalsOf?: (contactId: string) => Promise<ValueSignals>;
}

async function withSignals(deps: DataServiceDeps, view: KnownContactView): Promise<KnownContactView> {
  // Remembered for the popup's recent list without holding up the answer.
  void rememberContact(view.contact.id);
  return deps.signalsOf ? { ...view, value: await deps.signalsOf(view.contact.id) } : view;
}

async function need<S extends 'contacts' | 'tasks' | 'opportunities'>(repo: Repository, store: S, id: string) {
  const read = await repo.get(store, id);
  if (read.ok) return read.value;
  throw new Error(
    read.reason === 'not-found' ? `no such record (${store} ${id})` : `unreadable record: ${read.issues}`,
  );
}

/**
 * Runs one validated request against the customer database (in the background). Expected
 * failures (bad input, a record changed elsewhere) come back as `{ ok: false, message }`.
 */
export async function handleDataRequest(deps: DataServiceDeps, request: DataRequest): Promise<DataResponse> {
  try {
    return { ok: true, value: await run(deps, request) };
  } catch (error) {
    return { ok: false, message: errorMessage(error) };
  }
}

async function run(deps: DataServiceDeps, request: DataRequest): Promise<unknown> {
  const { repo } = deps;
  switch (request.op) {
    case 'view': {
      const view = await loadContactView(repo, request.email, request.name);
      return view.kind === 'known' ? withSignals(deps, view) : view;
    }
    case 'contact:view': {
      const contact = await need(repo, 'contacts', request.contactId);
      return withSignals(deps, await loadKnownContact(repo, contact, request.email));
    }
    case 'contact:create':
      return createContact(deps, request.input);
    case 'contact:edit':
      return editContact(deps, await need(repo, 'contacts', request.contactId), request.input);
    case 'note:add':
      return addNote(deps, request.contactId, request.input);
    case 'task:add': {
      const task = await addTask(deps, request.contactId, request.input);
      await deps.onTask?.(task.id);
      return task;
    }
    case 'task:complete': {
      const task = await completeTask(deps, await need(repo, 'tasks', request.taskId));
      await deps.onTask?.(task.id);
      return task;
    }
    case 'thread:log':
      return (await logThread(deps, request.contactId, request.thread, request.input)).touchpoint;
    case 'call:log':
      return logCall(deps, request.contactId, request.input);
    case 'opportunity:create':
      return createOpportunity(deps, await need(repo, 'contacts', request.contactId), request.input);
    case 'opportunity:move':
      return moveOpportunity(deps, await need(repo, 'opportunities', request.opportunityId), request.stage);
    case 'case:open':
      return openCase(deps, await need(repo, 'contacts', request.contactId), request.input);
    case 'contacts:merge': {
      // core's merge: one atomic write that re-points every record of the duplicates to the survivor
      // and stores the merge record, so the merge can be undone later, after a reload too.
      const merge = await mergeContacts(repo, request.survivorId, request.duplicateIds, {
        now: () => deps.now().toISOString(),
        reasons: ['the rep merged contacts that share an email address'],
      });
      return summarizeMerge(merge);
    }
    case 'contacts:undo-merge': {
      const stored = await repo.getMerge(request.mergeId);
      if (!stored.ok) {
        throw new Error(
          stored.reason === 'not-found'
            ? 'this merge is no longer stored (already undone?)'
            : 'the merge is unreadable',
        );
      }
      // core's undo refuses, changing nothing, when anything the merge wrote has changed since.
      const undone = await undoMerge(repo, stored.value);
      if (!undone.ok) throw new Error(`the merge cannot be undone: ${undone.conflicts.join('; ')}`);
      return { survivorId: stored.value.survivorId, restoredIds: stored.value.mergedIds };
    }
    case 'contacts:search':
      return searchContacts(repo, request.query);
    case 'contacts:recent': {
      const reads = await Promise.all((await recentContactIds()).map((id) => repo.get('contacts', id)));
      return reads.flatMap((r) => (r.ok ? [r.value] : []));
    }
  }
}

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
