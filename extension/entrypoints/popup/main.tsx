import type { Contact } from '@cordial/core';
import { signal } from '@preact/signals';
import { render } from 'preact';
import { callData } from '../../data/data-client';
import { createSidebarModel } from '../../state/sidebar-model';
import { ContactDetail } from '../../ui/contact-detail';
import { displayName } from '../../ui/format';

/** The toolbar popup: find a contact by name, email or company; the recently viewed ones first. */
const model = createSidebarModel({ call: callData });
const query = signal('');
const results = signal<Contact[]>([]);
const heading = signal('Recent contacts');
const selected = signal<string | null>(null);
let searchRun = 0;

const error = signal('');

async function showRecent() {
  const response = await callData({ op: 'contacts:recent' });
  results.value = response.ok ? response.value : [];
  error.value = response.ok ? '' : response.message;
  heading.value = 'Recent contacts';
}

async function search(text: string) {
  query.value = text;
  const run = ++searchRun;
  if (!text.trim()) return showRecent();
  const response = await callData({ op: 'contacts:search', query: text });
  if (run !== searchRun) return;
  const found = response.ok ? response.value : [];
  error.value = response.ok ? '' : response.message;
  results.value = found;
  heading.value = `${found.length === 20 ? 'First 20' : found.length} result${found.length === 1 ? '' : 's'}`;
}

async function open(contact: Contact) {
  const email = contact.emails[0] ?? contact.id;
  selected.value = email;
  await model.showContact(email, contact.id);
}

function Popup() {
  const email = selected.value;
  return (
    <main aria-labelledby="popup-title">
      <h1 id="popup-title">Cordial</h1>
      <p>
        <a href={browser.runtime.getURL('/workbench.html')} target="_blank" rel="noreferrer">
          Open workbench
        </a>
      </p>
      <div class="field">
        <label for="search">Search contacts by name, email or company</label>
        <input id="search" type="search" value={query} onInput={(e) => search(e.currentTarget.value)} />
      </div>
      {email ? (
        <>
          <button type="button" class="link" onClick={() => (selected.value = null)}>
            Back to the list
          </button>
          <ContactDetail model={model} email={email} state={model.views.value.get(email)} />
        </>
      ) : (
        <section aria-labelledby="results-title">
          <h2 id="results-title">{heading}</h2>
          {error.value && <p class="status error">{`Could not search: ${error.value}`}</p>}
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
