import * as z from 'zod';

/**
 * One customer's purchase history in the "buy till you die" convention (Fader, Hardie
 * and Lee 2005): x repeat purchases, the last at t_x, observed for T, all in the same
 * time unit (weeks for CDNOW), measured from the customer's first purchase.
 */
export const CustomerHistorySchema = z
  .object({
    x: z.number().int().nonnegative(),
    tx: z.number().nonnegative(),
    T: z.number().nonnegative(),
  })
  .refine((h) => h.tx <= h.T + 1e-9, { message: 't_x (time of the last purchase) cannot exceed T' })
  .refine((h) => h.x > 0 || h.tx === 0, { message: 't_x must be 0 when there is no repeat purchase' });
export type CustomerHistory = z.infer<typeof CustomerHistorySchema>;

/**
 * Histories with identical (x, t_x, T) collapsed into one row with a weight: CDNOW's
 * 2,357 customers share far fewer distinct rows, and every likelihood evaluation of the
 * optimiser then costs less. `xLevels` lists the distinct x so log-gamma terms are
 * computed once per level, not once per customer.
 */
export interface PreparedCohort {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly weight: Float64Array;
  readonly xLevel: Uint32Array;
  readonly xLevels: Float64Array;
  /** Index into `tLevels` of each row's T and of its t_x (calendar-day data repeat a few hundred values). */
  readonly TLevel: Uint32Array;
  readonly txLevel: Uint32Array;
  readonly tLevels: Float64Array;
  readonly customers: number;
  readonly repeatCustomers: number;
}

export function prepareCohort(histories: readonly CustomerHistory[]): PreparedCohort {
  // Sort row indices by (x, t_x, T) and merge equal neighbours: numeric comparisons, no string keys.
  const order = histories.map((_, i) => i);
  const at = (i: number) => histories[i] as CustomerHistory;
  order.sort((i, j) => at(i).x - at(j).x || at(i).tx - at(j).tx || at(i).T - at(j).T);
  const rows: { h: CustomerHistory; n: number }[] = [];
  for (const i of order) {
    const h = at(i);
    const last = rows[rows.length - 1];
    if (last && last.h.x === h.x && last.h.tx === h.tx && last.h.T === h.T) last.n++;
    else rows.push({ h, n: 1 });
  }
  const levels = [...new Set(rows.map((r) => r.h.x))];
  const levelOf = new Map(levels.map((x, i) => [x, i]));
  const times = [...new Set(rows.flatMap((r) => [r.h.T, r.h.tx]))];
  const timeOf = new Map(times.map((t, i) => [t, i]));
  return {
    x: Float64Array.from(rows, (r) => r.h.x),
    tx: Float64Array.from(rows, (r) => r.h.tx),
    T: Float64Array.from(rows, (r) => r.h.T),
    weight: Float64Array.from(rows, (r) => r.n),
    xLevel: Uint32Array.from(rows, (r) => levelOf.get(r.h.x) as number),
    xLevels: Float64Array.from(levels),
    TLevel: Uint32Array.from(rows, (r) => timeOf.get(r.h.T) as number),
    txLevel: Uint32Array.from(rows, (r) => timeOf.get(r.h.tx) as number),
    tLevels: Float64Array.from(times),
    customers: histories.length,
    repeatCustomers: histories.reduce((n, h) => n + (h.x > 0 ? 1 : 0), 0),
  };
}
