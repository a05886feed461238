import { describe, expect, it } from 'vitest';
import { classifyCustomerStage, toStoredLifecycleStage } from './lifecycle-stage.ts';

describe('classifyCustomerStage', () => {
  it('should call a contact without orders a prospect', () => {
    expect(classifyCustomerStage({ orders: 0 })).toBe('prospect');
  });

  it('should call a recent one-time buyer new and a returning one repeat', () => {
    expect(classifyCustomerStage({ orders: 1, daysSinceLastOrder: 10 })).toBe('new');
    expect(classifyCustomerStage({ orders: 3, daysSinceLastOrder: 10 })).toBe('repeat');
  });

  it('should split repeat customers by value when a threshold is given', () => {
    const options = { highValueFrom: 500 };
    expect(classifyCustomerStage({ orders: 3, daysSinceLastOrder: 5, value: 800 }, options)).toBe('high-value-repeat');
    expect(classifyCustomerStage({ orders: 3, daysSinceLastOrder: 5, value: 80 }, options)).toBe('low-value-repeat');
  });

  it('should call a customer churned on a low P(alive) or a long silence', () => {
    expect(classifyCustomerStage({ orders: 5, daysSinceLastOrder: 30, pAlive: 0.05 })).toBe('churned');
    expect(classifyCustomerStage({ orders: 1, daysSinceLastOrder: 400, pAlive: 1 })).toBe('churned');
  });

  it('should map to the coarser stage a Contact stores', () => {
    expect(['prospect', 'new', 'high-value-repeat', 'churned'].map((s) => toStoredLifecycleStage(s as never))).toEqual([
      'prospect',
      'customer',
      'repeat',
      'churned',
    ]);
  });
});
