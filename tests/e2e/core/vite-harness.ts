import { join, resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { bundleModule } from '../../../scripts/lib/bench-page.mjs';

// Core's browser specs test a harness module bundled with Vite (bundleModule, which also bundles the
// browser benchmarks) and served through routing, so they need no server of their own.
export const ROOT = resolve(import.meta.dirname, '../../..');

/** Bundles `entry` (a path under the repo) into `outDir` as `harness.js`; with `page`, also writes an index.html loading it. */
export function buildHarness(entry: string, outDir: string, options: { page?: string } = {}): Promise<void> {
  return bundleModule(entry, outDir, { file: 'harness.js', minify: false, ...options });
}

/** Serves `outDir` at `origin` (its own origin, so its own IndexedDB) and waits for the harness to say it is ready. */
export async function openHarness(page: Page, origin: string, outDir: string): Promise<void> {
  await page.context().route(`${origin}/**`, (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/$/, '/index.html');
    return route.fulfill({ path: join(outDir, path) });
  });
  await page.goto(`${origin}/`);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
}

/** `call(page, name, ...args)`: runs one function of the harness the page put on `window.harness`, typed by its module. */
export function harnessCall<Harness extends Record<string, (...args: never[]) => unknown>>() {
  return <K extends keyof Harness & string>(page: Page, name: K, ...args: Parameters<Harness[K]>) =>
    page.evaluate(
      ([n, a]) => (window as unknown as { harness: Record<string, (...x: unknown[]) => unknown> }).harness[n]?.(...a),
      [name, args] as const,
    ) as Promise<Awaited<ReturnType<Harness[K]>>>;
}
