import { signal } from '@preact/signals';
import { render } from 'preact';
import { loadSettings, parseOwnAddresses, saveSettings } from '../../state/settings';

const text = signal('');
const status = signal('');

async function save(event: Event) {
  event.preventDefault();
  const { entries, invalid } = parseOwnAddresses(text.value);
  if (invalid.length > 0) {
    status.value = `Not saved: these are neither an address nor a domain: ${invalid.join(', ')}`;
    return;
  }
  await saveSettings({ ownAddresses: entries });
  status.value = `Saved ${entries.length} address${entries.length === 1 ? '' : 'es'} and domains.`;
}

function Options() {
  return (
    <main>
      <h1>Cordial settings</h1>
      <form onSubmit={save}>
        <label for="own">Your own addresses and your company's domains (one a line)</label>
        <br />
        <textarea
          id="own"
          rows={6}
          cols={40}
          value={text}
          onInput={(e) => {
            text.value = e.currentTarget.value;
          }}
          aria-describedby="own-help"
        />
        <p id="own-help">These are never looked up or logged.</p>
        <button type="submit">Save</button>
      </form>
      <p role="status">{status}</p>
    </main>
  );
}

loadSettings().then((settings) => {
  text.value = settings.ownAddresses.join('\n');
});
const app = document.getElementById('app');
if (app) render(<Options />, app);
