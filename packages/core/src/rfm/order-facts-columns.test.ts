import { describe, expect, it } from 'vitest';
import type { OrderFacts } from '../ports/order-facts.ts';
import { orderFactsToColumns } from './order-facts-columns.ts';
import { scoreRfmColumns } from './score-rfm.ts';

describe('orderFactsToColumns', () => {
  it('should keep paid and fulfilled orders in the chosen currency, dated by UTC day', () => {
    const facts: OrderFacts = {
      orderIds: ['o1', 'o2', 'o3', 'o4'],
      contactIds: ['ann', 'bob'],
      contact: Uint32Array.of(0, 0, 1, 1),
      placedAt: Float64Array.of(
        Date.UTC(2025, 0, 1, 23),
        Date.UTC(2025, 0, 5),
        Date.UTC(2025, 0, 2),
        Date.UTC(2025, 0, 3),
      ),
      total: Float64Array.of(10, 20, 30, 40),
      currencies: ['EUR', 'USD'],
      currency: Uint16Array.of(0, 0, 0, 1),
      // paid, refunded, fulfilled, paid
      status: Uint8Array.of(1, 4, 2, 1),
      lineCount: Uint32Array.of(1, 1, 1, 1),
    };
    const columns = orderFactsToColumns(facts, 'EUR');
    expect(columns.skipped).toBe(2);
    expect([...columns.customer]).toEqual([0, 1]);
    expect([...columns.day]).toEqual([Date.UTC(2025, 0, 1) / 86_400_000, Date.UTC(2025, 0, 2) / 86_400_000]);
    const rfm = scoreRfmColumns(columns, { asOfDay: Date.UTC(2025, 0, 10) / 86_400_000 });
    expect([...rfm.monetary]).toEqual([10, 30]);
  });
});
