/**
 * Score thresholds of the R package rfm (v0.3.0, `bins()` in R/utils.R), reproduced
 * exactly: for n bins the cut points are the R type-7 quantiles at k/n (k = 1..n−1)
 * plus one, and a value v scores k + 1 where k is the number of cut points ≤ v. Equal
 * values therefore always get equal scores. The "+ 1" is the package's own convention
 * (it makes the bins [min, q₁+1), [q₁+1, q₂+1), …, [qₙ₋₁+1, max+1)); we keep it so our
 * scores match the package's on its own data.
 *
 * The order statistics come from selection, not a full sort: counting for small-range
 * integers (frequencies, recency in days), quickselect otherwise.
 */
export function rfmThresholds(
  values: ArrayLike<number>,
  bins: number,
  options: { mayReorder?: boolean } = {},
): number[] {
  const n = values.length;
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
  const stats = orderStatistics(values, wanted, options);
  return ranks.map((lo, i) => {
    const a = stats.get(lo) as number;
    const b = stats.get(Math.min(lo + 1, n - 1)) as number;
    return a + (fractions[i] as number) * (b - a) + 1;
  });
}

/** Score of one value against thresholds from `rfmThresholds`: 1 + the number of thresholds ≤ value. */
export function scoreAgainst(value: number, thresholds: ArrayLike<number>): number {
  // An indexed loop: the hot path scores millions of values against a Float64Array of cut points.
  let score = 1;
  for (let k = 0; k < thresholds.length; k++) if (value >= (thresholds[k] as number)) score++;
  return score;
}

/** Largest value range (max − min) for which integer data are counted rather than selected. */
const COUNTING_RANGE_LIMIT = 1 << 22;

/**
 * The k-th smallest values (0-based ranks, ascending) of `values`, without sorting them.
 * Selection reorders a copy, or `values` itself when the caller owns it and says `mayReorder`.
 */
export function orderStatistics(
  values: ArrayLike<number>,
  ranks: readonly number[],
  { mayReorder = false }: { mayReorder?: boolean } = {},
): Map<number, number> {
  const n = values.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  // Integer typed arrays need no integrality check.
  let integral = values instanceof Int32Array || values instanceof Uint32Array;
  const checkIntegral = !integral;
  if (checkIntegral) integral = true;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
    if (checkIntegral && integral && !Number.isInteger(v)) integral = false;
  }
  return integral && max - min <= COUNTING_RANGE_LIMIT
    ? countingStatistics(values, ranks, min, max)
    : selectionStatistics(mayReorder && values instanceof Float64Array ? values : Float64Array.from(values), ranks);
}

function countingStatistics(values: ArrayLike<number>, ranks: readonly number[], min: number, max: number) {
  const counts = new Uint32Array(max - min + 1);
  for (let i = 0; i < values.length; i++) {
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
