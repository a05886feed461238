import type { TimeRange } from '../ports/repository.ts';

/** A TimeRange as epoch ms bounds: `from` inclusive, `to` exclusive, open ends as ±Infinity. */
export function timeBounds(range: TimeRange = {}): { from: number; to: number } {
  return {
    from: range.from === undefined ? Number.NEGATIVE_INFINITY : Date.parse(range.from),
    to: range.to === undefined ? Number.POSITIVE_INFINITY : Date.parse(range.to),
  };
}
