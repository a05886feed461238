import * as z from 'zod';
import { CustomerHistorySchema } from './customer-history.ts';

/** One purchase: a customer, the day it happened (day number, see rfm/day-number.ts), its value. */
export const PurchaseSchema = z.object({
  customerId: z.string().min(1),
  day: z.number().int(),
  amount: z.number().finite().nonnegative(),
});
export type Purchase = z.infer<typeof PurchaseSchema>;

export const CalibrationOptionsSchema = z.object({
  /** Last day (inclusive) of the calibration period, as a day number. */
  calibrationEnd: z.number().int(),
  /** Days per model time unit: 7 for the weeks of the published CDNOW results. */
  unitDays: z.number().positive().optional(),
  /** Last day (inclusive) of the holdout period, if any: repeat purchases after calibration are counted up to it. */
  holdoutEnd: z.number().int().optional(),
});
export type CalibrationOptions = z.infer<typeof CalibrationOptionsSchema>;

export const CustomerSummarySchema = z.intersection(
  CustomerHistorySchema,
  z.object({
    customerId: z.string().min(1),
    firstDay: z.number().int(),
    /** Mean value of the x repeat purchases (z̄), 0 when x = 0: the first purchase is left out, as in the CDNOW summary. */
    meanSpend: z.number().finite().nonnegative(),
    /** Purchases (days with orders) after the calibration period, up to the holdout end. */
    holdoutPurchases: z.number().int().nonnegative(),
  }),
);
export type CustomerSummary = z.infer<typeof CustomerSummarySchema>;

/**
 * Turns raw transactions into the per-customer summary the customer-base models take,
 * with the conventions of the published CDNOW results: purchases on the same day are
 * one purchase (their values summed); x counts repeat purchases (the first is not
 * counted); t_x runs from the first purchase to the last repeat purchase; T from the
 * first purchase to the end of calibration. Customers whose first purchase falls after
 * the calibration end are not part of the cohort.
 */
export function summarizeCalibration(purchases: Iterable<Purchase>, options: CalibrationOptions): CustomerSummary[] {
  const { calibrationEnd, unitDays = 7, holdoutEnd = calibrationEnd } = options;
  const byCustomer = new Map<string, Map<number, number>>();
  for (const p of purchases) {
    const days = byCustomer.get(p.customerId) ?? new Map<number, number>();
    byCustomer.set(p.customerId, days);
    days.set(p.day, (days.get(p.day) ?? 0) + p.amount);
  }
  const out: CustomerSummary[] = [];
  for (const [customerId, days] of byCustomer) {
    const sorted = [...days.keys()].sort((a, b) => a - b);
    const firstDay = sorted[0] as number;
    if (firstDay > calibrationEnd) continue;
    let x = 0;
    let lastDay = firstDay;
    let repeatValue = 0;
    let holdoutPurchases = 0;
    for (const day of sorted.slice(1)) {
      if (day <= calibrationEnd) {
        x++;
        lastDay = day;
        repeatValue += days.get(day) as number;
      } else if (day <= holdoutEnd) holdoutPurchases++;
    }
    out.push({
      customerId,
      firstDay,
      x,
      tx: (lastDay - firstDay) / unitDays,
      T: (calibrationEnd - firstDay) / unitDays,
      meanSpend: x > 0 ? repeatValue / x : 0,
      holdoutPurchases,
    });
  }
  return out;
}
