// A browser benchmark's page, shared by `npm run bench` (scripts/bench.mjs) and scripts/profile.mjs: the
// entry bundled with Vite into .cache/bench/NAME/ with an index.html, served by the demo server under
// /bench/NAME/, and opened in Debian's Chromium.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CHROMIUM, ROOT } from './ensure.mjs';

/** Bundles `entry` (a path under the repo) as .cache/bench/NAME/bench.js with its page; `minify: false` keeps function names. */
export async function buildBenchPage(entry, name, { minify = true } = {}) {
  const outDir = join(ROOT, '.cache/bench', name);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    // Relative asset URLs: the page is served under /bench/NAME/, so worker chunks must resolve next to it.
    base: './',
    build: {
      outDir,
      emptyOutDir: false,
      minify,
      target: 'es2022',
      lib: { entry: join(ROOT, entry), formats: ['es'], fileName: () => 'bench.js' },
    },
    worker: { format: 'es' },
  });
  await writeFile(
    join(outDir, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>${name}</title><link rel="icon" href="data:,"><script type="module" src="./bench.js"></script>`,
  );
}

/** Debian's Chromium, headless, with the flags this machine needs. */
export async function launchBenchBrowser() {
  const { chromium } = await import('@playwright/test');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
}
