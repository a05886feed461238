// RFM + segments for 1,000,000 customers and 10,000,000 orders in Node, measured in CPU
// time (process.cpuUsage: user + system) as well as wall time. On a shared machine wall
// time includes other jobs' turns; CPU time counts only this process's work, so it is the
// figure to compare with the in-run baseline, one sequential pass over the same 160 MB.
// The Chromium worker figure is tests/bench/rfm.bench.ts.
import { type OrderColumns, scoreRfmColumns } from '../src/rfm/score-rfm.ts';
import { generateOrderColumns } from '../src/testing/index.ts';

const CUSTOMERS = 1_000_000;
const ORDERS = 10_000_000;
const AS_OF = 20_000;
const ROUNDS = 8;

/** The same seeded orders as the other RFM bench, so the two figures compare. */
function generateOrders(): OrderColumns {
  return generateOrderColumns({ customers: CUSTOMERS, orders: ORDERS, asOf: AS_OF, seed: 20261125 });
}

/** Best wall and best CPU milliseconds over the rounds; what `run` returns is kept observable. */
let sink = 0;
function measure(run: () => unknown): { wall: number; cpu: number } {
  let wall = Number.POSITIVE_INFINITY;
  let cpu = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const out = run();
    if (typeof out === 'number') sink += out;
    wall = Math.min(wall, performance.now() - t0);
    const used = process.cpuUsage(c0);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

const orders = generateOrders();
const pass = measure(() => {
  const { customer, day, amount } = orders;
  let sum = 0;
  for (let i = 0; i < customer.length; i++) sum += (customer[i] as number) + (day[i] as number) + (amount[i] as number);
  return sum;
});
const rfm = measure(() => scoreRfmColumns(orders, { asOfDay: AS_OF }));
const line = (kind: 'cpu' | 'wall') =>
  `  RFM + segments, 1M customers / 10M orders, Node, ${kind} time: ${rfm[kind].toFixed(0)} ms  (baseline one sequential pass over the same 160 MB: ${pass[kind].toFixed(1)} ms; ratio ${(rfm[kind] / pass[kind]).toFixed(1)}×)  best of ${ROUNDS}`;
console.log(line('cpu'));
console.log(line('wall'));
if (Number.isNaN(sink)) console.log('unreachable');
