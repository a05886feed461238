import { describe, expect, it } from 'vitest';
import { assessChurnRisk } from './churn-risk.ts';
import { describeDuration } from './describe-duration.ts';

describe('assessChurnRisk', () => {
  it('should explain a regular buyer who went quiet in their own rhythm', () => {
    // Five repeat purchases in 15 weeks (every 3 weeks), first purchase 34 weeks ago → silent for 19 weeks.
    const risk = assessChurnRisk({ x: 5, daysFirstToLast: 105, daysSinceFirst: 238, pAlive: 0.12 });
    expect(risk.tier).toBe('high');
    expect(risk.reason).toBe('usually buys every 3 weeks; last purchase 19 weeks ago; 12% likely still active');
  });

  it('should call a customer on rhythm with a high P(alive) low risk', () => {
    const risk = assessChurnRisk({ x: 4, daysFirstToLast: 84, daysSinceFirst: 95, pAlive: 0.93 });
    expect(risk).toMatchObject({ tier: 'low' });
    expect(risk.reason).toContain('last purchase 11 days ago');
  });

  it('should let the customer’s own rhythm raise the tier when P(alive) still looks fine', () => {
    const risk = assessChurnRisk({ x: 10, daysFirstToLast: 70, daysSinceFirst: 98, pAlive: 0.8 });
    expect(risk.tier).toBe('high');
    expect(risk.overdue).toBe(4);
  });

  it('should judge a one-time buyer against the typical gap between purchases', () => {
    const risk = assessChurnRisk({ x: 0, daysFirstToLast: 0, daysSinceFirst: 60 }, { typicalGapDays: 21 });
    expect(risk.tier).toBe('medium');
    expect(risk.reason).toBe('bought once, 9 weeks ago; customers usually come back within 3 weeks');
  });

  it('should reject an impossible P(alive)', () => {
    expect(() => assessChurnRisk({ x: 1, daysFirstToLast: 1, daysSinceFirst: 2, pAlive: 1.5 })).toThrow();
  });
});

describe('describeDuration', () => {
  it('should pick days, weeks, months or years', () => {
    expect([1, 10, 21, 133, 200, 1000].map(describeDuration)).toEqual([
      '1 day',
      '10 days',
      '3 weeks',
      '19 weeks',
      '7 months',
      '3 years',
    ]);
  });
});
