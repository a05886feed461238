import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { REP_SETTINGS, saveSettings, sidebar, waitForSeed } from './pages/webmail';

/**
 * The self-service issue's promise, end to end in Debian Chromium: a visitor of the demo
 * store opens a case and asks for a call back with `<cordial-help>`; the real extension,
 * subscribed to the demo collector's feed on its options page, imports them; the rep sees
 * the case and the call-back task in the sidebar of the visitor's conversation in the demo
 * inbox. The collector keeps what every test sent (it has no reset, and other specs share
 * it), so this test recognises its own case and call back by a token of its own.
 */

/** The demo inbox's thread from this visitor (demo/mail/threads.json, "Question about my order"). */
const VISITOR = { name: 'New Visitor', email: 'someone.new@example.org', thread: 't3' };

type Collected = { event?: string; properties?: Record<string, unknown> };

async function collectedWith(page: Page, event: string, key: string, value: string) {
  const text = await (await page.request.get('/collect/events.ndjson')).text();
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Collected)
    .find((m) => m.event === event && m.properties?.[key] === value);
}

test('should show the case and the call back a store visitor made in the sidebar of their conversation', async ({
  context,
  serviceWorker,
  extensionId,
  baseURL,
}) => {
  const token = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const subject = `Grinder rattles ${token}`;
  const topic = `Warranty ${token}`;

  // The visitor, on the store: searches, then opens a case from the help panel.
  const store = await context.newPage();
  await store.goto('/store/product/p-grinder');
  await store.getByRole('button', { name: 'Help', exact: true }).click();
  const dialog = store.getByRole('dialog', { name: 'Help' });
  await dialog.getByRole('searchbox').fill('rattling noise');
  await dialog.getByRole('button', { name: 'Contact us' }).click();
  await dialog.getByLabel('Name').fill(VISITOR.name);
  await dialog.getByLabel('Email').fill(VISITOR.email);
  await dialog.getByLabel('Type').selectOption('complaint');
  await dialog.getByLabel('Subject').fill(subject);
  await dialog.getByLabel('How can we help?').fill('The burr grinder rattles loudly since last week.');
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog.getByText(/We received your request \(reference case-/)).toBeVisible();

  // …and asks for a call back on the next business day offered.
  await dialog.getByRole('button', { name: 'Back' }).click();
  await dialog.getByRole('button', { name: 'Request a call back' }).click();
  await expect(dialog.getByLabel('Name')).toHaveValue(VISITOR.name);
  // A number the importer can dial (it rejects numbers that cannot exist, such as +1 555 01xx).
  await dialog.getByLabel('Phone number').fill('+44 20 7946 0958');
  await dialog.getByLabel('Day').selectOption({ index: 1 });
  await dialog.getByLabel('Time').selectOption({ index: 1 });
  await dialog.getByLabel('What is it about?').fill(topic);
  await dialog.getByRole('button', { name: 'Request call' }).click();
  await expect(dialog.getByText(/Thanks! We will call you on/)).toBeVisible();

  // Both reached the collector (the SDK batches): what the rep's feed will serve.
  await expect.poll(() => collectedWith(store, 'Case Opened', 'subject', subject), { timeout: 10_000 }).toBeTruthy();
  await expect.poll(() => collectedWith(store, 'Callback Requested', 'topic', topic), { timeout: 10_000 }).toBeTruthy();
  const callback = await collectedWith(store, 'Callback Requested', 'topic', topic);
  const windowStart = String(callback?.properties?.window_start);
  const windowEnd = String(callback?.properties?.window_end);

  // The rep subscribes to the collector's feed on the options page.
  await waitForSeed(serviceWorker);
  await saveSettings(serviceWorker, REP_SETTINGS);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel(/Collector URL/).fill(`${baseURL}/collect/events.ndjson`);
  await options.getByLabel('Import every (minutes)').fill('5');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByText(/^Saved: .*feed every 5 min\.$/)).toBeVisible();
  // The background imports once, shortly after the subscription is saved, and says so on the options page.
  await expect(options.getByRole('status', { name: 'Last feed import' })).toContainText(
    /Imported \d+ of \d+ new events/,
    {
      timeout: 20_000,
    },
  );

  // The rep opens the visitor's conversation in the demo inbox.
  const inbox = await context.newPage();
  await inbox.goto(`/mail/#inbox/${VISITOR.thread}`);
  const frame = sidebar(inbox);
  await expect(frame.getByRole('heading', { name: VISITOR.name })).toBeVisible();
  const cases = frame.getByRole('region', { name: 'Open cases' });
  const opened = cases.getByRole('listitem').filter({ hasText: subject });
  await expect(opened).toBeVisible();
  // A complaint, so the importer made it a high-priority case.
  await expect(opened).toContainText(/complaint · high · open/);

  const task = frame.getByRole('region', { name: 'Tasks' }).getByRole('listitem').filter({ hasText: topic });
  await expect(task).toContainText(`Call back ${VISITOR.name}: ${topic}`);
  // The window the visitor chose, as the sidebar formats instants in the rep's locale.
  const sidebarFrame = inbox.frames().find((f) => f.url().includes('sidebar.html'));
  const [from, to] = await (sidebarFrame as NonNullable<typeof sidebarFrame>).evaluate(
    ([start, end]) =>
      [start, end].map((iso) =>
        new Date(iso as string).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
      ),
    [windowStart, windowEnd],
  );
  await expect(task).toContainText(`due ${from} to ${to}`);
});
