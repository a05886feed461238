/**
 * A large seeded order log in columns (typed arrays), for the RFM benchmarks: the Node CPU bench
 * and the Chromium worker bench score the very same orders, so their figures compare.
 */
import type { OrderColumns } from '../rfm/score-rfm.ts';
import { createRandom } from './random.ts';

export interface OrderColumnsOptions {
  customers: number;
  orders: number;
  /** The day number (days since 1970-01-01) the log ends at; orders span the three years before it. */
  asOf: number;
  seed: number;
}

/** Orders in time order with customers drawn at random (as a real order log looks), amounts log-normal-ish. */
export function generateOrderColumns({ customers, orders, asOf, seed }: OrderColumnsOptions): OrderColumns {
  const { next } = createRandom(seed);
  const customer = new Uint32Array(orders);
  const day = new Int32Array(orders);
  const amount = new Float64Array(orders);
  for (let i = 0; i < orders; i++) {
    // Squaring skews activity: some customers order far more often than others.
    const u = next();
    customer[i] = Math.floor(u * u * customers);
    day[i] = asOf - 1095 + Math.floor((i / orders) * 1095);
    amount[i] = Math.round(Math.exp(3 + next() + next()) * 100) / 100;
  }
  return { customers, customer, day, amount };
}
