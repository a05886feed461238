import { expect, test } from '../fixtures';
import { openGmail, person, REP_SETTINGS, saveSettings, sidebar, waitForSeed } from './pages/webmail';

test.beforeEach(async ({ serviceWorker }) => {
  await saveSettings(serviceWorker, REP_SETTINGS);
  await waitForSeed(serviceWorker);
});

test('should show the 360-degree view of the one external sender of a Gmail thread', async ({ context }) => {
  const page = await openGmail(context, 'inbox/FMfcgzQZrenewal');
  const frame = sidebar(page);
  await expect(frame.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
  await expect(frame.getByText('Analytical Engines').first()).toBeVisible();
  // The rep (recipient) is recognised and set aside: one person in the list.
  await expect(frame.getByRole('list', { name: 'People in this conversation' }).locator(':scope > li')).toHaveCount(1);
  await expect(frame.getByRole('heading', { name: /Last orders/ })).toBeVisible();
  // Value signals from the background's run over every order (Ada is a frequent, recent buyer).
  const value = frame.locator('[data-feature="value-signals"]');
  await expect(value.getByText(/RFM \d-\d-\d/)).toBeVisible({ timeout: 20_000 });
  await expect(value.getByText(/churn risk/)).toBeVisible();
  await expect(value.getByText(/^Lifetime value /)).toBeVisible();
  await expect(frame.getByRole('heading', { name: /Timeline/ })).toBeVisible();
});

test('should list everyone in a thread with several people, external first, colleagues set aside', async ({
  context,
}) => {
  const page = await openGmail(context, 'inbox/FMfcgzQZkickoff');
  const frame = sidebar(page);
  const list = frame.getByRole('list', { name: 'People in this conversation' });
  await expect(list.locator(':scope > li')).toHaveCount(3);
  await expect(list.locator('.person-name')).toHaveText(['Grace Hopper', 'Alan Turing', 'Katherine Johnson']);
  await expect(person(frame, /Grace Hopper/)).toHaveAttribute('aria-expanded', 'true');
  await expect(person(frame, /Alan Turing/)).toHaveAttribute('aria-expanded', 'false');
  await person(frame, /Alan Turing/).click();
  await expect(person(frame, /Alan Turing/)).toHaveAttribute('aria-expanded', 'true');
  await expect(frame.getByRole('heading', { name: 'Alan Turing' })).toBeVisible();
  await expect(list).not.toContainText('Sam Colleague');
});

test('should follow single-page navigation between threads and back to the inbox without a reload', async ({
  context,
}) => {
  const page = await openGmail(context, 'inbox/FMfcgzQZrenewal');
  await page.evaluate(() => Object.assign(window, { loadedOnce: true }));
  const frame = sidebar(page);
  await expect(frame.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
  await page.evaluate(() => {
    location.hash = '#inbox/FMfcgzQZkickoff';
  });
  await expect(person(frame, /Grace Hopper/)).toBeVisible();
  await expect(frame.getByText('Kick-off meeting with the whole team')).toBeVisible();
  await page.goBack();
  await expect(frame.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
  await page.evaluate(() => {
    location.hash = '#inbox';
  });
  await expect(page.locator('iframe[title="Cordial contact sidebar"]')).toBeHidden();
  expect(await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
});

test('should never look up or show an excluded address', async ({ context }) => {
  const page = await openGmail(context, 'inbox/FMfcgzQZpersonal');
  await expect(page.locator('h2.hP')).toHaveText('Sunday lunch');
  // Give the content script time to react (it debounces DOM changes), then check nothing appeared.
  await page.waitForTimeout(500);
  await expect(page.locator('iframe[title="Cordial contact sidebar"]')).toBeHidden();
});

test('should follow the webmail into dark mode', async ({ context }) => {
  const page = await openGmail(context, 'inbox/FMfcgzQZrenewal', '?dark');
  await expect(sidebar(page).locator('html')).toHaveAttribute('data-theme', 'dark');
});
