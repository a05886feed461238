import { describe, expect, it } from 'vitest';
import { rfmPackageOrders } from '../../bench/shared-data.ts';
import type { SegmentRules } from '../segments/segment-rules.ts';
import { parseDayNumber } from './day-number.ts';
import { rfmThresholds } from './quantile-thresholds.ts';
import { type RfmOrder, scoreRfm, scoreRfmColumns, summarizeSegments } from './score-rfm.ts';

const AS_OF = parseDayNumber('2006-12-31') as number;

describe('scoreRfm on the R package rfm example orders (analysis date 2006-12-31)', () => {
  const result = scoreRfm(rfmPackageOrders(), { asOfDay: AS_OF });
  const byId = new Map(result.rows.map((row) => [row.customerId, row]));

  it('should score all 995 customers over 4,906 orders', () => {
    expect(result.rows).toHaveLength(995);
    expect(result.rows.reduce((n, row) => n + row.frequency, 0)).toBe(4906);
  });

  it('should reproduce the segment counts of the package documentation (35 Champions, 148 Lost)', () => {
    const counts = Object.fromEntries(summarizeSegments(result.rows).map((s) => [s.segment, s.customers]));
    expect(counts).toEqual({
      Champions: 35,
      'Potential Loyalist': 342,
      'Loyal Customers': 170,
      Promising: 9,
      'New Customers': 104,
      "Can't Lose Them": 47,
      'At Risk': 28,
      'Need Attention': 10,
      'About To Sleep': 102,
      Lost: 148,
    });
  });

  it('should reproduce the rows printed in the package README', () => {
    // customer, rfm_score, transaction_count, recency_days, amount (README of rsquaredacademy/rfm v0.3.0)
    const printed: [string, number, number, number, number][] = [
      ["Abbey O'Reilly", 343, 6, 205, 472],
      ['Add Senger', 412, 3, 140, 340],
      ['Aden Lesch', 323, 4, 194, 405],
      ['Aden Murphy', 544, 7, 98, 596],
      ['Admiral Senger', 433, 5, 132, 448],
    ];
    for (const [id, score, frequency, recencyDays, monetary] of printed) {
      const row = byId.get(id);
      expect(row && row.r * 100 + row.f * 10 + row.m).toBe(score);
      expect(row).toMatchObject({ frequency, recencyDays, monetary });
    }
  });

  it('should cut at the type-7 quantiles plus one, the thresholds the package documentation shows', () => {
    // Its example of custom thresholds (rounded): recency 115, 181, 297, 482; frequency 4, 5, 6, 8; monetary 256, 382, 506, 666.
    const close = (values: number[]) => values.map((v) => expect.closeTo(v, 9));
    expect(result.thresholds).toEqual({
      recency: close([115, 181, 297.4, 482]),
      frequency: [4, 5, 6, 8],
      monetary: close([255.8, 382, 506.4, 666]),
    });
  });

  it('should reproduce the package test of a custom rule table (158 Champions, 1,234 orders, revenue 120,178)', () => {
    const names = [
      'Champions',
      'Loyal Customers',
      'Potential Loyalist',
      'New Customers',
      'Promising',
      'Need Attention',
      'About To Sleep',
      'At Risk',
      "Can't Lose Them",
      'Lost',
    ];
    const rl = [4, 2, 3, 4, 3, 2, 2, 1, 1, 1];
    const ru = [5, 5, 5, 5, 4, 3, 3, 2, 1, 2];
    const fl = [4, 3, 1, 1, 1, 2, 1, 2, 4, 1];
    const fu = [5, 5, 3, 1, 1, 3, 2, 5, 5, 2];
    const rules: SegmentRules = names.map((name, i) => ({
      name,
      recency: [rl[i] as number, ru[i] as number],
      frequency: [fl[i] as number, fu[i] as number],
      monetary: [fl[i] as number, fu[i] as number],
    }));
    const custom = scoreRfm(rfmPackageOrders(), { asOfDay: AS_OF, rules });
    const champions = summarizeSegments(custom.rows).find((s) => s.segment === 'Champions');
    expect(champions).toEqual({ segment: 'Champions', customers: 158, orders: 1234, revenue: 120178 });
  });
});

describe('scoreRfm', () => {
  const order = (customerId: string, date: string, amount: number): RfmOrder => ({
    customerId,
    day: parseDayNumber(date) as number,
    amount,
  });

  it('should give equal values equal scores', () => {
    const orders = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => order(id, '2024-01-01', 10));
    const { rows } = scoreRfm(orders, { asOfDay: parseDayNumber('2024-02-01') as number });
    expect(new Set(rows.map((r) => `${r.r}${r.f}${r.m}`)).size).toBe(1);
  });

  it('should use the configured number of bins', () => {
    const orders = Array.from({ length: 30 }, (_, i) => order(`c${i}`, '2024-01-01', i + 1));
    const { rows } = scoreRfm(orders, { asOfDay: parseDayNumber('2024-01-02') as number, bins: 3 });
    expect(new Set(rows.map((r) => r.m))).toEqual(new Set([1, 2, 3]));
  });

  it('should ignore orders after the analysis date and leave customers with only later orders out', () => {
    const orders = [order('a', '2024-01-01', 5), order('a', '2024-03-01', 50), order('b', '2024-03-02', 7)];
    const result = scoreRfm(orders, { asOfDay: parseDayNumber('2024-02-01') as number });
    expect(result.ignoredOrders).toBe(2);
    expect(result.rows).toEqual([
      expect.objectContaining({ customerId: 'a', frequency: 1, monetary: 5, recencyDays: 31 }),
    ]);
  });

  it('should put customers no rule matches in Others', () => {
    const orders = [order('a', '2024-01-01', 5), order('b', '2024-01-20', 9)];
    const rules: SegmentRules = [{ name: 'Only', recency: [5, 5], frequency: [5, 5], monetary: [5, 5] }];
    const { rows } = scoreRfm(orders, { asOfDay: parseDayNumber('2024-02-01') as number, rules });
    expect(rows.map((r) => r.segment)).toContain('Others');
  });

  it('should reject a rule table with an inverted range or a reserved name', () => {
    const orders = [order('a', '2024-01-01', 5)];
    const asOfDay = parseDayNumber('2024-02-01') as number;
    const inverted = [{ name: 'X', recency: [4, 2], frequency: [1, 5], monetary: [1, 5] }] as SegmentRules;
    const reserved = [{ name: 'Others', recency: [1, 5], frequency: [1, 5], monetary: [1, 5] }] as SegmentRules;
    expect(() => scoreRfm(orders, { asOfDay, rules: inverted })).toThrow(/low ≤ high/);
    expect(() => scoreRfm(orders, { asOfDay, rules: reserved })).toThrow(/reserved/);
  });

  it('should reject a non-finite amount', () => {
    expect(() => scoreRfm([{ customerId: 'a', day: 1, amount: Number.NaN }], { asOfDay: 2 })).toThrow();
  });

  it('should reject a non-finite amount in the columnar path too, naming the customer', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const orders = {
        customers: 2,
        customer: Uint32Array.of(0, 1),
        day: Int32Array.of(1, 1),
        amount: Float64Array.of(3, bad),
      };
      expect(() => scoreRfmColumns(orders, { asOfDay: 2 })).toThrow(/customer 1 .*every amount must be finite/);
    }
  });

  it('should take thresholds from customers with orders and keep the monetary column in customer order', () => {
    const amounts = [0.5, 9.25, 3.75, 7.5, 1.25, 4.5];
    const scored = scoreRfmColumns(
      {
        customers: 8,
        customer: Uint32Array.of(0, 2, 3, 4, 6, 7),
        day: Int32Array.of(1, 2, 3, 4, 5, 6),
        amount: Float64Array.from(amounts),
      },
      { asOfDay: 10 },
    );
    expect([...scored.monetary]).toEqual([0.5, 0, 9.25, 3.75, 7.5, 0, 1.25, 4.5]);
    expect(scored.thresholds.monetary).toEqual(rfmThresholds(amounts, 5));
  });

  it('should leave customers without orders unscored in the columnar path', () => {
    const scored = scoreRfmColumns(
      {
        customers: 3,
        customer: Uint32Array.of(0, 2, 2),
        day: Int32Array.of(10, 11, 12),
        amount: Float64Array.of(1, 2, 3),
      },
      { asOfDay: 20 },
    );
    expect([...scored.frequency]).toEqual([1, 0, 2]);
    expect(scored.r[1]).toBe(0);
    expect(scored.segment[1]).toBe(255);
    expect(scored.scoredCustomers).toBe(2);
  });
});
