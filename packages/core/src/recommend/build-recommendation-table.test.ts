import { describe, expect, it } from 'vitest';
import { buildRecommendationTable } from './build-recommendation-table.ts';
import type { OrderLine } from './recommendation-table.ts';
import { RecommendationTableSchema } from './recommendation-table.ts';

const now = new Date('2026-06-01T00:00:00Z');
const line = (
  orderId: string,
  customerId: string,
  productId: string,
  date = '2026-05-20',
  extra: Partial<OrderLine> = {},
): OrderLine => ({
  orderId,
  customerId,
  productId,
  date,
  ...extra,
});

// Kettles go with drippers (3 of 4 kettle orders), rarely with tea; the teapot buyers also buy tea later.
const lines: OrderLine[] = [
  line('1', 'a', 'kettle', '2026-05-01', { category: 'Kitchen', price: 59, name: 'Kettle' }),
  line('1', 'a', 'dripper'),
  line('2', 'b', 'kettle'),
  line('2', 'b', 'dripper'),
  line('3', 'c', 'kettle'),
  line('3', 'c', 'dripper'),
  line('4', 'd', 'kettle'),
  line('4', 'd', 'tea'),
  line('5', 'e', 'teapot', '2026-01-05'),
  line('6', 'e', 'tea', '2026-01-20'),
  line('7', 'f', 'teapot', '2026-01-06'),
  line('8', 'f', 'tea', '2026-01-21'),
  line('9', 'g', 'kettle-pro', '2026-05-21', { category: 'Kitchen', price: 119 }),
  line('10', 'h', 'kettle-pro', '2026-05-22', { category: 'Kitchen', price: 121 }),
  line('11', 'i', 'mug', '2026-05-23', { category: 'Kitchen', price: 19 }),
];

describe('buildRecommendationTable', () => {
  const table = buildRecommendationTable(lines, { now });

  it('should produce a table that passes its own schema', () => {
    expect(RecommendationTableSchema.parse(table)).toEqual(table);
    expect(table.orders).toBe(11);
  });

  it('should find frequently bought together items by confidence, ignoring pairs below the minimum support', () => {
    expect(table.together.kettle).toEqual([{ id: 'dripper', score: 0.75 }]);
    expect(table.together.dripper).toEqual([{ id: 'kettle', score: 1 }]);
    expect(buildRecommendationTable(lines, { now, minSupport: 1 }).together.kettle?.map((x) => x.id)).toEqual([
      'dripper',
      'tea',
    ]);
  });

  it('should relate products bought by the same customers across orders', () => {
    expect(table.related.teapot).toEqual([{ id: 'tea', score: 0.667 }]);
  });

  it('should offer higher-priced products of the same category as up-sells, with the median price', () => {
    expect(table.products['kettle-pro']).toMatchObject({ category: 'Kitchen', price: 121, orders: 2 });
    expect(table.upsell.kettle).toEqual([{ id: 'kettle-pro', score: 2.051 }]);
    expect(table.upsell['kettle-pro']).toBeUndefined();
  });

  it('should rank trending products by orders in the last 30 days of the data', () => {
    expect(table.trending.slice(0, 2)).toEqual(['kettle', 'dripper']);
    expect(table.trending).not.toContain('teapot');
  });
});
