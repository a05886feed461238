// `node scripts/profile.mjs ENTRY.ts [query] [--profile | --alloc]`: where a browser benchmark's time goes.
// Bundles ENTRY (a module under the repo, like tests/bench/*.bench.ts) with Vite, runs it in Debian's
// Chromium at http://127.0.0.1:4199/bench/NAME/index.html?QUERY and prints its console. The page says
// `START` when the part to measure begins and `BENCH_DONE` at the end (as the benchmarks do).
//   --profile  samples the CPU from START (200 µs) and prints the top functions by self and inclusive
//              time (one line per function and position in the bundle; `(idle)` is time spent waiting);
//   --alloc    samples allocations from START and prints the top allocating functions.
// Not part of `npm test` or `npm run bench`: a tool for the next performance question (docs/import.md has
// the profiles it gave on 2026-12-06).
import { basename } from 'node:path';
import { listen } from './demo-server.mjs';
import { buildBenchPage, launchBenchBrowser } from './lib/bench-page.mjs';

const args = process.argv.slice(2);
const mode = args.find((a) => a.startsWith('--'));
const [entry, query = ''] = args.filter((a) => !a.startsWith('--'));
if (!entry) {
  console.error('usage: node scripts/profile.mjs ENTRY.ts [query] [--profile | --alloc]');
  process.exit(2);
}
const name = `profile-${basename(entry, '.ts')}`;
// Unminified, so the functions keep their names.
await buildBenchPage(entry, name, { minify: false });
const server = await listen(4199);
const browser = await launchBenchBrowser();
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
page.on('pageerror', (error) => console.log(`pageerror ${error}`));
const done = new Promise((resolve) =>
  page.on('console', async (message) => {
    const text = message.text();
    if (text === 'BENCH_DONE') return resolve();
    if (text === 'START' && mode === '--profile') {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    } else if (text === 'START' && mode === '--alloc') {
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.startSampling', {
        samplingInterval: 65536,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
    }
    console.log(text);
  }),
);
await page.goto(`${server.url}/bench/${name}/index.html?${query}`);
await done;

const label = (frame) => `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`;
const top = (entries, count, format) => {
  for (const [key, value] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, count))
    console.log(`${format(value).padStart(8)}  ${key}`);
};

if (mode === '--profile') {
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const time = new Map();
  profile.samples.forEach((id, i) => {
    time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const self = new Map();
  const inclusive = new Map();
  for (const [id, t] of time) {
    const key = label(byId.get(id).callFrame);
    self.set(key, (self.get(key) ?? 0) + t);
    // Each function once per sample, however often it recurs on the stack.
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const k = label(byId.get(at).callFrame);
      if (!seen.has(k)) inclusive.set(k, (inclusive.get(k) ?? 0) + t);
      seen.add(k);
    }
  }
  const ms = (us) => `${(us / 1000).toFixed(0)} ms`;
  console.log(`--- self (of ${ms([...time.values()].reduce((a, b) => a + b, 0))})`);
  top(self, 35, ms);
  console.log('--- inclusive');
  top(inclusive, 50, ms);
} else if (mode === '--alloc') {
  const { profile } = await cdp.send('HeapProfiler.stopSampling');
  const bytes = new Map();
  const walk = (node) => {
    const key = label(node.callFrame);
    bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child);
  };
  walk(profile.head);
  const mb = (b) => `${(b / 1e6).toFixed(0)} MB`;
  console.log(`--- allocated (of ${mb([...bytes.values()].reduce((a, b) => a + b, 0))})`);
  top(bytes, 30, mb);
}
await browser.close();
server.server?.close?.();
process.exit(0);
