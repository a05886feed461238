import { compileSegmentLookup, segmentLookupIndex } from '../segments/assign-segment.ts';
import type { SegmentRules } from '../segments/segment-rules.ts';
import { scoreAgainst } from './quantile-thresholds.ts';
import type { RfmThresholds } from './score-rfm.ts';

/** Marks a customer with no order on or before the analysis date: not scored, not segmented. */
export const NOT_SCORED = 0;
export const NO_SEGMENT = 255;

export interface ScoreInput {
  readonly recencyDays: Int32Array;
  /** 0 marks a customer without orders: left unscored. */
  readonly frequency: Uint32Array;
  readonly monetary: Float64Array;
}

export interface Scores {
  readonly r: Uint8Array;
  readonly f: Uint8Array;
  readonly m: Uint8Array;
  readonly segment: Uint8Array;
}

/** Bins go up to 10, so at most 9 cut points. */
const MAX_CUTS = 9;
/** Longest run of integers scored by table (64 KB); a longer one (centuries of recency) is compared instead. */
const TABLE_LIMIT = 1 << 16;

/**
 * Scores 1..bins (1 + the number of cut points ≤ the value; recency reversed) and the
 * segment of every customer with orders. The per-customer work is free of unpredictable
 * branches, which cost more than everything else here: recency and frequency are small
 * integers, so their scores are read from a table; monetary values are compared with all
 * nine (padded) cut points and the results added; the segment is one read of the rule
 * table compiled to bins³ entries.
 */
export function scoreAndSegment(input: ScoreInput, cuts: RfmThresholds, bins: number, rules: SegmentRules): Scores {
  const { recencyDays, frequency, monetary } = input;
  const customers = frequency.length;
  const r = new Uint8Array(customers);
  const f = new Uint8Array(customers);
  const m = new Uint8Array(customers);
  const segment = new Uint8Array(customers).fill(NO_SEGMENT);
  const lookup = compileSegmentLookup(rules, bins);
  // Scored customers have recency ≥ 0 (later orders are left out) and frequency ≥ 1.
  const recencyTable = scoreTable(cuts.recency, 0, (score) => bins + 1 - score);
  const frequencyTable = scoreTable(cuts.frequency, 1, (score) => score);
  if (recencyTable === undefined || frequencyTable === undefined) {
    scoreByComparison(input, cuts, bins, lookup, { r, f, m, segment });
    return { r, f, m, segment };
  }
  const recencyLast = recencyTable.length - 1;
  const frequencyLast = frequencyTable.length - 1;
  const monetaryCuts = paddedCuts(cuts.monetary);
  for (let c = 0; c < customers; c++) {
    const count = frequency[c] as number;
    if (count === 0) continue;
    const rc = recencyTable[Math.min(recencyDays[c] as number, recencyLast)] as number;
    const fc = frequencyTable[Math.min(count - 1, frequencyLast)] as number;
    const mc = 1 + cutsAtOrBelow(monetary[c] as number, monetaryCuts);
    r[c] = rc;
    f[c] = fc;
    m[c] = mc;
    segment[c] = lookup[segmentLookupIndex(bins, rc, fc, mc)] as number;
  }
  return { r, f, m, segment };
}

/**
 * The score of every integer from `lowest` up to the last cut point (entry v − lowest);
 * anything above scores like the last entry. Undefined when that run is too long.
 */
export function scoreTable(
  cuts: readonly number[],
  lowest: number,
  map: (score: number) => number,
): Uint8Array | undefined {
  const last = Math.ceil(cuts[cuts.length - 1] ?? lowest);
  const length = Math.max(1, last - lowest + 1);
  if (length > TABLE_LIMIT) return undefined;
  const table = new Uint8Array(length);
  for (let i = 0; i < length; i++) table[i] = map(scoreAgainst(lowest + i, cuts));
  return table;
}

/** The cut points in nine slots, the unused ones +∞ (no value reaches them). */
function paddedCuts(cuts: readonly number[]): Float64Array {
  if (cuts.length > MAX_CUTS) throw new RangeError(`at most ${MAX_CUTS + 1} bins`);
  const out = new Float64Array(MAX_CUTS).fill(Number.POSITIVE_INFINITY);
  out.set(cuts);
  return out;
}

/** How many of the nine padded cut points are ≤ v, without a branch per comparison. */
function cutsAtOrBelow(v: number, c: Float64Array): number {
  return (
    Number(v >= (c[0] as number)) +
    Number(v >= (c[1] as number)) +
    Number(v >= (c[2] as number)) +
    Number(v >= (c[3] as number)) +
    Number(v >= (c[4] as number)) +
    Number(v >= (c[5] as number)) +
    Number(v >= (c[6] as number)) +
    Number(v >= (c[7] as number)) +
    Number(v >= (c[8] as number))
  );
}

/** The general loop, for integer ranges too long to tabulate. */
function scoreByComparison(input: ScoreInput, cuts: RfmThresholds, bins: number, lookup: Uint8Array, out: Scores) {
  const { recencyDays, frequency, monetary } = input;
  const recencyCuts = paddedCuts(cuts.recency);
  const frequencyCuts = paddedCuts(cuts.frequency);
  const monetaryCuts = paddedCuts(cuts.monetary);
  for (let c = 0; c < frequency.length; c++) {
    if ((frequency[c] as number) === 0) continue;
    const rc = bins - cutsAtOrBelow(recencyDays[c] as number, recencyCuts);
    const fc = 1 + cutsAtOrBelow(frequency[c] as number, frequencyCuts);
    const mc = 1 + cutsAtOrBelow(monetary[c] as number, monetaryCuts);
    out.r[c] = rc;
    out.f[c] = fc;
    out.m[c] = mc;
    out.segment[c] = lookup[segmentLookupIndex(bins, rc, fc, mc)] as number;
  }
}
