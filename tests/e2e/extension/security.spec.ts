import { expect, test } from '../fixtures';
import { openGmail, REP_SETTINGS, saveSettings, sidebar, waitForSeed } from './pages/webmail';

test.beforeEach(async ({ serviceWorker }) => {
  await saveSettings(serviceWorker, REP_SETTINGS);
  await waitForSeed(serviceWorker);
});

test('should show a contact named like markup as those characters, never as markup', async ({ context }) => {
  const dialogs: string[] = [];
  context.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const page = await openGmail(context, 'inbox/FMfcgzQZhostile');
  const frame = sidebar(page);
  await expect(frame.getByRole('heading', { name: '<img src=x onerror=alert(1)>' })).toBeVisible();
  await expect(frame.getByText('<img src=x onerror=alert(1)> hostile subject')).toBeVisible();
  await expect(frame.getByText('<b>Hostile</b> Ltd').first()).toBeVisible();
  await expect(frame.locator('img')).toHaveCount(0);
  await expect(frame.locator('b')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('should keep every piece of customer data out of reach of the page scripts', async ({ context }) => {
  const page = await openGmail(context, 'inbox/FMfcgzQZrenewal');
  const frame = sidebar(page);
  await expect(frame.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
  // Something only the customer database knows: the company and an order total shown in the sidebar.
  const company = 'Analytical Engines';
  await expect(frame.getByText(company).first()).toBeVisible();
  const orderLine = (await frame.locator('[data-feature="orders"] li .meta').first().textContent()) ?? '';
  expect(orderLine).not.toBe('');

  // Everything a page script can reach: its DOM (with open shadow roots), its globals, the
  // frame's document, its storage and its IndexedDB databases.
  const seen = await page.evaluate(async () => {
    const texts: string[] = [document.documentElement.outerHTML];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) texts.push(el.shadowRoot.innerHTML);
    const frames = [...document.querySelectorAll('iframe')].map((f) => {
      try {
        return f.contentDocument?.documentElement.outerHTML ?? 'unreadable';
      } catch {
        return 'unreadable';
      }
    });
    const globals = Object.keys(window).filter((k) => /cordial/i.test(k));
    const databases = (await indexedDB.databases()).map((d) => d.name);
    return { text: texts.join('\n'), frames, globals, databases, storage: JSON.stringify({ ...localStorage }) };
  });
  expect(seen.text).not.toContain(company);
  expect(seen.text).not.toContain(orderLine);
  expect(seen.frames).toEqual(['unreadable']);
  expect(seen.globals).toEqual([]);
  expect(seen.databases).toEqual([]);
  expect(seen.storage).not.toContain(company);
});

test('should reject and log a malformed message instead of acting on it', async ({ context, serviceWorker }) => {
  const page = await openGmail(context, 'inbox/FMfcgzQZrenewal');
  await expect(sidebar(page).getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
  const warnings: string[] = [];
  serviceWorker.on('console', (msg) => warnings.push(msg.text()));
  // An extension page sends what a compromised content script might: a thread with a bogus address.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${new URL(serviceWorker.url()).host}/options.html`);
  const reply = await options.evaluate(() =>
    chrome.runtime.sendMessage({
      type: 'thread:changed',
      theme: 'light',
      thread: { host: 'gmail', subject: 'x', key: 'k', people: [{ email: 'not-an-address', role: 'from' }] },
    }),
  );
  expect(reply).toEqual({ ok: false, reason: 'invalid' });
  await expect.poll(() => warnings.join('\n')).toContain('rejected a malformed message');
});
