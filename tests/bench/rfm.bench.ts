// RFM + segments for 1,000,000 customers and 10,000,000 orders held in typed arrays,
// computed in the analytics Web Worker (arrays transferred, not copied), in Chromium.
// Baseline, same run: one sequential pass over the same 160 MB of order columns — the
// memory-bandwidth floor for anything that must read every order once.
import { type OrderColumns, scoreRfmColumns } from '@cordial/core';
import { startAnalyticsWorker } from '@cordial/core/worker';

const CUSTOMERS = 1_000_000;
const ORDERS = 10_000_000;
const AS_OF = 20_000; // a day number (2024-10-05)
const ROUNDS = 8;

/** mulberry32: a small seeded generator, so every run scores the same orders. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Orders in time order with customers drawn at random (as a real order log looks), amounts log-normal-ish. */
function generateOrders(): OrderColumns {
  const next = random(20261125);
  const customer = new Uint32Array(ORDERS);
  const day = new Int32Array(ORDERS);
  const amount = new Float64Array(ORDERS);
  for (let i = 0; i < ORDERS; i++) {
    // Squaring skews activity: some customers order far more often than others.
    const u = next();
    customer[i] = Math.floor(u * u * CUSTOMERS);
    day[i] = AS_OF - 1095 + Math.floor((i / ORDERS) * 1095);
    amount[i] = Math.round(Math.exp(3 + next() + next()) * 100) / 100;
  }
  return { customers: CUSTOMERS, customer, day, amount };
}

function sequentialPass(orders: OrderColumns): number {
  const { customer, day, amount } = orders;
  let sum = 0;
  for (let i = 0; i < customer.length; i++) sum += (customer[i] as number) + (day[i] as number) + (amount[i] as number);
  return sum;
}

function best(times: number[]): number {
  return Math.min(...times);
}

function report(name: string, value: number, baseline: { name: string; value: number }, note?: string) {
  console.log(`BENCH ${JSON.stringify({ name, value, unit: 'ms', baseline, note })}`);
}

async function main() {
  let orders = generateOrders();
  const passTimes: number[] = [];
  let sink = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = performance.now();
    sink += sequentialPass(orders);
    passTimes.push(performance.now() - t0);
  }
  const floor = { name: 'one sequential pass over the same 160 MB', value: best(passTimes) };

  const worker = startAnalyticsWorker((message) => {
    console.error(`worker: ${message}`);
    console.log('BENCH_DONE');
  });
  const workerTimes: number[] = [];
  let segments = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = performance.now();
    const back = await worker.scoreRfmColumns(orders, { asOfDay: AS_OF });
    workerTimes.push(performance.now() - t0);
    orders = back.orders;
    segments = back.result.segmentNames.length;
    if (back.result.scoredCustomers < CUSTOMERS * 0.9) throw new Error('the generator left too many customers out');
  }
  worker.terminate();
  report(
    'RFM + segments, 1M customers / 10M orders, in the worker (transfer in and out included)',
    best(workerTimes),
    floor,
    `goal < 300 ms; best of ${ROUNDS}; ${segments} segments`,
  );

  const sameThread: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = performance.now();
    scoreRfmColumns(orders, { asOfDay: AS_OF });
    sameThread.push(performance.now() - t0);
  }
  report('RFM + segments, same data, on the page thread (no worker)', best(sameThread), floor, `best of ${ROUNDS}`);
  // Keeps the baseline's sum observable so the pass cannot be optimised away.
  if (Number.isNaN(sink)) console.log('unreachable');
  console.log('BENCH_DONE');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : String(error));
  console.log('BENCH_DONE');
});
