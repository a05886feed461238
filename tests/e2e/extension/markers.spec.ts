import { expect, test } from '../fixtures';
import { REP_SETTINGS, saveSettings, waitForSeed } from './pages/webmail';

test('should mark addresses on another page and show a card the page cannot read', async ({
  context,
  serviceWorker,
  baseURL,
}) => {
  await saveSettings(serviceWorker, REP_SETTINGS);
  await waitForSeed(serviceWorker);
  // The rep's "all sites" grant cannot be clicked in a headless browser; the demo build's host
  // permission for the loopback server stands in for it, with the same script the background registers.
  await serviceWorker.evaluate(() =>
    chrome.scripting.registerContentScripts([
      {
        id: 'test-markers',
        js: ['content-scripts/markers.js'],
        matches: ['http://127.0.0.1/*'],
        runAt: 'document_idle',
      },
    ]),
  );
  const page = await context.newPage();
  await page.goto(`${baseURL}/fixtures/any-page/team.html`);
  // Three addresses marked: not the excluded one, not the one typed in the text area.
  await expect(page.locator('cordial-mark')).toHaveCount(3);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect.poll(() => page.frames().some((f) => f.url().includes('/card.html'))).toBe(true);
  const card = page.frames().find((f) => f.url().includes('/card.html'));
  await expect(card?.getByRole('heading', { name: 'Ada Lovelace' }) ?? page.locator('nothing')).toBeVisible();
  await expect(card?.getByText('Analytical Engines') ?? page.locator('nothing')).toBeVisible();
  const text = await page.evaluate(() => document.documentElement.outerHTML);
  expect(text).not.toContain('Analytical Engines');
});
