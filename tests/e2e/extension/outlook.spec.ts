import { expect, test } from '../fixtures';
import { openOutlook, person, REP_SETTINGS, saveSettings, sidebar, waitForSeed } from './pages/webmail';

test.beforeEach(async ({ serviceWorker }) => {
  await saveSettings(serviceWorker, REP_SETTINGS);
  await waitForSeed(serviceWorker);
});

test('should recognise the sender and every recipient in Outlook on the web and follow its History navigation', async ({
  context,
}) => {
  const page = await openOutlook(context);
  await expect(page.locator('iframe[title="Cordial contact sidebar"]')).toBeHidden();
  await page.getByRole('link', { name: /Re: Renewal/ }).click();
  const frame = sidebar(page);
  await expect(frame.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
  await page.getByRole('link', { name: /Kick-off meeting/ }).click();
  expect(page.url()).toContain('/mail/inbox/id/AAQkADAwATM0MDAAMS1kickoff');
  const list = frame.getByRole('list', { name: 'People in this conversation' });
  await expect(list.locator('.person-name')).toHaveText(['Grace Hopper', 'Alan Turing', 'Katherine Johnson']);
  await expect(person(frame, /Katherine Johnson/)).toContainText('cc');
  await page.goBack();
  await expect(frame.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
});

test('should follow Outlook into dark mode', async ({ context }) => {
  const page = await openOutlook(context, '?dark');
  await page.getByRole('link', { name: /Re: Renewal/ }).click();
  await expect(sidebar(page).locator('html')).toHaveAttribute('data-theme', 'dark');
});
