// `npm run bench`: every benchmark, each figure printed with a baseline measured in the
// same run and the ratio between them. Tests never assert wall-clock times; this does
// the measuring.
//   Node benchmarks:    packages/*/bench/*.bench.ts and sdk/bench/*.bench.ts (run with vite-node)
//   Browser benchmarks: tests/bench/*.bench.ts, bundled with Vite and run in Debian Chromium;
//                       each prints `BENCH {json}` lines to the console and `BENCH_DONE` at the end.
//   Extension benchmarks: tests/bench/*.extension.bench.ts, run with vite-node; they drive Chromium
//                       with the built extension through Playwright (BENCH_URL: the demo server).
// `npm run bench -- NAME` runs only the benchmarks whose file name contains NAME.
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { listen } from './demo-server.mjs';
import { formatLine } from './lib/bench-format.mjs';
import { buildBenchPage, launchBenchBrowser } from './lib/bench-page.mjs';
import { ensureChromium, ensureDependencies, ROOT } from './lib/ensure.mjs';
import { run } from './lib/run.mjs';

const filter = process.argv[2] ?? '';
const list = (dir) =>
  existsSync(join(ROOT, dir))
    ? readdirSync(join(ROOT, dir))
        .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
        .map((f) => join(dir, f))
    : [];

export { formatLine };

async function runBrowserBench(file, baseUrl) {
  const name = basename(file, '.bench.ts');
  await buildBenchPage(file, name);
  const browser = await launchBenchBrowser();
  try {
    const page = await browser.newPage();
    const done = new Promise((resolve, reject) => {
      page.on('console', (msg) => {
        const text = msg.text();
        if (text === 'BENCH_DONE') resolve();
        else if (text.startsWith('BENCH ')) console.log(formatLine(JSON.parse(text.slice(6))));
        else if (msg.type() === 'error') console.log(`  (console error) ${text}`);
      });
      page.on('pageerror', reject);
    });
    await page.goto(`${baseUrl}/bench/${name}/index.html`);
    await Promise.race([
      done,
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 10 minutes')), 600_000)),
    ]);
  } finally {
    await browser.close();
  }
}

await ensureDependencies();
const nodeBenches = [
  ...readdirSync(join(ROOT, 'packages')).flatMap((p) => list(`packages/${p}/bench`)),
  ...list('sdk/bench'),
];
const extensionBenches = list('tests/bench').filter((f) => f.endsWith('.extension.bench.ts'));
const browserBenches = list('tests/bench').filter((f) => !extensionBenches.includes(f));
let failed = 0;
for (const file of nodeBenches) {
  const code = await run('npx', ['vite-node', file], { label: `bench ${file} (Node ${process.version})`, cwd: ROOT });
  if (code !== 0) failed++;
}
if (browserBenches.length + extensionBenches.length > 0) {
  await ensureChromium();
  const server = await listen(Number(process.env.BENCH_PORT ?? 4175));
  for (const file of extensionBenches) {
    const code = await run('npx', ['vite-node', file], {
      label: `bench ${file} (Chromium with the extension)`,
      cwd: ROOT,
      env: { BENCH_URL: server.url },
    });
    if (code !== 0) failed++;
  }
  for (const file of browserBenches) {
    console.log(`\n▶ bench ${file} (Chromium)`);
    try {
      await runBrowserBench(file, server.url);
    } catch (error) {
      console.error(`  ✖ ${error instanceof Error ? error.message : String(error)}`);
      failed++;
    }
  }
  server.server.close();
}
if (nodeBenches.length + browserBenches.length + extensionBenches.length === 0)
  console.log(`No benchmark matches "${filter}".`);
process.exit(failed === 0 ? 0 : 1);
