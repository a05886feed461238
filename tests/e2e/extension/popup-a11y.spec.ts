import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../fixtures';
import { openGmail, REP_SETTINGS, saveSettings, sidebar, waitForSeed } from './pages/webmail';

test.beforeEach(async ({ serviceWorker }) => {
  await saveSettings(serviceWorker, REP_SETTINGS);
  await waitForSeed(serviceWorker);
});

test('should find contacts by name, email or company in the popup, list the recent ones, and pass axe', async ({
  context,
  extensionId,
}) => {
  const gmail = await openGmail(context, 'inbox/FMfcgzQZrenewal');
  await expect(sidebar(gmail).getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('heading', { name: 'Recent contacts' })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Ada Lovelace' })).toBeVisible();
  const search = popup.getByLabel('Search contacts by name, email or company');
  await search.fill('grace@compilers.test');
  await expect(popup.getByRole('button', { name: 'Grace Hopper' })).toBeVisible();
  await search.fill('Bletchley');
  await expect(popup.getByRole('button', { name: 'Alan Turing' })).toBeVisible();
  await popup.getByRole('button', { name: 'Alan Turing' }).click();
  await expect(popup.getByRole('heading', { name: 'Alan Turing' })).toBeVisible();
  // The popup shows the same 360-degree view components as the sidebar: checked by axe here.
  await expect(popup.locator('[data-feature="timeline"]')).toBeVisible();
  const results = await new AxeBuilder({ page: popup }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
});

test('should work with the keyboard alone in the sidebar', async ({ context }) => {
  const gmail = await openGmail(context, 'inbox/FMfcgzQZkickoff');
  await expect(sidebar(gmail).getByRole('heading', { name: 'Grace Hopper' })).toBeVisible();
  const frame = sidebar(gmail);
  await frame.getByRole('button', { name: /Alan Turing/ }).focus();
  await gmail.keyboard.press('Enter');
  await expect(frame.getByRole('heading', { name: 'Alan Turing' })).toBeVisible();
  await frame.getByLabel('New note').focus();
  await gmail.keyboard.type('Typed with the keyboard');
  await gmail.keyboard.press('Tab');
  await gmail.keyboard.press('Enter');
  await expect(frame.getByText('Typed with the keyboard', { exact: true })).toBeVisible();
});
