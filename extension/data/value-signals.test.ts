import { createMemoryRepository } from '@cordial/core';
import { generateDataset, storeDataset } from '@cordial/core/testing';
import { describe, expect, it } from 'vitest';
import { computeSignals, rfmReason } from './value-signals';

describe(computeSignals, () => {
  it('should score buyers, fit the value models and explain churn risk, leaving prospects unscored', async () => {
    const now = new Date('2026-11-01T00:00:00.000Z');
    const data = generateDataset({
      seed: 11,
      contacts: 400,
      now: now.toISOString(),
      people: [
        { email: 'vip@example.com', rhythm: 'vip' },
        { email: 'gone@example.com', rhythm: 'churned' },
        { email: 'never@example.com', rhythm: 'prospect' },
      ],
    });
    const repo = createMemoryRepository();
    await storeDataset(repo, data);
    const snapshot = computeSignals(await repo.orderFacts(), now);
    const idOf = (email: string) => data.contacts.find((c) => c.emails.includes(email))?.id ?? '';
    const vip = snapshot.byContact.get(idOf('vip@example.com'));
    const gone = snapshot.byContact.get(idOf('gone@example.com'));
    expect(snapshot.byContact.has(idOf('never@example.com'))).toBe(false);
    expect(snapshot.modelNote).toBeUndefined();
    expect(vip?.rfm?.f).toBeGreaterThanOrEqual(4);
    expect(vip?.clv).toBeGreaterThan(gone?.clv ?? Number.POSITIVE_INFINITY);
    expect(vip?.pAlive).toBeGreaterThan(0.5);
    expect(vip?.churn?.tier).toBe('low');
    expect(gone?.rfm?.segment).toBe('Lost');
    expect(['medium', 'high']).toContain(gone?.churn?.tier);
    expect(gone?.churn?.reason).toMatch(/ago/);
  });

  it('should return no signals when nobody has bought anything', () => {
    const empty = computeSignals(
      {
        orderIds: [],
        contactIds: [],
        contact: new Uint32Array(),
        placedAt: new Float64Array(),
        total: new Float64Array(),
        currencies: [],
        currency: new Uint16Array(),
        status: new Uint8Array(),
        lineCount: new Uint32Array(),
      },
      new Date(),
    );
    expect(empty.byContact.size).toBe(0);
  });
});

describe(rfmReason, () => {
  it('should say when the last order was, how many and how much', () => {
    expect(
      rfmReason({ r: 5, f: 4, m: 5, segment: 'Champions', recencyDays: 12, orders: 14, spent: 5300 }, '€5,300.00'),
    ).toBe('last order 12 days ago, 14 orders, €5,300.00 in total');
  });
});
