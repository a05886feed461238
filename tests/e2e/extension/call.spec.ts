import AxeBuilder from '@axe-core/playwright';
import type { FrameLocator, Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { openGmail, person, REP_SETTINGS, saveSettings, sidebar, waitForSeed } from './pages/webmail';

test.beforeEach(async ({ serviceWorker }) => {
  await saveSettings(serviceWorker, REP_SETTINGS);
  // The rep's name and company, as set in the workbench (Data → Settings), go into the scripts.
  await serviceWorker.evaluate(() =>
    chrome.storage.local.set({ 'workbench:settings': { repName: 'Robin', ourCompany: 'Bean There' } }),
  );
  await waitForSeed(serviceWorker);
});

/** The expanded person's call section, once the value signals (which choose the script) are in. */
async function callSection(frame: FrameLocator) {
  await expect(frame.locator('[data-feature="value-signals"]').getByText(/churn risk/)).toBeVisible({
    timeout: 20_000,
  });
  return frame.locator('[data-feature="call"]');
}

async function alanSidebar(page: Page): Promise<FrameLocator> {
  const frame = sidebar(page);
  await person(frame, /Alan Turing/).click();
  await expect(frame.getByRole('heading', { name: 'Alan Turing' })).toBeVisible();
  return frame;
}

test('should run a win-back call with an at-risk customer: script filled in, timer, logged with its duration', async ({
  context,
}) => {
  const page = await openGmail(context, 'inbox/FMfcgzQZkickoff');
  const call = await callSection(await alanSidebar(page));
  await expect(call.getByText(/^Script: Win-back for an at-risk customer/)).toBeVisible();
  await call.getByRole('button', { name: 'Start call' }).click();

  await expect(call.getByRole('heading', { name: 'Call: Win-back for an at-risk customer' })).toBeFocused();
  const script = call.getByRole('list', { name: 'Script' });
  await expect(script.locator('li').first()).toHaveText(
    /^Hello Alan, this is Robin from Bean There\. You have been a valued customer: \d+ orders with us\.$/,
  );
  await expect(script).not.toContainText('{');
  const timer = call.getByRole('timer', { name: 'Call time' });
  await expect(timer).toHaveText(/^0:0\d$/);
  // The timer runs: it moves on from what it showed (no assumption about how fast).
  const shown = await timer.textContent();
  await expect(timer).not.toHaveText(shown ?? '');

  // Closing the sidebar mid-call loses nothing: the call and the outcome typed so far are still there.
  await call.getByLabel('Outcome').fill('Moved to a competitor; would come back for a better price.');
  await page.close();
  const again = await openGmail(context, 'inbox/FMfcgzQZkickoff');
  const resumed = (await alanSidebar(again)).locator('[data-feature="call"]');
  await expect(resumed.getByRole('timer', { name: 'Call time' })).toBeVisible();
  await expect(resumed.getByLabel('Outcome')).toHaveValue('Moved to a competitor; would come back for a better price.');
  await expect(resumed.getByLabel('Purpose')).toHaveValue('');
  await resumed.getByRole('button', { name: 'End call and log it' }).click();

  await expect(resumed.getByRole('status')).toHaveText('Call logged.');
  await expect(resumed.getByRole('button', { name: 'Start call' })).toBeVisible();
  const timeline = sidebar(again).locator('[data-feature="timeline"]');
  const logged = timeline.getByRole('listitem').filter({ hasText: 'Phone call: Win-back for an at-risk customer' });
  await expect(logged).toContainText('phone · outbound · 0:');
  await expect(logged).toContainText('Outcome: Moved to a competitor; would come back for a better price.');
});

test('should switch to complaint handling once the customer has an open complaint, with its subject', async ({
  context,
}) => {
  const page = await openGmail(context, 'inbox/FMfcgzQZkickoff');
  const frame = await alanSidebar(page);
  const call = await callSection(frame);
  const cases = frame.locator('[data-feature="cases"]');
  await cases.getByText('Open a case').click();
  await cases.getByLabel('Subject').fill('Invoice charged twice');
  await cases.getByLabel('Type').selectOption('complaint');
  await cases.getByRole('button', { name: 'Open case' }).click();
  await expect(call.getByText('Script: Complaint handling (open complaint “Invoice charged twice”)')).toBeVisible();

  await call.getByRole('button', { name: 'Start call' }).click();
  await expect(call.getByRole('list', { name: 'Script' }).locator('li').first()).toHaveText(
    'Hello Alan, this is Robin from Bean There. I am calling about your case “Invoice charged twice”.',
  );
  // The rep may pick another script; the purpose follows the situation unless they choose one.
  await expect(call.getByLabel('Purpose').locator('option').first()).toHaveText('complaint (suggested)');
  await call.getByLabel('Situation').selectOption('upsell');
  await expect(call.getByText('Why this script: chosen by you')).toBeVisible();
  await call.getByRole('button', { name: 'Cancel call' }).click();
  await expect(call.getByRole('button', { name: 'Start call' })).toBeVisible();
  await expect(frame.locator('[data-feature="timeline"]')).not.toContainText('Phone call');
});

test('should offer the upsell script for a loyal customer', async ({ context }) => {
  const page = await openGmail(context, 'inbox/FMfcgzQZrenewal');
  const frame = sidebar(page);
  await expect(frame.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
  const call = await callSection(frame);
  await expect(
    call.getByText(/^Script: Upsell for a loyal customer \(segment (Champions|Loyal Customers)\)$/),
  ).toBeVisible();
  await call.getByRole('button', { name: 'Start call' }).click();
  await expect(call.getByRole('list', { name: 'Script' }).locator('li').nth(1)).toHaveText(
    'Ask how the products they use are working for them at Analytical Engines.',
  );
});

test('should run a call with the keyboard alone and pass axe while it runs', async ({ context, extensionId }) => {
  const mail = await openGmail(context, 'inbox/FMfcgzQZrenewal');
  await expect(sidebar(mail).getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
  // The side panel's page runs the same sidebar as an extension page of its own, which axe can check whole.
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await mail.bringToFront();
  const call = panel.locator('[data-feature="call"]');
  await expect(panel.locator('[data-feature="value-signals"]').getByText(/churn risk/)).toBeVisible({
    timeout: 20_000,
  });
  await call.getByRole('button', { name: 'Start call' }).focus();
  await panel.keyboard.press('Enter');
  await expect(call.getByRole('heading', { name: /^Call: / })).toBeFocused();
  await call.getByLabel('Outcome').focus();
  await panel.keyboard.type('Interested in the upgrade');
  await panel.keyboard.press('Tab');
  await panel.keyboard.press('Enter');
  await expect(call.getByRole('status')).toHaveText('Call logged.');
  await call.getByRole('button', { name: 'Start call' }).click();
  await expect(call.getByRole('timer', { name: 'Call time' })).toBeVisible();
  const results = await new AxeBuilder({ page: panel }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
});
