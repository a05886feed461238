import type { PersonInView } from '../../messaging/protocol';
import type { SidebarModel, ViewState } from '../../state/sidebar-model';
import { ContactDetail } from '../../ui/contact-detail';
import { displayName } from '../../ui/format';

function summaryOf(person: PersonInView, state: ViewState | undefined): string {
  if (state?.status !== 'ready') return person.email;
  const v = state.view;
  if (v.kind === 'unknown') return `${person.email} · not a contact yet`;
  if (v.kind === 'duplicates') return `${person.email} · ${v.contacts.length} duplicates`;
  return [v.contact.company ?? v.account?.name, v.contact.lifecycleStage].filter(Boolean).join(' · ');
}

function nameOf(person: PersonInView, state: ViewState | undefined): string {
  if (state?.status === 'ready' && state.view.kind === 'known') return displayName(state.view.contact);
  return person.name ?? person.email;
}

/** The sidebar: everyone in the conversation as a compact list, one of them expanded into the 360-degree view. */
export function Sidebar({ model }: { model: SidebarModel }) {
  const thread = model.thread.value;
  const views = model.views.value;
  const expanded = model.expanded.value;
  return (
    <main aria-labelledby="cordial-title">
      <header class="bar">
        <h1 id="cordial-title">Cordial</h1>
        {thread && <p class="subject">{thread.subject}</p>}
      </header>
      {!thread ? (
        <p class="empty">Open a conversation to see who is in it.</p>
      ) : (
        <ul class="people" aria-label="People in this conversation">
          {thread.people.map((person) => {
            const state = views.get(person.email);
            const open = expanded === person.email;
            const panelId = `person-${person.email.replace(/[^a-z0-9]/g, '-')}`;
            return (
              <li key={person.email} class={open ? 'person open' : 'person'}>
                <button
                  type="button"
                  class="person-toggle"
                  aria-expanded={open}
                  aria-controls={panelId}
                  onClick={() => model.expand(person.email)}
                >
                  <span class="person-name">{nameOf(person, state)}</span>
                  <span class="person-meta">{`${person.role} · ${summaryOf(person, state)}`}</span>
                </button>
                {open && (
                  <div id={panelId} class="person-detail">
                    <ContactDetail model={model} email={person.email} state={state} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}
