import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import type { Harness } from './storage-harness';
import { buildHarness, harnessCall, openHarness as openHarnessAt, ROOT } from './vite-harness';

// The real IndexedDB adapter in Debian Chromium: a harness page bundled with Vite (as scripts/bench.mjs
// bundles browser benchmarks) and served at its own origin through routing, so it needs no server.
// One build per Playwright worker process: workers run this file's tests in parallel, and each beforeAll empties its folder.
const OUT = join(ROOT, '.cache/e2e/core-storage', String(process.pid));
const ORIGIN = 'http://cordial-storage.test';

test.beforeAll(() => buildHarness('tests/e2e/core/storage-harness.ts', OUT, { page: 'storage harness' }));

const openHarness = (page: Page) => openHarnessAt(page, ORIGIN, OUT);
const call = harnessCall<Harness>();

test('should store a data set and find a contact by email with their orders and touchpoints', async ({ page }) => {
  await openHarness(page);
  await call(page, 'open', 'cordial-e2e-1');
  const seeded = await call(page, 'seed', 'Greta.Lindqvist@example.se');
  const profile = await call(page, 'profile', 'greta.lindqvist@EXAMPLE.se');
  expect(profile).toEqual({
    id: seeded.id,
    name: 'Greta Lindqvist',
    orders: seeded.orders,
    touchpoints: seeded.touchpoints,
    ordersSorted: true,
    contacts: seeded.contacts,
  });
  expect(seeded.orders).toBeGreaterThan(3);
});

test('should find the same data after the page reloads', async ({ page }) => {
  await openHarness(page);
  await call(page, 'open', 'cordial-e2e-2');
  const seeded = await call(page, 'seed', 'greta@example.se');
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await call(page, 'open', 'cordial-e2e-2');
  expect(await call(page, 'profile', 'greta@example.se')).toMatchObject({ id: seeded.id, orders: seeded.orders });
});

test('should report a corrupt contact and keep the others readable', async ({ page }) => {
  await openHarness(page);
  await call(page, 'open', 'cordial-e2e-3');
  const seeded = await call(page, 'seed', 'greta@example.se');
  await call(page, 'damageContact', 'cordial-e2e-3', seeded.id);
  expect(await call(page, 'read', seeded.id)).toMatchObject({ ok: false, reason: 'corrupt' });
  expect(await call(page, 'listContacts')).toEqual({ records: seeded.contacts - 1, corrupt: [seeded.id] });
  expect(await call(page, 'profile', 'greta@example.se')).toBeNull();
});

test('should refuse to upgrade while another tab holds the previous version open', async ({ context }) => {
  const oldTab = await context.newPage();
  await openHarness(oldTab);
  await call(oldTab, 'holdVersion1', 'cordial-e2e-4');
  const newTab = await context.newPage();
  await openHarness(newTab);
  expect(await call(newTab, 'tryOpen', 'cordial-e2e-4')).toMatch(/^blocked: .*another tab/);
  await oldTab.close();
  await expect.poll(() => call(newTab, 'tryOpen', 'cordial-e2e-4')).toBe('opened');
});
