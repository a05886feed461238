import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, test as base, chromium, type Worker } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser';

/** The demo build of the extension (it also matches the loopback demo inbox). */
export const EXTENSION_PATH = resolve(import.meta.dirname, '../../dist/demo-extension/chrome-mv3');

type ExtensionFixtures = {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
};

/**
 * A persistent Chromium context with the real unpacked extension loaded (headless
 * Chromium loads extensions), its background service worker and its id.
 */
export const test = base.extend<ExtensionFixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
  context: async ({}, use) => {
    const userDataDir = await mkdtemp(join(tmpdir(), 'cordial-e2e-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, `--disable-extensions-except=${EXTENSION_PATH}`, `--load-extension=${EXTENSION_PATH}`],
    });
    await use(context);
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  },
  serviceWorker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
});

export const expect = test.expect;

/**
 * Serves a saved fixture page at a real webmail URL, so content scripts match the
 * host they were written for. Other requests to that host get an empty 204.
 */
export async function serveAt(context: BrowserContext, url: string, fixtureFile: string): Promise<void> {
  const { origin } = new URL(url);
  const document = url.split('#')[0];
  await context.route(`${origin}/**`, (route) => {
    if (route.request().url() === document) return route.fulfill({ path: fixtureFile, contentType: 'text/html' });
    return route.fulfill({ status: 204, body: '' });
  });
}

export const FIXTURES = resolve(import.meta.dirname, '../fixtures');
