import type { Contact } from '@cordial/core';
import { useEffect, useRef } from 'preact/hooks';
import type { SidebarModel, ViewState } from '../state/sidebar-model';
import { date, displayName } from './format';

/** Several stored contacts share this address: say so, show them side by side, and offer the merge. */
export function Duplicates({ model, email, contacts }: { model: SidebarModel; email: string; contacts: Contact[] }) {
  const merge = (survivor: Contact) =>
    model.merge(
      email,
      survivor.id,
      contacts.filter((c) => c.id !== survivor.id).map((c) => c.id),
    );
  return (
    <section aria-label="Possible duplicates" class="duplicates">
      <p class="warning">{`${contacts.length} contacts share ${email}. They are probably the same person.`}</p>
      <ul class="list">
        {contacts.map((c) => (
          <li key={c.id}>
            <span class="person-name">{displayName(c)}</span>{' '}
            <span class="meta">
              {[c.company, c.lifecycleStage, `since ${date(c.createdAt)}`, c.source].filter(Boolean).join(' · ')}
            </span>{' '}
            <button type="button" class="link" onClick={() => model.showContact(email, c.id)}>
              {`Show ${displayName(c)}`}
            </button>{' '}
            <button type="button" onClick={() => merge(c)}>
              {`Merge all into ${displayName(c)}`}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * What became of a merge under this address, with Undo while it can be undone. The status
 * region stays in place from the duplicates to the merged contact, so screen readers
 * announce the change; the Undo button takes the focus, since the button pressed is gone.
 */
export function MergeStatus({ model, email, state }: { model: SidebarModel; email: string; state?: ViewState }) {
  const notice = model.mergeNotices.value.get(email);
  // Without a notice of this session, a stored merge into this contact (the sidebar was closed since).
  const stored = state?.status === 'ready' && state.view.kind === 'known' ? state.view.merge : undefined;
  const shown =
    notice ??
    (stored && { text: `Merged ${stored.contacts} contacts into ${stored.into} on ${date(stored.mergedAt)}.` });
  const merge = notice ? notice.undo : stored;
  const undo = useRef<HTMLButtonElement>(null);
  const justMerged = notice?.undo?.id;
  useEffect(() => {
    if (justMerged) undo.current?.focus();
  }, [justMerged]);
  return (
    <div role="status" class={notice?.error ? 'status error merge-status' : 'status merge-status'}>
      {shown && <span>{shown.text}</span>}
      {merge && (
        <>
          {' '}
          <button type="button" ref={undo} onClick={() => model.undoMerge(email, merge)}>
            Undo merge
          </button>
        </>
      )}
    </div>
  );
}
