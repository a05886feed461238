import * as z from 'zod';
import { fitBgNbd } from '../models/bg-nbd.ts';
import {
  type CalibrationOptions,
  CalibrationOptionsSchema,
  type CustomerSummary,
  CustomerSummarySchema,
  type Purchase,
  PurchaseSchema,
  summarizeCalibration,
} from '../models/calibration-summary.ts';
import type { CustomerHistory } from '../models/customer-history.ts';
import { type ClvOptions, valueCohort } from '../models/customer-value.ts';
import {
  type OrderColumns,
  OrderColumnsSchema,
  type RfmOptions,
  type RfmOrder,
  scoreRfm,
  scoreRfmColumns,
} from '../rfm/score-rfm.ts';

/**
 * What the analytics worker does, as plain functions of structured-cloneable data. The
 * worker only exposes this object; the client only wraps it — so everything here is
 * testable without a worker, and the types of both sides come from one place. Messages
 * cross a context boundary, so every argument is validated here (the domain functions
 * validate their options and model inputs themselves).
 */
export const analyticsApi = {
  /**
   * RFM for columnar orders. The orders come back with the result so the caller can keep
   * using the arrays it transferred in (serve.ts transfers both ways).
   */
  scoreRfmColumns(orders: OrderColumns, options: RfmOptions) {
    const parsed = OrderColumnsSchema.parse(orders);
    return { orders: parsed, result: scoreRfmColumns(parsed, options) };
  },
  scoreRfm(orders: RfmOrder[], options: RfmOptions) {
    return scoreRfm(orders, options);
  },
  summarizeCalibration(purchases: Purchase[], options: CalibrationOptions): CustomerSummary[] {
    return summarizeCalibration(z.array(PurchaseSchema).parse(purchases), CalibrationOptionsSchema.parse(options));
  },
  fitBgNbd(histories: CustomerHistory[]) {
    return fitBgNbd(histories);
  },
  valueCohort(summaries: CustomerSummary[], options: ClvOptions) {
    return valueCohort(z.array(CustomerSummarySchema).parse(summaries), options);
  },
};

export type AnalyticsApi = typeof analyticsApi;

/** The buffers behind the typed arrays of a value (searched through plain objects): what to transfer instead of copy. */
export function transferablesOf(value: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const visit = (v: unknown) => {
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) out.add(v.buffer);
    } else if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const inner of Object.values(v)) visit(inner);
    }
  };
  visit(value);
  return [...out];
}
