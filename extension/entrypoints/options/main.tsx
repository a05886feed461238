import { signal } from '@preact/signals';
import { render } from 'preact';
import { type FeedStatus, lastFeedStatus } from '../../data/feed-job';
import { ANY_PAGE_ORIGINS } from '../../hosts/webmail-hosts';
import { loadSettings, parseAddressList, type Settings, SettingsSchema, saveSettings } from '../../state/settings';

const own = signal('');
const exclude = signal('');
const display = signal<Settings['display']>('frame');
const feedUrl = signal('');
const feedMinutes = signal('15');
const anyPage = signal(false);
const status = signal('');
const feedStatus = signal<FeedStatus | undefined>(undefined);

/** Asks for (or gives back) an optional host permission; only a click may ask, as browsers require. */
async function setPermission(origins: string[], wanted: boolean): Promise<boolean> {
  if (!wanted) {
    await browser.permissions.remove({ origins });
    return false;
  }
  return browser.permissions.request({ origins });
}

async function save(event: Event) {
  event.preventDefault();
  const ownList = parseAddressList(own.value);
  const excludeList = parseAddressList(exclude.value);
  const invalid = [...ownList.invalid, ...excludeList.invalid];
  if (invalid.length > 0) {
    status.value = `Not saved: these are neither an address nor a domain: ${invalid.join(', ')}`;
    return;
  }
  const url = feedUrl.value.trim();
  const candidate = {
    ownAddresses: ownList.entries,
    exclude: excludeList.entries,
    display: display.value,
    feed: url ? { url, intervalMinutes: Number(feedMinutes.value) } : null,
  };
  const parsed = SettingsSchema.safeParse(candidate);
  if (!parsed.success) {
    status.value = `Not saved: the feed needs an http(s) URL and an interval of 1 to 1440 minutes.`;
    return;
  }
  // The feed is fetched by the background, which needs that origin granted (asked here, on the click).
  if (parsed.data.feed && !(await setPermission([`${new URL(parsed.data.feed.url).origin}/*`], true))) {
    status.value = 'Not saved: the browser did not allow reading the feed URL.';
    return;
  }
  await saveSettings(parsed.data);
  status.value = `Saved: ${ownList.entries.length} own addresses or domains, ${excludeList.entries.length} excluded${
    parsed.data.feed ? `, feed every ${parsed.data.feed.intervalMinutes} min` : ''
  }.`;
}

async function toggleAnyPage(event: Event) {
  const wanted = (event.currentTarget as HTMLInputElement).checked;
  anyPage.value = await setPermission(ANY_PAGE_ORIGINS, wanted);
  status.value = anyPage.value
    ? 'Addresses on other pages get a Cordial marker.'
    : 'Cordial runs only in Gmail and Outlook.';
}

function AddressList({ id, label, help, value }: { id: string; label: string; help: string; value: typeof own }) {
  return (
    <p>
      <label for={id}>{label}</label>
      <br />
      <textarea
        id={id}
        rows={5}
        cols={48}
        value={value}
        aria-describedby={`${id}-help`}
        onInput={(e) => {
          value.value = e.currentTarget.value;
        }}
      />
      <br />
      <small id={`${id}-help`}>{help}</small>
    </p>
  );
}

function Options() {
  return (
    <main>
      <h1>Cordial settings</h1>
      <form onSubmit={save}>
        <AddressList
          id="own"
          label="Your own addresses and your company's domains (one a line)"
          help="Recognised in every conversation and set aside: colleagues are not customers."
          value={own}
        />
        <AddressList
          id="exclude"
          label="Exclude list: addresses and domains never looked up or logged (one a line)"
          help="Personal contacts, internal mailing lists. Cordial does not even look them up."
          value={exclude}
        />
        <fieldset>
          <legend>Where the sidebar appears</legend>
          <label>
            <input
              type="radio"
              name="display"
              checked={display.value === 'frame'}
              onChange={() => {
                display.value = 'frame';
              }}
            />{' '}
            Beside the mail, in the page
          </label>
          <br />
          <label>
            <input
              type="radio"
              name="display"
              checked={display.value === 'side-panel'}
              onChange={() => {
                display.value = 'side-panel';
              }}
            />{' '}
            In the browser's side panel
          </label>
        </fieldset>
        <fieldset>
          <legend>Event feed</legend>
          <p>
            <label for="feed-url">
              Collector URL (Segment NDJSON, e.g. https://shop.example/collect/events.ndjson)
            </label>
            <br />
            <input
              id="feed-url"
              type="url"
              size={48}
              value={feedUrl}
              onInput={(e) => {
                feedUrl.value = e.currentTarget.value;
              }}
            />
          </p>
          {feedStatus.value && (
            <p role="status" aria-label="Last feed import">
              {`Last import ${new Date(feedStatus.value.at).toLocaleString()}: ${feedStatus.value.text}`}
            </p>
          )}
          <p>
            <label for="feed-minutes">Import every (minutes)</label>{' '}
            <input
              id="feed-minutes"
              type="number"
              min={1}
              max={1440}
              value={feedMinutes}
              onInput={(e) => {
                feedMinutes.value = e.currentTarget.value;
              }}
            />
          </p>
        </fieldset>
        <button type="submit">Save</button>
      </form>
      <h2>Other pages</h2>
      <label>
        <input type="checkbox" checked={anyPage.value} onChange={toggleAnyPage} /> Mark email addresses on every page
        (asks the browser for access to all sites)
      </label>
      <p role="status">{status}</p>
    </main>
  );
}

loadSettings().then((settings) => {
  own.value = settings.ownAddresses.join('\n');
  exclude.value = settings.exclude.join('\n');
  display.value = settings.display;
  feedUrl.value = settings.feed?.url ?? '';
  feedMinutes.value = String(settings.feed?.intervalMinutes ?? 15);
});
const showFeedStatus = () =>
  lastFeedStatus().then((s) => {
    feedStatus.value = s;
  });
void showFeedStatus();
browser.storage.onChanged.addListener(() => void showFeedStatus());
browser.permissions.contains({ origins: ANY_PAGE_ORIGINS }).then((granted) => {
  anyPage.value = granted;
});
const app = document.getElementById('app');
if (app) render(<Options />, app);
