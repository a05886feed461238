import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../fixtures';

const VIEWS = ['today', 'customers', 'lists', 'campaigns', 'pipeline', 'service', 'analysis', 'scripts', 'data'];

test('should pass axe on every workbench view', async ({ context, extensionId }) => {
  test.setTimeout(90_000);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/workbench.html#today`);
  await expect(page.getByText(/Recomputing analytics|Loading customers/)).toBeHidden({ timeout: 30_000 });
  const found: string[] = [];
  for (const view of VIEWS) {
    await page.goto(`chrome-extension://${extensionId}/workbench.html#${view}`);
    await expect(page.getByRole('heading', { level: 2 })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText(/Recomputing analytics|Loading customers/)).toBeHidden({ timeout: 30_000 });
    const result = await new AxeBuilder({ page }).analyze();
    for (const v of result.violations)
      found.push(`${view}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);
  }
  expect(found).toEqual([]);
});
