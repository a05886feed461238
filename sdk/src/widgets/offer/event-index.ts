import type { LoggedEvent } from '../../profile';
import type { EventCondition } from './config';

/**
 * Times of the visitor's events by (name, category) and (name, product), ascending, so
 * that "viewed category X at least twice in 7 days" is two binary searches instead of a
 * scan of the whole history for every rule of every offer.
 */
export class EventIndex {
  private _times = new Map<string, number[]>();
  private _source: LoggedEvent[] | null = null;
  private _first: LoggedEvent | undefined;
  private _count = 0;

  /** Brings the index up to date with the profile's log (appends, or rebuilds after trimming). */
  sync(events: LoggedEvent[]): void {
    if (events !== this._source || events[0] !== this._first || events.length < this._count) {
      this._times.clear();
      this._count = 0;
      this._source = events;
      this._first = events[0];
    }
    for (let i = this._count; i < events.length; i++) {
      const event = events[i] as LoggedEvent;
      this._add(`${event.e}\u0000`, event.t);
      if (event.c) this._add(`${event.e}\u0000c${event.c}`, event.t);
      if (event.p) this._add(`${event.e}\u0000p${event.p}`, event.t);
    }
    this._count = events.length;
  }

  private _add(key: string, t: number) {
    const list = this._times.get(key);
    if (!list) this._times.set(key, [t]);
    else if (t >= (list[list.length - 1] ?? 0)) list.push(t);
    else list.splice(lowerBound(list, t), 0, t); // out-of-order timestamps (clock changes) stay sorted
  }

  /** How many matching events happened at or after `since` (epoch ms). */
  count(condition: EventCondition, since: number): number {
    const key = `${condition.event}\u0000${condition.productId ? `p${condition.productId}` : condition.category ? `c${condition.category}` : ''}`;
    const list = this._times.get(key);
    if (!list) return 0;
    if (condition.productId && condition.category) return countBoth(this._source ?? [], condition, since);
    return list.length - lowerBound(list, since);
  }
}

/** Rare: a condition on both product and category needs the log itself. */
function countBoth(events: LoggedEvent[], c: EventCondition, since: number): number {
  let n = 0;
  for (const e of events) if (e.t >= since && e.e === c.event && e.p === c.productId && e.c === c.category) n++;
  return n;
}

function lowerBound(list: number[], t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
