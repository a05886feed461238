import { signal } from '@preact/signals';
import { render } from 'preact';
import { SIDEBAR_PORT, SidebarUpdateSchema, type Thread } from '../../messaging/protocol';

/** The sidebar frame: an extension page, so nothing it shows is readable by the host page. */
const thread = signal<Thread | null>(null);

const port = browser.runtime.connect({ name: SIDEBAR_PORT });
port.onMessage.addListener((raw) => {
  const update = SidebarUpdateSchema.safeParse(raw);
  if (update.success) thread.value = update.data.thread;
  else console.warn('[cordial] rejected a malformed sidebar update');
});

function Sidebar() {
  const current = thread.value;
  return (
    <main aria-labelledby="cordial-title">
      <h1 id="cordial-title">Cordial</h1>
      {current ? (
        <section aria-label="People in this conversation">
          <p class="subject">{current.subject}</p>
          <ul>
            {current.people.map((person) => (
              <li key={person.email}>
                <span class="name">{person.name ?? person.email}</span> <span class="email">{person.email}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p>Open a conversation to see who is in it.</p>
      )}
    </main>
  );
}

const app = document.getElementById('app');
if (app) render(<Sidebar />, app);
