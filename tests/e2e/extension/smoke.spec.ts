import { join } from 'node:path';
import { expect, FIXTURES, serveAt, test } from '../fixtures';

test('should mount the sidebar frame on the demo inbox when a thread is open', async ({ context, baseURL }) => {
  const page = await context.newPage();
  await page.goto(`${baseURL}/mail/#inbox/t1`);
  const frame = page.frameLocator('iframe[title="Cordial contact sidebar"]');
  await expect(frame.getByRole('button', { name: /Ada Lovelace/ })).toBeVisible();
});

test('should run on Gmail at its real URL', async ({ context }) => {
  const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTest';
  await serveAt(context, url, join(FIXTURES, 'gmail/thread-one-sender.html'));
  const page = await context.newPage();
  await page.goto(url);
  const frame = page.frameLocator('iframe[title="Cordial contact sidebar"]');
  await expect(frame.getByRole('heading', { name: 'Cordial' })).toBeVisible();
  await expect(frame.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
});

test('should open its options page', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { name: 'Cordial settings' })).toBeVisible();
  await page.getByLabel(/Your own addresses/).fill('rep@cordial-demo.test\nnot valid');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('not valid');
});
