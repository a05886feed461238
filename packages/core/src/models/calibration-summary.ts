import type { CustomerHistory } from './customer-history.ts';

/** One purchase: a customer, the day it happened (day number, see rfm/day-number.ts), its value. */
export interface Purchase {
  readonly customerId: string;
  readonly day: number;
  readonly amount: number;
}

export interface CalibrationOptions {
  /** Last day (inclusive) of the calibration period, as a day number. */
  readonly calibrationEnd: number;
  /** Days per model time unit: 7 for the weeks of the published CDNOW results. */
  readonly unitDays?: number;
  /** Last day (inclusive) of the holdout period, if any: repeat purchases after calibration are counted up to it. */
  readonly holdoutEnd?: number;
}

export interface CustomerSummary extends CustomerHistory {
  readonly customerId: string;
  readonly firstDay: number;
  /** Mean value of the x repeat purchases (z̄), 0 when x = 0: the first purchase is left out, as in the CDNOW summary. */
  readonly meanSpend: number;
  /** Purchases (days with orders) after the calibration period, up to the holdout end. */
  readonly holdoutPurchases: number;
}

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
