import { expect, test } from '../fixtures';
import { openGmail, REP_SETTINGS, saveSettings, sidebar, waitForSeed } from './pages/webmail';

test('should show the contact and save a note with no network at all', async ({ context, serviceWorker }) => {
  await saveSettings(serviceWorker, REP_SETTINGS);
  await waitForSeed(serviceWorker);
  // The page itself comes from the fixture route; everything the sidebar needs is local.
  await context.setOffline(true);
  const page = await openGmail(context, 'inbox/FMfcgzQZrenewal');
  const frame = sidebar(page);
  await expect(frame.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
  await frame.getByLabel('New note').fill('Written on the train.');
  await frame.getByRole('button', { name: 'Add note' }).click();
  await expect(frame.getByText('Written on the train.')).toBeVisible();
  await context.setOffline(false);
});
