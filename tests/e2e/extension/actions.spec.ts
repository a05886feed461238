import type { FrameLocator, Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { openGmail, REP_SETTINGS, saveSettings, sidebar, waitForSeed } from './pages/webmail';

test.beforeEach(async ({ serviceWorker }) => {
  await saveSettings(serviceWorker, REP_SETTINGS);
  await waitForSeed(serviceWorker);
});

async function adaSidebar(page: Page): Promise<FrameLocator> {
  const frame = sidebar(page);
  await expect(frame.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
  return frame;
}

test('should offer to create an unknown sender as a contact, prefilled from the email', async ({ context }) => {
  const page = await openGmail(context, 'inbox/FMfcgzQZunknown');
  const frame = sidebar(page);
  await expect(frame.getByText('someone.new@example.org is not a contact yet.')).toBeVisible();
  await expect(frame.getByLabel('First name')).toHaveValue('New');
  await expect(frame.getByLabel('Last name')).toHaveValue('Visitor');
  await expect(frame.getByLabel('Company')).toHaveValue('Example');
  await frame.getByLabel('Title').fill('Buyer');
  await frame.getByRole('button', { name: 'Create contact' }).click();
  await expect(frame.getByRole('heading', { name: 'New Visitor' })).toBeVisible();
  await expect(frame.getByText('Buyer · Example')).toBeVisible();
  // Stored, not just shown: a fresh tab finds the contact.
  const again = await openGmail(context, 'inbox/FMfcgzQZunknown');
  await expect(sidebar(again).getByRole('heading', { name: 'New Visitor' })).toBeVisible();
});

test('should add a note that is shown at once and kept after the tab closes', async ({ context }) => {
  const page = await openGmail(context, 'inbox/FMfcgzQZrenewal');
  const frame = await adaSidebar(page);
  await frame.getByLabel('New note').fill('Wants two more seats before Friday.');
  await frame.getByRole('button', { name: 'Add note' }).click();
  await expect(frame.getByText('Wants two more seats before Friday.')).toBeVisible();
  await page.close();
  const again = await openGmail(context, 'inbox/FMfcgzQZrenewal');
  await expect((await adaSidebar(again)).getByText('Wants two more seats before Friday.')).toBeVisible();
});

test('should keep a half-typed note when the sidebar closes mid-edit', async ({ context }) => {
  const page = await openGmail(context, 'inbox/FMfcgzQZrenewal');
  const frame = await adaSidebar(page);
  await frame.getByLabel('New note').fill('Half a thought');
  await page.waitForTimeout(100);
  await page.close();
  const again = await openGmail(context, 'inbox/FMfcgzQZrenewal');
  await expect((await adaSidebar(again)).getByLabel('New note')).toHaveValue('Half a thought');
});

test('should create a follow-up task with a due time and set an alarm for its notification', async ({
  context,
  serviceWorker,
}) => {
  const page = await openGmail(context, 'inbox/FMfcgzQZrenewal');
  const frame = await adaSidebar(page);
  await frame.getByText('Add a follow-up').click();
  await frame.getByLabel('Follow-up', { exact: true }).fill('Send the renewal quote');
  await frame.getByLabel('Due').fill('2030-01-15T09:30');
  await frame.getByRole('button', { name: 'Save follow-up' }).click();
  await expect(frame.getByText('Send the renewal quote')).toBeVisible();
  await expect
    .poll(() => serviceWorker.evaluate(() => chrome.alarms.getAll().then((all) => all.map((a) => a.name))))
    .toContainEqual(expect.stringMatching(/^task:/));
});

test('should notify when a follow-up falls due', async ({ context, serviceWorker }) => {
  const page = await openGmail(context, 'inbox/FMfcgzQZrenewal');
  const frame = await adaSidebar(page);
  await frame.getByText('Add a follow-up').click();
  await frame.getByLabel('Follow-up', { exact: true }).fill('Call Ada back');
  // A due time in the past: the alarm fires a moment after saving.
  await frame.getByLabel('Due').fill('2020-01-01T09:00');
  await frame.getByRole('button', { name: 'Save follow-up' }).click();
  await expect(frame.getByText(/overdue since/)).toBeVisible();
  await expect
    .poll(() => serviceWorker.evaluate(() => chrome.notifications.getAll().then((all) => Object.keys(all))), {
      timeout: 15_000,
    })
    .toContainEqual(expect.stringMatching(/^task:/));
});

test('should log the thread as a touchpoint once', async ({ context }) => {
  const page = await openGmail(context, 'inbox/FMfcgzQZrenewal');
  const frame = await adaSidebar(page);
  await frame.getByLabel('Purpose').selectOption('sales');
  await frame.getByLabel('Outcome').fill('Quote requested');
  await frame.getByRole('button', { name: 'Log this conversation' }).click();
  await expect(frame.getByText(/This conversation is logged \(sales/)).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Log this conversation' })).toHaveCount(0);
  await expect(frame.getByText('Outcome: Quote requested')).toHaveCount(1);
  const again = await openGmail(context, 'inbox/FMfcgzQZrenewal');
  await expect((await adaSidebar(again)).getByText(/This conversation is logged/)).toBeVisible();
});

test('should create an opportunity and move it to another stage', async ({ context }) => {
  const page = await openGmail(context, 'inbox/FMfcgzQZrenewal');
  const frame = await adaSidebar(page);
  await frame.getByText('New opportunity').click();
  await frame.getByLabel('Name', { exact: true }).fill('Two more seats');
  await frame.getByLabel('Amount').fill('1800');
  await frame.getByLabel('Currency').fill('EUR');
  await frame.getByRole('button', { name: 'Create opportunity' }).click();
  const stage = frame.getByLabel('Stage of Two more seats');
  await expect(stage).toHaveValue('lead');
  await stage.selectOption('proposal');
  await expect(frame.getByLabel('Stage of Two more seats')).toHaveValue('proposal');
  const again = await openGmail(context, 'inbox/FMfcgzQZrenewal');
  await expect((await adaSidebar(again)).getByLabel('Stage of Two more seats')).toHaveValue('proposal');
});

test('should open a case with the subject of the thread', async ({ context }) => {
  const page = await openGmail(context, 'inbox/FMfcgzQZrenewal');
  const frame = await adaSidebar(page);
  await frame.getByText('Open a case').click();
  await expect(frame.getByLabel('Subject')).toHaveValue('Re: Renewal of our annual plan');
  await frame.getByLabel('Priority').selectOption('high');
  await frame.getByRole('button', { name: 'Open case' }).click();
  await expect(frame.locator('[data-feature="cases"] li', { hasText: 'Re: Renewal of our annual plan' })).toContainText(
    'high',
  );
});

test('should edit contact fields and keep the edit', async ({ context }) => {
  const page = await openGmail(context, 'inbox/FMfcgzQZrenewal');
  const frame = await adaSidebar(page);
  await frame.getByText('Edit contact').click();
  await frame.getByLabel('Title').fill('Head of Engineering');
  await frame.getByRole('button', { name: 'Save contact' }).click();
  await expect(frame.getByText(/^Head of Engineering ·/)).toBeVisible();
  const again = await openGmail(context, 'inbox/FMfcgzQZrenewal');
  await expect((await adaSidebar(again)).getByText(/^Head of Engineering ·/)).toBeVisible();
});
