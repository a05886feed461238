/**
 * Score thresholds of the R package rfm (v0.3.0, `bins()` in R/utils.R), reproduced
 * exactly: for n bins the cut points are the R type-7 quantiles at k/n (k = 1..n−1)
 * plus one, and a value v scores k + 1 where k is the number of cut points ≤ v. Equal
 * values therefore always get equal scores. The "+ 1" is the package's own convention
 * (it makes the bins [min, q₁+1), [q₁+1, q₂+1), …, [qₙ₋₁+1, max+1)); we keep it so our
 * scores match the package's on its own data.
 *
 * The order statistics come from selection, not a full sort: counting for small-range
 * integers (frequencies, recency in days), a radix histogram of the floating-point bits
 * then quickselect inside the few buckets that hold the wanted ranks otherwise (monetary).
 */

/** Which values take part: value i only where `where[i] !== 0` (the customers with orders); all when absent. */
export interface SelectionOptions {
  readonly where?: ArrayLike<number> | undefined;
}

export function rfmThresholds(values: ArrayLike<number>, bins: number, options: SelectionOptions = {}): number[] {
  const range = valueRange(values, options.where);
  const n = range.count;
  if (n === 0) return [];
  const ranks: number[] = [];
  const fractions: number[] = [];
  for (let k = 1; k < bins; k++) {
    const h = ((n - 1) * k) / bins;
    const lo = Math.floor(h);
    ranks.push(lo);
    fractions.push(h - lo);
  }
  const wanted = [...new Set(ranks.flatMap((lo) => [lo, Math.min(lo + 1, n - 1)]))].sort((a, b) => a - b);
  const stats = statisticsIn(values, wanted, range, options.where);
  return ranks.map((lo, i) => {
    const a = stats.get(lo) as number;
    const b = stats.get(Math.min(lo + 1, n - 1)) as number;
    return a + (fractions[i] as number) * (b - a) + 1;
  });
}

/** Score of one value against thresholds from `rfmThresholds`: 1 + the number of thresholds ≤ value. */
export function scoreAgainst(value: number, thresholds: ArrayLike<number>): number {
  let score = 1;
  for (let k = 0; k < thresholds.length; k++) if (value >= (thresholds[k] as number)) score++;
  return score;
}

/** Largest value range (max − min) for which integer data are counted rather than selected. */
const COUNTING_RANGE_LIMIT = 1 << 22;
/** Below this many values a quickselect on a copy is as fast as the radix histogram. */
const RADIX_FROM = 1 << 12;

interface ValueRange {
  readonly count: number;
  readonly min: number;
  readonly max: number;
  readonly integral: boolean;
}

function valueRange(values: ArrayLike<number>, where: ArrayLike<number> | undefined): ValueRange {
  let count = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  // Integer typed arrays need no integrality check.
  let integral = values instanceof Int32Array || values instanceof Uint32Array;
  const checkIntegral = !integral;
  if (checkIntegral) integral = true;
  for (let i = 0; i < values.length; i++) {
    if (where !== undefined && (where[i] as number) === 0) continue;
    const v = values[i] as number;
    count++;
    if (v < min) min = v;
    if (v > max) max = v;
    if (checkIntegral && integral && !Number.isInteger(v)) integral = false;
  }
  return { count, min, max, integral };
}

/**
 * The k-th smallest values (0-based ranks, ascending) of `values` (of those `where` keeps),
 * without sorting them and without reordering `values`.
 */
export function orderStatistics(
  values: ArrayLike<number>,
  ranks: readonly number[],
  options: SelectionOptions = {},
): Map<number, number> {
  return statisticsIn(values, ranks, valueRange(values, options.where), options.where);
}

function statisticsIn(
  values: ArrayLike<number>,
  ranks: readonly number[],
  range: ValueRange,
  where: ArrayLike<number> | undefined,
): Map<number, number> {
  if (range.integral && range.max - range.min <= COUNTING_RANGE_LIMIT) {
    return countingStatistics(values, ranks, range.min, range.max, where);
  }
  if (range.count >= RADIX_FROM && values instanceof Float64Array && LITTLE_ENDIAN) {
    return radixStatistics(values, ranks, where);
  }
  return selectionStatistics(included(values, range.count, where), ranks);
}

function countingStatistics(
  values: ArrayLike<number>,
  ranks: readonly number[],
  min: number,
  max: number,
  where: ArrayLike<number> | undefined,
) {
  const counts = new Uint32Array(max - min + 1);
  for (let i = 0; i < values.length; i++) {
    if (where !== undefined && (where[i] as number) === 0) continue;
    const bucket = (values[i] as number) - min;
    counts[bucket] = (counts[bucket] as number) + 1;
  }
  const out = new Map<number, number>();
  let seen = 0;
  let next = 0;
  for (let v = 0; v < counts.length && next < ranks.length; v++) {
    seen += counts[v] as number;
    while (next < ranks.length && (ranks[next] as number) < seen) out.set(ranks[next++] as number, v + min);
  }
  return out;
}

/** The values `where` keeps, in a Float64Array of their own (selection reorders it). */
function included(values: ArrayLike<number>, count: number, where: ArrayLike<number> | undefined): Float64Array {
  if (where === undefined) return Float64Array.from(values);
  const out = new Float64Array(count);
  let j = 0;
  for (let i = 0; i < values.length; i++) if ((where[i] as number) !== 0) out[j++] = values[i] as number;
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const RADIX_BUCKETS = 1 << 16;

/**
 * The top 16 bits of a double's high word, mapped so that bucket order is numeric order:
 * positive numbers get the sign bit set, negative ones have every bit flipped (their
 * magnitude order runs backwards). A bucket is a sixteenth of a power of two.
 */
function radixBucket(highWord: number): number {
  return (highWord ^ ((highWord >> 31) | 0x80000000)) >>> 16;
}

/**
 * Order statistics of many doubles in three sequential passes and no copy of the input:
 * a histogram of 65,536 buckets of the bit patterns locates each wanted rank in a bucket,
 * a second pass gathers just those buckets' values, and quickselect finishes inside them.
 * Exported for the property test that compares it with sorting on small inputs.
 */
export function radixStatistics(
  values: Float64Array,
  ranks: readonly number[],
  where?: ArrayLike<number>,
): Map<number, number> {
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  const counts = new Uint32Array(RADIX_BUCKETS);
  for (let i = 0; i < values.length; i++) {
    if (where !== undefined && (where[i] as number) === 0) continue;
    const b = radixBucket(words[2 * i + 1] as number);
    counts[b] = (counts[b] as number) + 1;
  }
  // Each wanted rank → its bucket and its rank inside it; buckets get a slot in `gathered`.
  const slotOf = new Int8Array(RADIX_BUCKETS).fill(-1);
  const buckets: number[] = [];
  const located: { rank: number; slot: number; inner: number }[] = [];
  let below = 0;
  let bucket = 0;
  for (const rank of ranks) {
    while (below + (counts[bucket] as number) <= rank) below += counts[bucket++] as number;
    if ((slotOf[bucket] as number) < 0) {
      slotOf[bucket] = buckets.length;
      buckets.push(bucket);
    }
    located.push({ rank, slot: slotOf[bucket] as number, inner: rank - below });
  }
  const gathered = buckets.map((b) => new Float64Array(counts[b] as number));
  const filled = new Int32Array(buckets.length);
  for (let i = 0; i < values.length; i++) {
    if (where !== undefined && (where[i] as number) === 0) continue;
    const slot = slotOf[radixBucket(words[2 * i + 1] as number)] as number;
    if (slot < 0) continue;
    const at = filled[slot] as number;
    filled[slot] = at + 1;
    (gathered[slot] as Float64Array)[at] = values[i] as number;
  }
  const out = new Map<number, number>();
  // Ranks ascend, so within a bucket each selection only needs the part right of the previous one.
  const selectedUpTo = new Int32Array(buckets.length);
  for (const { rank, slot, inner } of located) {
    const part = gathered[slot] as Float64Array;
    quickselect(part, inner, selectedUpTo[slot] as number, part.length - 1);
    selectedUpTo[slot] = inner;
    out.set(rank, part[inner] as number);
  }
  return out;
}

function selectionStatistics(a: Float64Array, ranks: readonly number[]) {
  const out = new Map<number, number>();
  // Ranks ascend, so each selection only needs the part right of the previous one; the
  // neighbour k + 1 that type-7 interpolation needs is just the minimum of that part.
  let from = 0;
  for (const k of ranks) {
    if (k === from + 1 && out.has(from)) moveMinimumTo(a, k);
    else quickselect(a, k, from, a.length - 1);
    out.set(k, a[k] as number);
    from = k;
  }
  return out;
}

/** Swaps the smallest of a[k..] into a[k]: one pass instead of a selection. */
function moveMinimumTo(a: Float64Array, k: number): void {
  let at = k;
  for (let i = k + 1; i < a.length; i++) if ((a[i] as number) < (a[at] as number)) at = i;
  const t = a[k] as number;
  a[k] = a[at] as number;
  a[at] = t;
}

/** Hoare-partition quickselect with median-of-three pivots: afterwards a[k] is the k-th smallest of a[left..right]. */
function quickselect(a: Float64Array, k: number, left: number, right: number): void {
  let lo = left;
  let hi = right;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot keeps sorted or reversed input linear.
    const x = a[lo] as number;
    const y = a[mid] as number;
    const z = a[hi] as number;
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}
