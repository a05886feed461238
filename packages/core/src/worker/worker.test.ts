import { describe, expect, it } from 'vitest';
import { analyticsApi } from './api.ts';
import { connectAnalyticsWorker } from './client.ts';
import { serveAnalytics } from './serve.ts';

describe('the analytics worker protocol', () => {
  it('should score columnar orders on the other side of a port and transfer the arrays both ways', async () => {
    const { port1, port2 } = new MessageChannel();
    serveAnalytics(port1);
    const client = connectAnalyticsWorker(port2);
    const orders = {
      customers: 2,
      customer: Uint32Array.of(0, 1, 1),
      day: Int32Array.of(100, 90, 95),
      amount: Float64Array.of(10, 5, 7),
    };
    const sent = orders.customer;
    const { orders: back, result } = await client.scoreRfmColumns(orders, { asOfDay: 100 });
    // Transferred, not copied: the caller's arrays are detached while the worker holds them…
    expect(sent.byteLength).toBe(0);
    // …and come back intact with the result.
    expect([...back.customer]).toEqual([0, 1, 1]);
    expect([...result.frequency]).toEqual([1, 2]);
    expect([...result.recencyDays]).toEqual([0, 5]);
    client.terminate();
    port1.close();
  });

  it('should reach the plain functions of the api too', async () => {
    const { port1, port2 } = new MessageChannel();
    serveAnalytics(port1);
    const client = connectAnalyticsWorker(port2);
    const fit = await client.remote.fitBgNbd([{ x: 0, tx: 0, T: 1 }]);
    expect(fit).toMatchObject({ ok: false, reason: 'too-little-data' });
    client.terminate();
    port1.close();
  });
});

describe('the analytics api validates what crosses the boundary', () => {
  it('should refuse order columns of the wrong types or lengths', () => {
    const bad = { customers: 1, customer: [0], day: Int32Array.of(1), amount: Float64Array.of(1) };
    expect(() => analyticsApi.scoreRfmColumns(bad as never, { asOfDay: 2 })).toThrow();
    const uneven = { customers: 1, customer: Uint32Array.of(0, 0), day: Int32Array.of(1), amount: Float64Array.of(1) };
    expect(() => analyticsApi.scoreRfmColumns(uneven, { asOfDay: 2 })).toThrow(/same length/);
  });

  it('should refuse a purchase without a customer', () => {
    expect(() =>
      analyticsApi.summarizeCalibration([{ customerId: '', day: 1, amount: 1 }], { calibrationEnd: 5 }),
    ).toThrow();
  });
});
