import { resolve } from 'node:path';
import { expect, test } from '../fixtures';

/**
 * Writes the README's screenshots of the workbench (the Today dashboard, the RFM grid and the Analysis
 * view's charts) from the
 * demo build. Runs only when asked: `UPDATE_SCREENSHOTS=1 npx playwright test workbench-screenshots`.
 */
const IMAGES = resolve(import.meta.dirname, '../../../docs/images');

test.skip(!process.env.UPDATE_SCREENSHOTS, 'set UPDATE_SCREENSHOTS=1 to rewrite docs/images');

test('should capture the Today dashboard, the RFM grid and the charts for the README', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(`chrome-extension://${extensionId}/workbench.html#today`);
  await expect(page.getByText(/Recomputing analytics|Loading customers/)).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('leads')).toBeVisible();
  await page.screenshot({ path: `${IMAGES}/workbench-today.png` });
  await page.goto(`chrome-extension://${extensionId}/workbench.html#analysis`);
  await expect(page.getByText(/Recomputing analytics|Loading customers/)).toBeHidden({ timeout: 30_000 });
  const grid = page.locator('figure', { has: page.getByRole('table', { name: /RFM grid/ }) });
  await grid.screenshot({ path: `${IMAGES}/workbench-rfm-grid.png` });
  // Chartist draws after layout: wait for the last chart's bars.
  await expect(page.locator('.chart-plot svg').last().locator('.ct-bar').first()).toBeAttached();
  await page.locator('.charts').screenshot({ path: `${IMAGES}/workbench-analysis.png` });
});
