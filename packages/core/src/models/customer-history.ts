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
  const rows = new Map<string, { h: CustomerHistory; n: number }>();
  for (const h of histories) {
    const key = `${h.x}|${h.tx}|${h.T}`;
    const row = rows.get(key);
    if (row) row.n++;
    else rows.set(key, { h, n: 1 });
  }
  const list = [...rows.values()];
  const levels = [...new Set(list.map((r) => r.h.x))].sort((a, b) => a - b);
  const levelOf = new Map(levels.map((x, i) => [x, i]));
  const times = [...new Set(list.flatMap((r) => [r.h.T, r.h.tx]))].sort((a, b) => a - b);
  const timeOf = new Map(times.map((t, i) => [t, i]));
  return {
    x: Float64Array.from(list, (r) => r.h.x),
    tx: Float64Array.from(list, (r) => r.h.tx),
    T: Float64Array.from(list, (r) => r.h.T),
    weight: Float64Array.from(list, (r) => r.n),
    xLevel: Uint32Array.from(list, (r) => levelOf.get(r.h.x) as number),
    xLevels: Float64Array.from(levels),
    TLevel: Uint32Array.from(list, (r) => timeOf.get(r.h.T) as number),
    txLevel: Uint32Array.from(list, (r) => timeOf.get(r.h.tx) as number),
    tLevels: Float64Array.from(times),
    customers: histories.length,
    repeatCustomers: histories.filter((h) => h.x > 0).length,
  };
}
