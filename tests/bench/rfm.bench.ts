// RFM + segments for 1,000,000 customers and 10,000,000 orders held in typed arrays,
// computed in the analytics Web Worker (arrays transferred, not copied), in Chromium.
// Two references measured in the same run, each figure printed with its ratio to both:
// - the floor: one sequential pass over the same 160 MB of order columns, the
//   memory-bandwidth bound for anything that must read every order once;
// - the baseline: the straightforward implementation (@cordial/core/testing's
//   referenceRfmColumns: one aggregation loop, sorted thresholds, comparisons per score,
//   the rule table walked per customer), which must give the very same result.
// Figures are medians over the rounds (the machine is shared; the best round is noted).
import { type OrderColumns, type RfmColumns, scoreRfmColumns } from '@cordial/core';
import { generateOrderColumns, referenceRfmColumns } from '@cordial/core/testing';
import { startAnalyticsWorker } from '@cordial/core/worker';
import { done, report } from './bench-report.ts';

const CUSTOMERS = 1_000_000;
const ORDERS = 10_000_000;
const AS_OF = 20_000; // a day number (2024-10-05)
const ROUNDS = 9;
const BASELINE_ROUNDS = 3;

/** The same seeded orders as the Node RFM bench, so the figures compare. */
function generateOrders(): OrderColumns {
  return generateOrderColumns({ customers: CUSTOMERS, orders: ORDERS, asOf: AS_OF, seed: 20261125 });
}

function sequentialPass(orders: OrderColumns): number {
  const { customer, day, amount } = orders;
  let sum = 0;
  for (let i = 0; i < customer.length; i++) sum += (customer[i] as number) + (day[i] as number) + (amount[i] as number);
  return sum;
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function timeRounds(rounds: number, run: () => unknown): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return times;
}

/** The fast path must give the baseline's result exactly; a benchmark of a wrong answer means nothing. */
function assertSame(fast: RfmColumns, slow: RfmColumns) {
  for (const key of ['recencyDays', 'frequency', 'monetary', 'r', 'f', 'm', 'segment'] as const) {
    const a = fast[key];
    const b = slow[key];
    for (let c = 0; c < a.length; c++) {
      if (!Object.is(a[c], b[c])) throw new Error(`${key} differs from the baseline at customer ${c}`);
    }
  }
  if (JSON.stringify(fast.thresholds) !== JSON.stringify(slow.thresholds)) throw new Error('thresholds differ');
}

async function main() {
  let orders = generateOrders();
  let sink = 0;
  const floorTimes = await timeRounds(ROUNDS, () => {
    sink += sequentialPass(orders);
  });
  const floor = median(floorTimes);

  let baselineResult: RfmColumns | undefined;
  const baselineTimes = await timeRounds(BASELINE_ROUNDS, () => {
    baselineResult = referenceRfmColumns(orders, { asOfDay: AS_OF });
  });
  const baseline = { name: 'the straightforward implementation, page thread', value: median(baselineTimes) };

  const worker = startAnalyticsWorker((message) => {
    console.error(`worker: ${message}`);
    done();
  });
  let workerResult: RfmColumns | undefined;
  const workerTimes = await timeRounds(ROUNDS, async () => {
    const back = await worker.scoreRfmColumns(orders, { asOfDay: AS_OF });
    orders = back.orders;
    workerResult = back.result;
  });
  worker.terminate();

  let pageResult: RfmColumns | undefined;
  const pageTimes = await timeRounds(ROUNDS, () => {
    pageResult = scoreRfmColumns(orders, { asOfDay: AS_OF });
  });
  if (!baselineResult || !workerResult || !pageResult) throw new Error('no result');
  assertSame(workerResult, baselineResult);
  assertSame(pageResult, baselineResult);
  if (workerResult.scoredCustomers < CUSTOMERS * 0.9) throw new Error('the generator left too many customers out');

  const floorNote = (value: number) =>
    `${(value / floor).toFixed(1)}× the floor (one sequential pass over the same 160 MB: ${floor.toFixed(1)} ms, median of ${ROUNDS})`;
  const best = (times: number[]) => `best ${Math.min(...times).toFixed(0)} ms`;
  const workerMedian = median(workerTimes);
  report({
    name: 'RFM + segments, 1M customers / 10M orders, in the worker (transfer in and out included)',
    value: workerMedian,
    unit: 'ms',
    baseline,
    note: `goal < 300 ms; ${floorNote(workerMedian)}; median of ${ROUNDS}, ${best(workerTimes)}; same result as the baseline`,
  });
  const pageMedian = median(pageTimes);
  report({
    name: 'RFM + segments, same data, on the page thread (no worker)',
    value: pageMedian,
    unit: 'ms',
    baseline,
    note: `${floorNote(pageMedian)}; median of ${ROUNDS}, ${best(pageTimes)}`,
  });
  report({
    name: 'the straightforward implementation itself (the baseline above)',
    value: baseline.value,
    unit: 'ms',
    baseline: { name: 'one sequential pass over the same 160 MB (the floor)', value: floor },
    note: `median of ${BASELINE_ROUNDS}, ${best(baselineTimes)}`,
  });
  // Keeps the floor's sum observable so the pass cannot be optimised away.
  if (Number.isNaN(sink)) console.log('unreachable');
  done();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : String(error));
  done();
});
