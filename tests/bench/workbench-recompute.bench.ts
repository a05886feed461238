/**
 * The workbench's analytics recompute after an import of 1,000,000 orders (100,000 customers):
 * how long it takes in the worker, and how often the page's thread is blocked meanwhile (long
 * tasks > 50 ms, PerformanceObserver 'longtask'; and the longest gap between animation frames).
 * Baseline, same run: the same analysis on the page's own thread, which is what the worker avoids.
 * Run: `BENCH_PORT=4197 npm run bench -- workbench-recompute`.
 */
import { type AnalysisOrders, analyse } from '../../extension/workbench/model/analyse';
import { createAnalysisRunner } from '../../extension/workbench/worker/analysis-runner';
import { done, report } from './bench-report.ts';

const ORDERS = 1_000_000;
const CUSTOMERS = 100_000;
const DAY = 86_400_000;
const AS_OF = Date.parse('2026-11-01T00:00:00Z');

/** Seeded orders as columns: customers with their own start, lifetime and pace, so some churn. */
function generateOrders(): AnalysisOrders {
  let seed = 42;
  const random = () => {
    seed = (seed * 1_664_525 + 1_013_904_223) >>> 0;
    return seed / 2 ** 32;
  };
  const contact = new Uint32Array(ORDERS);
  const placedAt = new Float64Array(ORDERS);
  const total = new Float64Array(ORDERS);
  const currency = new Uint16Array(ORDERS);
  const status = new Uint8Array(ORDERS).fill(2);
  const start = new Float64Array(CUSTOMERS);
  const span = new Float64Array(CUSTOMERS);
  const spend = new Float64Array(CUSTOMERS);
  for (let c = 0; c < CUSTOMERS; c++) {
    start[c] = random() * 700;
    span[c] = Math.min(730 - (start[c] as number), -Math.log(1 - random()) * 300);
    spend[c] = 20 + -Math.log(1 - random()) * 60;
  }
  for (let i = 0; i < ORDERS; i++) {
    // A mildly skewed pick: the busiest customer places about 45 orders, most a handful.
    const c = Math.floor(CUSTOMERS * random() ** 1.15);
    contact[i] = c;
    const day = (start[c] as number) + random() * (span[c] as number);
    placedAt[i] = AS_OF - 730 * DAY + Math.floor(day) * DAY;
    total[i] = Math.round((spend[c] as number) * (0.6 + random() * 0.8) * 100) / 100;
    if (random() < 0.03) status[i] = 3;
  }
  return {
    contactIds: Array.from({ length: CUSTOMERS }, (_, c) => `c${c}`),
    contact,
    placedAt,
    total,
    currencies: ['EUR'],
    currency,
    status,
  };
}

interface Observed {
  ms: number;
  longTasks: number;
  longestTask: number;
  longestFrameGap: number;
}

/** Runs `work` while counting long tasks and measuring the longest gap between animation frames. */
async function observe(work: () => Promise<unknown>): Promise<Observed> {
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  let last = performance.now();
  let longestFrameGap = 0;
  let running = true;
  const frame = (now: number) => {
    longestFrameGap = Math.max(longestFrameGap, now - last);
    last = now;
    if (running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const t0 = performance.now();
  await work();
  const ms = performance.now() - t0;
  // Let the last frame and the observer's queue flush.
  await new Promise((resolve) => setTimeout(resolve, 200));
  running = false;
  for (const entry of observer.takeRecords()) tasks.push(entry.duration);
  observer.disconnect();
  return { ms, longTasks: tasks.length, longestTask: Math.max(0, ...tasks), longestFrameGap };
}

async function main() {
  const orders = generateOrders();
  const input = { orders, asOf: AS_OF };
  const runner = createAnalysisRunner();
  // Warm-up: the worker's first start compiles its module.
  await runner.run({
    orders: {
      ...orders,
      contact: orders.contact.slice(0, 1000),
      placedAt: orders.placedAt.slice(0, 1000),
      total: orders.total.slice(0, 1000),
      currency: orders.currency.slice(0, 1000),
      status: orders.status.slice(0, 1000),
    },
    asOf: AS_OF,
  });

  const steps: string[] = [];
  const inWorker = await observe(() => runner.run(input, (step) => void steps.push(step)));
  const onPage = await observe(async () => analyse(input));
  runner.dispose();

  report({
    name: `recompute ${ORDERS.toLocaleString('en')} orders / ${CUSTOMERS.toLocaleString('en')} customers in the worker (wall time)`,
    value: inWorker.ms,
    unit: 'ms',
    baseline: { name: 'the same analysis on the page thread', value: onPage.ms },
  });
  report({
    name: 'long tasks (> 50 ms) on the page during the worker recompute',
    value: inWorker.longTasks,
    unit: 'tasks',
    baseline: { name: 'page-thread recompute', value: Math.max(1, onPage.longTasks) },
    note: `(longest ${inWorker.longestTask.toFixed(0)} ms vs ${onPage.longestTask.toFixed(0)} ms)`,
  });
  report({
    name: 'longest gap between animation frames during the worker recompute',
    value: inWorker.longestFrameGap,
    unit: 'ms',
    baseline: { name: 'page-thread recompute', value: onPage.longestFrameGap },
    note: `(progress steps seen: ${steps.length})`,
  });
  done();
}

main().catch((error) => {
  console.error(error);
  done();
});
