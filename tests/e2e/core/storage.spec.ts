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

test('should fail a write past the real quota with a quota error, earlier data intact, the batch absent', async ({
  page,
}) => {
  await openHarness(page);
  // A tiny quota for this origin, as a nearly full disk or a strict browser gives (DevTools protocol).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: ORIGIN, quotaSize: 3 * 1024 * 1024 });
  const result = await call(page, 'fillUntilQuota', 'cordial-e2e-quota');
  expect(result).toMatchObject({
    code: 'quota',
    message: expect.stringMatching(/quota exceeded.*nothing of this write was stored/),
    firstIntact: true,
    failedBatchFound: 0,
    lastGoodBatchIntact: true,
  });
  if (!('stored' in result)) throw new Error('never refused');
  // Everything before the refused batch is there: the first contact and 10 per stored batch.
  expect(result.stored).toBe(1 + 10 * result.batchesStored);
  expect(result.batchesStored).toBeGreaterThan(0);
});

test('should migrate a database written by schema version 1 (raw IndexedDB) with its data intact', async ({ page }) => {
  await openHarness(page);
  await call(page, 'writeRawVersion1', 'cordial-e2e-v1');
  expect(await call(page, 'readMigrated', 'cordial-e2e-v1')).toEqual({
    byDomain: ['c1'],
    orders: ['o2 11', 'o1 10'],
    touchpoints: ['t1'],
    facts: 2,
    merges: 0,
    stores: expect.arrayContaining(['contactPages', 'touchpoints', 'orderBuckets', 'orderDirectory', 'merges']),
    version: 8,
  });
  const migrated = await call(page, 'readMigrated', 'cordial-e2e-v1');
  expect(migrated.stores).not.toContain('orders');
  expect(migrated.stores).not.toContain('contacts');
});

test('should undo a merge after the page reloads, from the stored merge record', async ({ page }) => {
  await openHarness(page);
  const id = await call(page, 'mergeTwo', 'cordial-e2e-merge');
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  expect(await call(page, 'undoAfterReload', 'cordial-e2e-merge')).toEqual({
    found: true,
    id,
    undone: { ok: true },
    dupeBack: true,
    touchpointOf: ['tp'],
    mergesLeft: 0,
  });
});
