import type { Contact } from '@cordial/core';
import { signal } from '@preact/signals';
import { render } from 'preact';
import { openRepository } from '../../data/repository';
import { recentContactIds, searchContacts } from '../../data/search-contacts';
import { scheduleTaskAlarm } from '../../data/task-alarms';
import { createSidebarModel } from '../../state/sidebar-model';
import { ContactDetail } from '../../ui/contact-detail';
import { displayName } from '../../ui/format';

/** The toolbar popup: find a contact by name, email or company; the recently viewed ones first. */
const model = createSidebarModel({
  repository: openRepository,
  onWrite: ({ store, id }) => {
    if (store === 'tasks') void scheduleTaskAlarm(id);
  },
});
const query = signal('');
const results = signal<Contact[]>([]);
const heading = signal('Recent contacts');
const selected = signal<string | null>(null);
let searchRun = 0;

async function showRecent() {
  const repo = await openRepository();
  const reads = await Promise.all((await recentContactIds()).map((id) => repo.get('contacts', id)));
  results.value = reads.flatMap((r) => (r.ok ? [r.value] : []));
  heading.value = 'Recent contacts';
}

async function search(text: string) {
  query.value = text;
  const run = ++searchRun;
  if (!text.trim()) return showRecent();
  const found = await searchContacts(await openRepository(), text);
  if (run !== searchRun) return;
  results.value = found;
  heading.value = `${found.length === 20 ? 'First 20' : found.length} result${found.length === 1 ? '' : 's'}`;
}

async function open(contact: Contact) {
  const email = contact.emails[0] ?? contact.id;
  selected.value = email;
  await model.showContact(email, contact);
}

function Popup() {
  const email = selected.value;
  return (
    <main aria-labelledby="popup-title">
      <h1 id="popup-title">Cordial</h1>
      <div class="field">
        <label for="search">Search contacts by name, email or company</label>
        <input id="search" type="search" value={query} onInput={(e) => search(e.currentTarget.value)} />
      </div>
      {email ? (
        <>
          <button type="button" class="link" onClick={() => (selected.value = null)}>
            Back to the list
          </button>
          <ContactDetail model={model} state={model.views.value.get(email)} />
        </>
      ) : (
        <section aria-labelledby="results-title">
          <h2 id="results-title">{heading}</h2>
          {results.value.length === 0 ? (
            <p class="empty">{query.value ? 'No contact matches.' : 'No contact viewed yet.'}</p>
          ) : (
            <ul class="list">
              {results.value.map((c) => (
                <li key={c.id}>
                  <button type="button" class="link" onClick={() => open(c)}>
                    {displayName(c)}
                  </button>{' '}
                  <span class="meta">{[c.company, c.emails[0]].filter(Boolean).join(' · ')}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </main>
  );
}

void showRecent();
const app = document.getElementById('app');
if (app) render(<Popup />, app);
