import type { OrderColumns } from './score-rfm.ts';

/** Recency, frequency and monetary value per customer, before scoring. */
export interface RfmAggregates {
  /** Days from the last order to the analysis date; −1 for customers without orders. */
  readonly recencyDays: Int32Array;
  readonly frequency: Uint32Array;
  readonly monetary: Float64Array;
  /** Orders dated after the analysis date, left out. */
  readonly ignoredOrders: number;
}

/** Customers per partition: 4,096 × 16 bytes of per-customer state stay in the L2 cache. */
const PARTITION_BITS = 12;
/** Days of age that fit the 20 bits left next to the partition-local customer index. */
const AGE_BITS = 20;
/** Beyond this many customers (2 MB of state) random updates miss the cache and partitioning pays. */
const PARTITION_FROM_CUSTOMERS = 1 << 17;

/**
 * Aggregates orders per customer. Small customer counts take the direct loop; large ones
 * are first partitioned by customer (a counting-sort scatter, stable, so every customer's
 * amounts are summed in the original order and the result is bit-identical), because an
 * update per order at a random place in 16 MB of state costs a cache miss each, while
 * two sequential passes plus cache-resident updates do not.
 */
export function aggregateOrders(orders: OrderColumns, asOfDay: number): RfmAggregates {
  return orders.customers >= PARTITION_FROM_CUSTOMERS
    ? (aggregatePartitioned(orders, asOfDay) ?? aggregateDirect(orders, asOfDay))
    : aggregateDirect(orders, asOfDay);
}

function checkCustomer(c: number, i: number, customers: number) {
  if (c >= customers) throw new RangeError(`order ${i} names customer ${c}, but there are only ${customers}`);
}

export function aggregateDirect(orders: OrderColumns, asOfDay: number): RfmAggregates {
  const { customers, customer, day, amount } = orders;
  // Per-customer state interleaved in 16 bytes (sum, count, last day): one cache line per order.
  const state = new ArrayBuffer(customers * 16);
  const sums = new Float64Array(state);
  const ints = new Int32Array(state);
  let ignoredOrders = 0;
  for (let i = 0; i < customer.length; i++) {
    const c = customer[i] as number;
    const d = day[i] as number;
    checkCustomer(c, i, customers);
    if (d > asOfDay) {
      ignoredOrders++;
      continue;
    }
    const at = c << 2;
    sums[c << 1] = (sums[c << 1] as number) + (amount[i] as number);
    const count = ints[at + 2] as number;
    ints[at + 2] = count + 1;
    if (count === 0 || d > (ints[at + 3] as number)) ints[at + 3] = d;
  }
  const recencyDays = new Int32Array(customers);
  const frequency = new Uint32Array(customers);
  const monetary = new Float64Array(customers);
  for (let c = 0; c < customers; c++) {
    const count = ints[(c << 2) + 2] as number;
    frequency[c] = count;
    monetary[c] = sums[c << 1] as number;
    recencyDays[c] = count > 0 ? asOfDay - (ints[(c << 2) + 3] as number) : -1;
  }
  return { recencyDays, frequency, monetary, ignoredOrders };
}

/** The partitioned path; undefined when an order is too old for the packed 20-bit age (then go direct). */
export function aggregatePartitioned(orders: OrderColumns, asOfDay: number): RfmAggregates | undefined {
  const { customers, customer, day, amount } = orders;
  const n = customer.length;
  const partitions = (customers >>> PARTITION_BITS) + 1;
  const start = new Int32Array(partitions + 1);
  let ignoredOrders = 0;
  const maxAge = (1 << AGE_BITS) - 1;
  for (let i = 0; i < n; i++) {
    const c = customer[i] as number;
    const d = day[i] as number;
    checkCustomer(c, i, customers);
    if (d > asOfDay) ignoredOrders++;
    else if (asOfDay - d > maxAge) return undefined;
    else start[(c >>> PARTITION_BITS) + 1] = (start[(c >>> PARTITION_BITS) + 1] as number) + 1;
  }
  for (let p = 0; p < partitions; p++) start[p + 1] = (start[p + 1] as number) + (start[p] as number);

  // Scatter: customer index within its partition and the order's age packed in 32 bits.
  const kept = n - ignoredOrders;
  const packed = new Uint32Array(kept);
  const value = new Float64Array(kept);
  const next = start.slice(0, partitions);
  const localMask = (1 << PARTITION_BITS) - 1;
  for (let i = 0; i < n; i++) {
    const d = day[i] as number;
    if (d > asOfDay) continue;
    const c = customer[i] as number;
    const p = c >>> PARTITION_BITS;
    const at = next[p] as number;
    next[p] = at + 1;
    packed[at] = ((c & localMask) << AGE_BITS) | (asOfDay - d);
    value[at] = amount[i] as number;
  }

  const recencyDays = new Int32Array(customers).fill(-1);
  const frequency = new Uint32Array(customers);
  const monetary = new Float64Array(customers);
  const ageMask = maxAge;
  for (let p = 0; p < partitions; p++) {
    const base = p << PARTITION_BITS;
    const end = start[p + 1] as number;
    for (let i = start[p] as number; i < end; i++) {
      const v = packed[i] as number;
      const c = base + (v >>> AGE_BITS);
      const age = v & ageMask;
      const count = frequency[c] as number;
      frequency[c] = count + 1;
      monetary[c] = (monetary[c] as number) + (value[i] as number);
      if (count === 0 || age < (recencyDays[c] as number)) recencyDays[c] = age;
    }
  }
  return { recencyDays, frequency, monetary, ignoredOrders };
}
