import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import type { Harness } from './storage-harness';

// The real IndexedDB adapter in Debian Chromium: a harness page bundled with Vite (as scripts/bench.mjs
// bundles browser benchmarks) and served at its own origin through routing, so it needs no server.
const ROOT = resolve(import.meta.dirname, '../../..');
const OUT = join(ROOT, '.cache/e2e/core-storage');
const ORIGIN = 'http://cordial-storage.test';

test.beforeAll(async () => {
  const { build } = await import('vite');
  await mkdir(OUT, { recursive: true });
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    build: {
      outDir: OUT,
      emptyOutDir: true,
      minify: false,
      target: 'es2022',
      lib: { entry: join(import.meta.dirname, 'storage-harness.ts'), formats: ['es'], fileName: () => 'harness.js' },
    },
  });
  await writeFile(
    join(OUT, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>storage harness</title><link rel="icon" href="data:,"><body><script type="module" src="./harness.js"></script>',
  );
});

async function openHarness(page: Page) {
  await page.context().route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/$/, '/index.html');
    return route.fulfill({ path: join(OUT, path) });
  });
  await page.goto(`${ORIGIN}/`);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
}

const call = <K extends keyof Harness>(page: Page, name: K, ...args: Parameters<Harness[K]>) =>
  page.evaluate(
    ([n, a]) => (window as unknown as { harness: Record<string, (...x: unknown[]) => unknown> }).harness[n]?.(...a),
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<Harness[K]>>>;

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
