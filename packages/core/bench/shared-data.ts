// The public reference data of /work/shared/data (see its README.md), read for the tests
// that pin published results and for the benchmarks. Node only.
import { readFileSync } from 'node:fs';
import { readOrderTable } from '../src/cli/order-table.ts';
import type { Purchase } from '../src/models/calibration-summary.ts';
import type { CustomerHistory } from '../src/models/customer-history.ts';
import type { SpendHistory } from '../src/models/gamma-gamma.ts';

export const SHARED_DATA = process.env.CORDIAL_SHARED_DATA ?? '/work/shared/data';
export const CDNOW = `${SHARED_DATA}/cdnow`;
export const RFM_ORDERS_CSV = `${SHARED_DATA}/rfm-orders/rfm_data_orders.csv`;

function csvNumbers(path: string): number[][] {
  return readFileSync(path, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').map(Number));
}

/** The published 39-week calibration summary (ID, x, t_x, T), in ID order. */
export function cdnowSummary(): (CustomerHistory & { id: number })[] {
  return csvNumbers(`${CDNOW}/cdnow_customers_summary.csv`).map(([id, x, tx, T]) => ({
    id: id as number,
    x: x as number,
    tx: tx as number,
    T: T as number,
  }));
}

/** The same summary with z̄, the mean value of the repeat purchases. */
export function cdnowSpend(): (SpendHistory & { id: number })[] {
  return csvNumbers(`${CDNOW}/cdnow_customers_summary_with_transactions.csv`).map(([id, x, , , zbar]) => ({
    id: id as number,
    x: x as number,
    meanSpend: zbar as number,
  }));
}

function orders(path: string): Purchase[] {
  const table = readOrderTable(readFileSync(path, 'utf8'));
  if (!table.ok) throw new Error(`${path}: ${table.message}`);
  return table.purchases;
}

/** CDNOW_sample.txt: 6,919 transactions of the 2,357 sampled customers (customer = sample id). */
export const cdnowSampleOrders = () => orders(`${CDNOW}/CDNOW_sample.txt`);

/** The 4,906 example orders of the R package rfm. */
export const rfmPackageOrders = () => orders(RFM_ORDERS_CSV);
