import type { BrowserContext } from '@playwright/test';
import { expect, test } from '../fixtures';
import { openGmail, REP_SETTINGS, saveSettings, sidebar, waitForSeed } from './pages/webmail';

/** A second contact with Grace's address, as a careless import would leave it. */
async function duplicateGrace(context: BrowserContext, extensionId: string) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const created = await options.evaluate(() =>
    chrome.runtime.sendMessage({
      type: 'data',
      request: { op: 'contact:create', input: { email: 'grace@compilers.test', firstName: 'G.', lastName: 'Hopper' } },
    }),
  );
  expect(created).toMatchObject({ ok: true });
  await options.close();
}

test.beforeEach(async ({ context, serviceWorker, extensionId }) => {
  await saveSettings(serviceWorker, REP_SETTINGS);
  await waitForSeed(serviceWorker);
  await duplicateGrace(context, extensionId);
});

test('should say when two contacts share an address and merge them on request', async ({ context }) => {
  const page = await openGmail(context, 'inbox/FMfcgzQZkickoff');
  const frame = sidebar(page);
  await expect(frame.getByText('2 contacts share grace@compilers.test.')).toBeVisible();
  await frame.getByRole('button', { name: 'Merge all into Grace Hopper' }).click();
  await expect(frame.getByRole('heading', { name: 'Grace Hopper' })).toBeVisible();
  await expect(frame.getByRole('heading', { name: /Timeline/ })).toBeVisible();
  const again = await openGmail(context, 'inbox/FMfcgzQZkickoff');
  await expect(sidebar(again).getByRole('heading', { name: 'Grace Hopper' })).toBeVisible();
});

test('should undo the merge from the status message, by keyboard, bringing both contacts back', async ({ context }) => {
  const page = await openGmail(context, 'inbox/FMfcgzQZkickoff');
  const frame = sidebar(page);
  await frame.getByRole('button', { name: 'Merge all into Grace Hopper' }).focus();
  await page.keyboard.press('Enter');
  // Announced in a status region, and the Undo button takes the focus (the pressed button is gone).
  const status = frame.getByRole('status').filter({ hasText: 'Merged 2 contacts into Grace Hopper.' });
  await expect(status).toBeVisible();
  const undo = status.getByRole('button', { name: 'Undo merge' });
  await expect(undo).toBeFocused();
  await expect(frame.getByRole('heading', { name: 'Grace Hopper' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(frame.getByRole('status').filter({ hasText: 'Merge undone: 2 separate contacts again.' })).toBeVisible();
  await expect(frame.getByText('2 contacts share grace@compilers.test.')).toBeVisible();
  // Stored, not just shown: a fresh tab sees the two contacts again.
  const again = await openGmail(context, 'inbox/FMfcgzQZkickoff');
  await expect(sidebar(again).getByText('2 contacts share grace@compilers.test.')).toBeVisible();
});

test('should still offer the undo after the sidebar was closed and opened again, from the stored merge', async ({
  context,
}) => {
  const page = await openGmail(context, 'inbox/FMfcgzQZkickoff');
  await sidebar(page).getByRole('button', { name: 'Merge all into Grace Hopper' }).click();
  await expect(sidebar(page).getByRole('heading', { name: 'Grace Hopper' })).toBeVisible();
  await page.close();

  const again = await openGmail(context, 'inbox/FMfcgzQZkickoff');
  const frame = sidebar(again);
  const status = frame.getByRole('status').filter({ hasText: /^Merged 2 contacts into Grace Hopper on / });
  await expect(status).toBeVisible();
  await status.getByRole('button', { name: 'Undo merge' }).click();
  await expect(frame.getByText('2 contacts share grace@compilers.test.')).toBeVisible();
  await expect(frame.getByRole('status').filter({ hasText: 'Merge undone: 2 separate contacts again.' })).toBeVisible();
});
