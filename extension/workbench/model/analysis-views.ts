import { STAGES } from './analyse';
import type { CustomerRow } from './customers';

export interface RfmCell {
  r: number;
  f: number;
  count: number;
  /** Mean monetary value (spend so far) of the cell's customers; undefined when empty. */
  meanMonetary: number | undefined;
}

/** The recency × frequency grid (scores 1–5), each cell with its count and mean monetary value. */
export function rfmGrid(rows: readonly CustomerRow[], bins = 5): RfmCell[][] {
  const sums = Array.from({ length: bins }, () => Array.from({ length: bins }, () => ({ count: 0, sum: 0 })));
  for (const row of rows) {
    if (row.r < 1 || row.f < 1) continue;
    const cell = sums[row.r - 1]?.[row.f - 1];
    if (!cell) continue;
    cell.count++;
    cell.sum += row.monetary;
  }
  return sums.map((line, ri) =>
    line.map((c, fi) => ({
      r: ri + 1,
      f: fi + 1,
      count: c.count,
      meanMonetary: c.count > 0 ? c.sum / c.count : undefined,
    })),
  );
}

export interface SegmentMove {
  segment: string;
  now: number;
  lastMonth: number;
  /** Customers who came into the segment / left it since last month. */
  joined: number;
  left: number;
}

/** Segment sizes now and a month ago, with the flows in and out of each. */
export function segmentMovement(rows: readonly CustomerRow[], order: readonly string[]): SegmentMove[] {
  const moves = new Map<string, SegmentMove>(
    order.map((segment) => [segment, { segment, now: 0, lastMonth: 0, joined: 0, left: 0 }]),
  );
  const get = (segment: string) => {
    let m = moves.get(segment);
    if (!m) {
      m = { segment, now: 0, lastMonth: 0, joined: 0, left: 0 };
      moves.set(segment, m);
    }
    return m;
  };
  for (const row of rows) {
    if (row.segment) get(row.segment).now++;
    if (row.segmentBefore) get(row.segmentBefore).lastMonth++;
    if (row.segment !== row.segmentBefore) {
      if (row.segment) get(row.segment).joined++;
      if (row.segmentBefore) get(row.segmentBefore).left++;
    }
  }
  return [...moves.values()].filter((m) => m.now + m.lastMonth > 0);
}

export interface Bucket {
  label: string;
  count: number;
}

/** Contacts per life-cycle stage, in the order of the life cycle (the funnel). */
export function lifecycleFunnel(rows: readonly CustomerRow[]): Bucket[] {
  const counts = new Map<string, number>(STAGES.map((s) => [s, 0]));
  for (const row of rows) counts.set(row.stage, (counts.get(row.stage) ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ label, count }));
}

/** Customers per P(alive) decile band (0–10 %, …, 90–100 %). */
export function churnDistribution(rows: readonly CustomerRow[]): Bucket[] {
  const counts = new Array<number>(10).fill(0);
  for (const row of rows) {
    if (row.pAlive === undefined) continue;
    const band = Math.min(9, Math.floor(row.pAlive * 10));
    counts[band] = (counts[band] as number) + 1;
  }
  return counts.map((count, i) => ({ label: `${i * 10}–${i * 10 + 10} %`, count }));
}

/**
 * CLV histogram with bounds at "nice" steps up to the 99th percentile (the long tail goes into the
 * last bucket, so one whale does not squash every other bar), plus customer equity (the sum).
 */
export function clvDistribution(rows: readonly CustomerRow[], buckets = 8) {
  const values = rows.map((r) => r.clv).filter((v): v is number => v !== undefined);
  values.sort((a, b) => a - b);
  const equity = values.reduce((s, v) => s + v, 0);
  if (values.length === 0) return { buckets: [] as (Bucket & { from: number; to: number })[], equity, customers: 0 };
  const top = values[Math.floor((values.length - 1) * 0.99)] as number;
  const raw = top / buckets;
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  const step = ([1, 2, 5, 10].find((k) => k * magnitude >= raw) ?? 10) * magnitude;
  const list = Array.from({ length: buckets }, (_, i) => ({ from: i * step, to: (i + 1) * step, label: '', count: 0 }));
  for (const v of values) (list[Math.min(buckets - 1, Math.max(0, Math.floor(v / step)))] as Bucket).count++;
  const last = list[buckets - 1] as { to: number };
  last.to = Infinity;
  return { buckets: list, equity, customers: values.length };
}
