import { OTHERS_SEGMENT, type SegmentRule } from './segment-rules.ts';

const inRange = (score: number, [lo, hi]: readonly [number, number]) => score >= lo && score <= hi;

/** Index of the first rule matching the scores, or −1 (the "Others" segment). */
export function matchSegmentRule(rules: readonly SegmentRule[], r: number, f: number, m: number): number {
  return rules.findIndex((rule) => inRange(r, rule.recency) && inRange(f, rule.frequency) && inRange(m, rule.monetary));
}

export function assignSegment(rules: readonly SegmentRule[], r: number, f: number, m: number): string {
  return rules[matchSegmentRule(rules, r, f, m)]?.name ?? OTHERS_SEGMENT;
}

/**
 * The rule table folded into a lookup of every (r, f, m) combination: bins³ entries
 * (125 for five bins) holding the rule index, with `rules.length` meaning "Others".
 * Segmenting a million customers is then one array read each.
 */
export function compileSegmentLookup(rules: readonly SegmentRule[], bins: number): Uint8Array {
  if (rules.length > 254) throw new RangeError('at most 254 segment rules fit the compiled lookup');
  const lookup = new Uint8Array(bins * bins * bins);
  for (let r = 1; r <= bins; r++) {
    for (let f = 1; f <= bins; f++) {
      for (let m = 1; m <= bins; m++) {
        const i = matchSegmentRule(rules, r, f, m);
        lookup[segmentLookupIndex(bins, r, f, m)] = i < 0 ? rules.length : i;
      }
    }
  }
  return lookup;
}

export function segmentLookupIndex(bins: number, r: number, f: number, m: number): number {
  return ((r - 1) * bins + (f - 1)) * bins + (m - 1);
}
