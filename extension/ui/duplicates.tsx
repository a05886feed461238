import type { Contact } from '@cordial/core';
import { useState } from 'preact/hooks';
import type { SidebarModel } from '../state/sidebar-model';
import { Status } from './form';
import { date, displayName } from './format';

/** Several stored contacts share this address: say so, show them side by side, and offer the merge. */
export function Duplicates({ model, email, contacts }: { model: SidebarModel; email: string; contacts: Contact[] }) {
  const [status, setStatus] = useState({ text: '', error: false });
  const merge = async (survivor: Contact) => {
    const duplicateIds = contacts.filter((c) => c.id !== survivor.id).map((c) => c.id);
    const outcome = await model.act(email, { op: 'contacts:merge', survivorId: survivor.id, duplicateIds });
    setStatus(outcome.ok ? { text: 'Merged.', error: false } : { text: `Not merged: ${outcome.message}`, error: true });
  };
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
      <Status status={status} />
    </section>
  );
}
