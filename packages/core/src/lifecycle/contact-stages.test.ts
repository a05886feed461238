import { describe, expect, it } from 'vitest';
import type { Contact } from '../model/contact.ts';
import type { Order } from '../model/order.ts';
import { generateDataset } from '../testing/generate.ts';
import { classifyContacts } from './contact-stages.ts';

const base = generateDataset({ seed: 9, contacts: 3 });
const contact = (id: string): Contact => ({ ...(base.contacts[0] as Contact), id });
const order = (contactId: string, placedAt: string, amount: number, status: Order['status'] = 'paid'): Order => ({
  ...(base.orders[0] as Order),
  contactId,
  placedAt,
  status,
  total: { amount, currency: 'EUR' },
  currency: 'EUR',
});

describe('classifyContacts', () => {
  const contacts = ['prospect', 'once', 'big', 'small', 'gone'].map(contact);
  const orders = [
    order('once', '2025-05-20T10:00:00Z', 30),
    order('big', '2025-03-01T10:00:00Z', 300),
    order('big', '2025-04-01T10:00:00Z', 300),
    order('big', '2025-05-01T10:00:00Z', 300),
    order('small', '2025-04-10T10:00:00Z', 10),
    order('small', '2025-05-10T10:00:00Z', 10),
    order('small', '2025-05-10T18:00:00Z', 10),
    order('gone', '2023-01-01T10:00:00Z', 50),
    order('gone', '2023-02-01T10:00:00Z', 50),
    order('prospect', '2025-05-01T10:00:00Z', 99, 'cancelled'),
  ];
  const stages = new Map(
    classifyContacts(contacts, orders, { asOf: '2025-06-01T00:00:00Z', currency: 'EUR', highValueShare: 0.34 }).map(
      (s) => [s.contactId, s],
    ),
  );

  it('should name every stage of the life cycle from the records', () => {
    expect(Object.fromEntries([...stages].map(([id, s]) => [id, s.stage]))).toEqual({
      prospect: 'prospect',
      once: 'new',
      big: 'high-value-repeat',
      small: 'low-value-repeat',
      gone: 'churned',
    });
  });

  it('should merge same-day orders into one purchase and explain the churn risk', () => {
    expect(stages.get('small')).toMatchObject({ purchases: 2, spend: 30 });
    expect(stages.get('gone')?.churnRisk?.tier).toBe('high');
    expect(stages.get('gone')?.churnRisk?.reason).toMatch(/^usually buys every 4 weeks; last purchase 2 years ago/);
    expect(stages.get('prospect')?.churnRisk).toBeUndefined();
  });

  it('should use P(alive) from a BG/NBD fit when given', () => {
    const withModel = classifyContacts(contacts, orders, {
      asOf: '2025-06-01T00:00:00Z',
      currency: 'EUR',
      bgNbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
    });
    expect(withModel.find((s) => s.contactId === 'big')?.churnRisk?.reason).toContain('likely still active');
  });
});
