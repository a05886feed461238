import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

/** Opens a workbench view and waits until the first analysis has finished (the progress bar is gone). */
async function openWorkbench(page: Page, extensionId: string, view = 'today') {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`chrome-extension://${extensionId}/workbench.html#${view}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Cordial workbench' })).toBeVisible();
  await expect(page.getByText('Loading customers…')).toBeHidden({ timeout: 20_000 });
  await expect(page.getByText(/Recomputing analytics/)).toBeHidden({ timeout: 30_000 });
  return errors;
}

test('should show today’s follow-ups, newly at-risk customers with a reason and explained leads', async ({ context, extensionId }) => {
  const page = await context.newPage();
  const errors = await openWorkbench(page, extensionId);
  await expect(page.getByRole('heading', { level: 2, name: 'Today' })).toBeVisible();
  await expect(page.getByTestId('overdue').getByRole('listitem').first()).toBeVisible();
  const risk = page.getByTestId('at-risk');
  await expect(risk.getByRole('row').nth(1)).toContainText(/chance still active fell|moved to/);
  await risk.getByRole('button', { name: 'Create call task' }).first().click();
  await expect(risk.getByRole('button', { name: 'Task created for tomorrow' }).first()).toBeVisible();
  const lead = page.getByTestId('leads').getByRole('listitem').first();
  await expect(lead).toContainText(/engagement \d+\/40/);
  await expect(lead).toContainText(/fit \d+\/35/);
  await expect(lead).toContainText(/recency \d+\/25/);
  expect(errors).toEqual([]);
});
