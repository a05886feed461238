// Scrolling the workbench's Customers table with 100,000 contacts, in the real (demo) extension in
// Debian Chromium. Run by `BENCH_PORT=… npm run bench -- workbench-scroll` after `npm run build`.
//   The database is filled to 100,000 contacts through the extension's own demo bulk seed (as the
//   sidebar benchmark does), then workbench.html#customers is opened and, once the analysis is done
//   and the page has gone 3 s without a long task (it reads the other stores after the table is up),
//   the table's scroller is moved STEP pixels per animation frame for FRAMES frames (a steady, fast
//   scroll through about 8,000 rows). Measured on the page: the time between animation frames
//   (mean, 95th percentile, worst), long tasks (> 50 ms, PerformanceObserver 'longtask') and the
//   table rows in the DOM.
//   Baseline, same run, same page: the same markup without virtualisation — a plain table of
//   BASELINE_ROWS rows made by cloning the rows the virtual table rendered (same cells, same CSS),
//   in a scroller of the same size, scrolled the same way. 100,000 plain rows (a million cells)
//   would not be a baseline but a hang, so the plain table is twenty times smaller.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { formatLine } from '../../scripts/lib/bench-format.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser';
import { fillDemoDatabase, waitForDemoSeed } from './demo-database';

const ROOT = resolve(import.meta.dirname, '../..');
const EXTENSION = join(ROOT, 'dist/demo-extension/chrome-mv3');
const TARGET_CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000);
const BASELINE_ROWS = 5_000;
const FRAMES = 480;
const STEP = 600;

interface Scroll {
  frames: number[];
  longTasks: number[];
  rowsInDom: number;
  scrolledTo: number;
}

/**
 * Waits until the page has had `quietMs` without a long task (up to `limitMs`): the workbench keeps
 * reading the other stores (orders, touchpoints) after the table is shown, and that work is not
 * scrolling. Returns how long it waited.
 */
function settle(page: Page, quietMs = 3000, limitMs = 300_000): Promise<number> {
  return page.evaluate(
    ({ quietMs, limitMs }) =>
      new Promise<number>((done) => {
        const t0 = performance.now();
        let lastTask = t0;
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) lastTask = Math.max(lastTask, entry.startTime + entry.duration);
        });
        observer.observe({ type: 'longtask' });
        const check = setInterval(() => {
          const now = performance.now();
          if (now - lastTask >= quietMs || now - t0 >= limitMs) {
            clearInterval(check);
            observer.disconnect();
            done(now - t0);
          }
        }, 250);
      }),
    { quietMs, limitMs },
  );
}

/** Scrolls `selector`'s element STEP px per animation frame, FRAMES times, observing frames and long tasks. */
function scroll(page: Page, selector: string): Promise<Scroll> {
  return page.evaluate(
    ({ selector, frames, step }) =>
      new Promise<Scroll>((done) => {
        const el = document.querySelector(selector) as HTMLElement;
        const longTasks: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longTasks.push(entry.duration);
        });
        observer.observe({ type: 'longtask' });
        const gaps: number[] = [];
        let rowsInDom = 0;
        let last = -1;
        const frame = (now: number) => {
          if (last >= 0) gaps.push(now - last);
          last = now;
          rowsInDom = Math.max(rowsInDom, el.querySelectorAll('tbody tr:not(.spacer)').length);
          if (gaps.length >= frames) {
            // One more second for the observer's queue to deliver the last long tasks.
            setTimeout(() => {
              for (const entry of observer.takeRecords()) longTasks.push(entry.duration);
              observer.disconnect();
              done({ frames: gaps, longTasks, rowsInDom, scrolledTo: el.scrollTop });
            }, 1000);
            return;
          }
          el.scrollTop += step;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    { selector, frames: FRAMES, step: STEP },
  );
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const percentile = (values: number[], p: number) =>
  sorted(values)[Math.min(values.length - 1, Math.floor(values.length * p))] as number;
const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
const report = (line: Parameters<typeof formatLine>[0]) => console.log(formatLine(line));

const dir = await mkdtemp(join(tmpdir(), 'cordial-bench-'));
const context = await chromium.launchPersistentContext(dir, {
  executablePath: CHROMIUM_PATH,
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: [...CHROMIUM_ARGS, `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`],
});
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  await waitForDemoSeed(worker);
  // Filled before the workbench is open, so it does not reload after every chunk.
  const stored = await fillDemoDatabase(context, id, TARGET_CONTACTS);

  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(`chrome-extension://${id}/workbench.html#customers`);
  const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Name' }) });
  await page.waitForFunction(
    (n) => Number(document.querySelector('.vtable table')?.getAttribute('aria-rowcount')) > n,
    stored,
    { timeout: 600_000, polling: 1000 },
  );
  await page.getByText(/Recomputing analytics|Loading customers/).waitFor({ state: 'hidden', timeout: 600_000 });
  const loadedIn = Date.now() - t0;
  await table.waitFor();
  const rowCount = Number(await page.locator('.vtable table').getAttribute('aria-rowcount')) - 1;
  const settled = await settle(page);
  const virtual = await scroll(page, '.vtable');

  // The same markup without virtualisation, built next to it from the rows it rendered.
  await page.evaluate((rows) => {
    const source = document.querySelector('.vtable') as HTMLElement;
    source.scrollTop = 0;
    const rendered = [...source.querySelectorAll('tbody tr:not(.spacer)')];
    const plain = document.createElement('section');
    plain.className = 'vtable plain-baseline';
    plain.style.height = source.style.height;
    const tableEl = document.createElement('table');
    tableEl.className = 'table';
    tableEl.append((source.querySelector('thead') as HTMLElement).cloneNode(true));
    const body = document.createElement('tbody');
    for (let i = 0; i < rows; i++) body.append((rendered[i % rendered.length] as HTMLElement).cloneNode(true));
    tableEl.append(body);
    plain.append(tableEl);
    source.style.display = 'none';
    source.after(plain);
  }, BASELINE_ROWS);
  await settle(page);
  const plain = await scroll(page, '.plain-baseline');

  const rows = (n: number) => n.toLocaleString('en');
  console.log(
    `  (${rows(rowCount)} contacts in the table, loaded and analysed in ${(loadedIn / 1000).toFixed(1)} s; ` +
      `then ${(settled / 1000).toFixed(1)} s until 3 s passed without a long task; ` +
      `${FRAMES} frames scrolled by ${STEP} px: virtual table to row ${rows(Math.round(virtual.scrolledTo / 36))}, ` +
      `plain table to row ${rows(Math.round(plain.scrolledTo / 36))})`,
  );
  const baseline = (value: number) => ({ name: `plain table of ${rows(BASELINE_ROWS)} rows`, value });
  report({
    name: `frame time while scrolling ${rows(rowCount)} customers, mean`,
    value: mean(virtual.frames),
    unit: 'ms',
    baseline: baseline(mean(plain.frames)),
  });
  report({
    name: `frame time while scrolling ${rows(rowCount)} customers, 95th percentile`,
    value: percentile(virtual.frames, 0.95),
    unit: 'ms',
    baseline: baseline(percentile(plain.frames, 0.95)),
    note: `(worst ${Math.max(...virtual.frames).toFixed(0)} ms vs ${Math.max(...plain.frames).toFixed(0)} ms)`,
  });
  report({
    name: 'long tasks (> 50 ms) while scrolling',
    value: virtual.longTasks.length,
    unit: 'tasks',
    // No ratio against zero: the plain table's count is given as it is.
    ...(plain.longTasks.length > 0 ? { baseline: baseline(plain.longTasks.length) } : {}),
    note: `(plain table: ${plain.longTasks.length}; longest ${Math.max(0, ...virtual.longTasks).toFixed(0)} ms vs ${Math.max(0, ...plain.longTasks).toFixed(0)} ms)`,
  });
  report({
    name: 'table rows in the DOM while scrolling',
    value: virtual.rowsInDom,
    unit: 'rows',
    baseline: baseline(plain.rowsInDom),
  });
} finally {
  await context.close();
  await rm(dir, { recursive: true, force: true });
}
