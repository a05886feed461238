// RFM + segments for 1,000,000 customers and 10,000,000 orders in Node, in CPU time
// (process.cpuUsage: user + system): on a shared machine wall time includes other jobs'
// turns, CPU time counts only this process's work. Printed: the whole computation and each
// of its phases, each with its ratio to the floor (one sequential pass over the same
// 160 MB) and the whole with its ratio to the baseline (the straightforward implementation,
// testing/reference-rfm.ts), all measured in this run; medians over the rounds.
// The Chromium worker figure is tests/bench/rfm.bench.ts.
import { aggregateOrders } from '../src/rfm/aggregate-orders.ts';
import { rfmThresholds } from '../src/rfm/quantile-thresholds.ts';
import { scoreAndSegment } from '../src/rfm/score-columns.ts';
import { type OrderColumns, scoreRfmColumns } from '../src/rfm/score-rfm.ts';
import { DEFAULT_SEGMENT_RULES } from '../src/segments/segment-rules.ts';
import { generateOrderColumns, referenceRfmColumns } from '../src/testing/index.ts';

const CUSTOMERS = 1_000_000;
const ORDERS = 10_000_000;
const AS_OF = 20_000;
const ROUNDS = 9;
const BASELINE_ROUNDS = 3;

/** The same seeded orders as the Chromium RFM bench, so the figures compare. */
const orders: OrderColumns = generateOrderColumns({
  customers: CUSTOMERS,
  orders: ORDERS,
  asOf: AS_OF,
  seed: 20261125,
});

let sink = 0;
/** Median CPU milliseconds of `run` over the rounds; what it returns is kept observable. */
function cpuMedian(rounds: number, run: () => unknown): number {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const c0 = process.cpuUsage();
    const out = run();
    if (typeof out === 'number') sink += out;
    const used = process.cpuUsage(c0);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1] as number;
}

const floor = cpuMedian(ROUNDS, () => {
  const { customer, day, amount } = orders;
  let sum = 0;
  for (let i = 0; i < customer.length; i++) sum += (customer[i] as number) + (day[i] as number) + (amount[i] as number);
  return sum;
});
const baseline = cpuMedian(BASELINE_ROUNDS, () => referenceRfmColumns(orders, { asOfDay: AS_OF }));
const total = cpuMedian(ROUNDS, () => scoreRfmColumns(orders, { asOfDay: AS_OF }));

// The phases of scoreRfmColumns, one at a time on the same data.
const aggregates = aggregateOrders(orders, AS_OF);
const where = { where: aggregates.frequency };
const thresholds = {
  recency: rfmThresholds(aggregates.recencyDays, 5, where),
  frequency: rfmThresholds(aggregates.frequency, 5, where),
  monetary: rfmThresholds(aggregates.monetary, 5, where),
};
const phases: [string, number][] = [
  ['aggregation (partitioned by customer)', cpuMedian(ROUNDS, () => aggregateOrders(orders, AS_OF))],
  ['recency thresholds (counting)', cpuMedian(ROUNDS, () => rfmThresholds(aggregates.recencyDays, 5, where))],
  ['frequency thresholds (counting)', cpuMedian(ROUNDS, () => rfmThresholds(aggregates.frequency, 5, where))],
  [
    'monetary thresholds (radix histogram + select)',
    cpuMedian(ROUNDS, () => rfmThresholds(aggregates.monetary, 5, where)),
  ],
  [
    'scores and segments (tables, compiled lookup)',
    cpuMedian(ROUNDS, () => scoreAndSegment(aggregates, thresholds, 5, DEFAULT_SEGMENT_RULES)),
  ],
];

const ms = (v: number) => `${v.toFixed(v >= 100 ? 0 : 1)} ms`;
const floorText = `the floor, one sequential pass over the same 160 MB: ${ms(floor)}`;
console.log(
  `  RFM + segments, 1M customers / 10M orders, Node, CPU time: ${ms(total)}  (baseline the straightforward implementation: ${ms(baseline)}; ratio ${(total / baseline).toFixed(3)}×; ${(total / floor).toFixed(1)}× ${floorText})  median of ${ROUNDS}`,
);
console.log(
  `  the straightforward implementation itself: ${ms(baseline)}  (${(baseline / floor).toFixed(1)}× ${floorText})  median of ${BASELINE_ROUNDS}`,
);
for (const [name, value] of phases) {
  console.log(`    phase: ${name}: ${ms(value)}  (${(value / floor).toFixed(2)}× the floor)`);
}
if (Number.isNaN(sink)) console.log('unreachable');
