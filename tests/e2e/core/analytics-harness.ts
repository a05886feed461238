/// <reference types="vite/client" />
// A page that drives the analytics Web Worker for analytics-worker.spec.ts (bundled with Vite by the spec;
// the worker is inlined as a blob so the page needs no server for it).
import type { CustomerHistory, OrderColumns } from '@cordial/core';
import { connectAnalyticsWorker } from '@cordial/core/worker';
import AnalyticsWorker from '../../../packages/core/src/worker/worker.ts?worker&inline';

const worker = connectAnalyticsWorker(new AnalyticsWorker());

const harness = {
  /** Scores columnar orders in the worker; reports what came back and whether the page's arrays were moved. */
  async scoreColumns(customers: number, customer: number[], day: number[], amount: number[], asOfDay: number) {
    const orders: OrderColumns = {
      customers,
      customer: Uint32Array.from(customer),
      day: Int32Array.from(day),
      amount: Float64Array.from(amount),
    };
    const sent = orders.amount;
    const { orders: back, result } = await worker.scoreRfmColumns(orders, { asOfDay });
    const counts: Record<string, number> = {};
    for (const s of result.segment) {
      const name = result.segmentNames[s] ?? 'not scored';
      counts[name] = (counts[name] ?? 0) + 1;
    }
    return {
      detachedWhileAway: sent.byteLength === 0,
      returnedOrders: back.amount.length,
      resultIsTypedArray: result.frequency instanceof Uint32Array,
      counts,
      thresholds: result.thresholds,
    };
  },
  async fitBgNbd(histories: CustomerHistory[]) {
    return worker.remote.fitBgNbd(histories);
  },
};

export type Harness = typeof harness;
(window as unknown as { harness: Harness }).harness = harness;
document.body.dataset.ready = 'true';
