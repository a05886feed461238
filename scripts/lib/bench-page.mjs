// A browser benchmark's page, shared by `npm run bench` (scripts/bench.mjs) and scripts/profile.mjs: the
// entry bundled with Vite into .cache/bench/NAME/ with an index.html, served by the demo server under
// /bench/NAME/, and opened in Debian's Chromium.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CHROMIUM, ROOT } from './ensure.mjs';

/**
 * Bundles `entry` (a path under the repo, run in a browser) with Vite into an emptied `outDir` as `file`,
 * with its workers beside it; with `page`, also writes an index.html of that title loading it. Used by
 * the benchmark pages below and core's browser-test harnesses (tests/e2e/core/vite-harness.ts).
 */
export async function bundleModule(entry, outDir, { file, minify = true, page } = {}) {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    // Relative asset URLs: the module is served under a path of its own, so worker chunks must resolve next to it.
    base: './',
    build: {
      outDir,
      emptyOutDir: false,
      minify,
      target: 'es2022',
      lib: { entry: join(ROOT, entry), formats: ['es'], fileName: () => file },
    },
    worker: { format: 'es' },
  });
  if (page !== undefined)
    await writeFile(
      join(outDir, 'index.html'),
      `<!doctype html><meta charset="utf-8"><title>${page}</title><link rel="icon" href="data:,"><body><script type="module" src="./${file}"></script>`,
    );
}

/** Bundles `entry` as .cache/bench/NAME/bench.js with its page; `minify: false` keeps function names. */
export function buildBenchPage(entry, name, { minify = true } = {}) {
  return bundleModule(entry, join(ROOT, '.cache/bench', name), { file: 'bench.js', minify, page: name });
}

/** Debian's Chromium, headless, with the flags this machine needs. */
export async function launchBenchBrowser() {
  const { chromium } = await import('@playwright/test');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
}
