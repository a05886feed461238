import { describe, expect, it } from 'vitest';
import { createMemoryRepository } from '../adapters/memory/memory-repository.ts';
import { importEvents } from './import-events.ts';

const NOW = '2026-01-01T00:00:00.000Z';
let n = 0;
const msg = (over: Record<string, unknown>) =>
  JSON.stringify({
    messageId: `m${++n}`,
    anonymousId: 'anon-1',
    timestamp: '2026-03-01T10:00:00.000Z',
    context: {},
    ...over,
  });

describe('importEvents', () => {
  it('should turn a visitor’s events into touchpoints, an order, a case, a task and a contact', async () => {
    n = 0;
    const lines = [
      msg({ type: 'page', name: 'Home', properties: { url: 'https://shop.example/' } }),
      msg({ type: 'track', event: 'Product Viewed', properties: { product_id: 'p1', name: 'Mug', price: 10 } }),
      msg({
        type: 'identify',
        userId: 'u1',
        traits: { email: 'Ann@Example.com', name: 'Ann Lee', phone: '+44 20 7946 0958' },
      }),
      msg({
        type: 'track',
        event: 'Order Completed',
        properties: {
          order_id: 'o1',
          total: 27,
          currency: 'eur',
          discount: 3,
          coupon: 'WELCOME',
          products: [{ product_id: 'p1', sku: 'MUG', name: 'Mug', price: 10, quantity: 3, category: 'Kitchen' }],
        },
      }),
      msg({
        type: 'track',
        event: 'Case Opened',
        properties: {
          case_id: 'c1',
          subject: 'Broken mug',
          type: 'complaint',
          email: 'ann@example.com',
          search_terms: ['broken'],
        },
      }),
      msg({ type: 'track', event: 'Case Rated', properties: { case_id: 'c1', satisfaction: 4 } }),
      msg({
        type: 'track',
        event: 'Callback Requested',
        properties: {
          callback_id: 'cb1',
          phone: '+44 20 7946 0958',
          window_start: '2026-03-02T09:00:00Z',
          window_end: '2026-03-02T10:00:00Z',
          topic: 'refund',
          name: 'Ann Lee',
        },
      }),
      msg({
        type: 'track',
        event: 'Help Article Viewed',
        properties: { article_id: 'a1', title: 'Returns', extra: { nested: true } },
      }),
    ];
    const repo = createMemoryRepository();
    const report = await importEvents(repo, [`${lines.join('\n')}\n`], { now: () => NOW });
    expect(report.rejected).toEqual([]);
    expect(report.accepted).toBe(8);
    const contacts = (await repo.list('contacts')).records;
    expect(contacts).toHaveLength(1);
    const ann = contacts[0];
    expect(ann).toMatchObject({
      emails: ['ann@example.com'],
      phones: ['+442079460958'],
      firstName: 'Ann',
      lastName: 'Lee',
      lifecycleStage: 'customer',
      externalIds: { segment: 'u1', 'segment-anonymous#anon-1': 'anon-1' },
    });
    const [order] = (await repo.list('orders')).records;
    expect(order).toMatchObject({
      id: 'segment:o1',
      contactId: ann?.id,
      total: { amount: 27, currency: 'EUR' },
      discounts: [{ code: 'WELCOME', amount: { amount: 3, currency: 'EUR' } }],
      lineItems: [{ sku: 'MUG', quantity: 3 }],
    });
    const [item] = (await repo.list('cases')).records;
    expect(item).toMatchObject({
      id: 'segment:c1',
      type: 'complaint',
      priority: 'high',
      channel: 'self-service',
      satisfaction: 4,
      searchTerms: ['broken'],
    });
    const [task] = (await repo.list('tasks')).records;
    expect(task).toMatchObject({
      kind: 'callback',
      title: 'Call back Ann Lee: refund',
      window: { start: '2026-03-02T09:00:00Z' },
      done: false,
      contactId: ann?.id,
    });
    const touchpoints = (await repo.list('touchpoints')).records;
    expect(touchpoints.map((t) => [t.event, t.channel, t.purpose])).toEqual([
      ['Page Viewed', 'web', 'browsing'],
      ['Product Viewed', 'web', 'sales'],
      ['Help Article Viewed', 'self-service', 'service'],
    ]);
    expect(touchpoints[2]?.properties).toEqual({ article_id: 'a1', title: 'Returns', extra: '{"nested":true}' });
    const again = await importEvents(repo, [`${lines.join('\n')}\n`], { now: () => '2026-02-01T00:00:00.000Z' });
    expect(Object.values(again.stored).every((c) => c.created === 0 && c.updated === 0)).toBe(true);
  });

  it('should keep a call back and an identify whose phone number is not valid, with a warning and the number kept off the contact', async () => {
    n = 0;
    const text = [
      msg({
        type: 'identify',
        userId: 'u2',
        traits: { email: 'bo@example.com', name: 'Bo Li', phone: '+1 555 010 0142' },
      }),
      msg({
        type: 'track',
        event: 'Callback Requested',
        properties: {
          callback_id: 'cb2',
          phone: '+1 555 010 0142',
          window_start: '2026-03-02T09:00:00Z',
          window_end: '2026-03-02T10:00:00Z',
          name: 'Bo Li',
        },
      }),
    ].join('\n');
    const repo = createMemoryRepository();
    const report = await importEvents(repo, [text], { now: () => NOW });
    expect(report.rejected).toEqual([]);
    expect(report.accepted).toBe(2);
    expect(report.warnings.map((w) => w.line)).toEqual([1, 2]);
    expect(report.warnings[0]?.reasons[0]).toMatch(/^traits\.phone: .*not a valid number.*other traits were kept/);
    expect(report.warnings[1]?.reasons[0]).toMatch(/^phone: .*kept on the task as typed/);
    const [contact] = (await repo.list('contacts')).records;
    expect(contact).toMatchObject({ emails: ['bo@example.com'], firstName: 'Bo', lastName: 'Li', phones: [] });
    const [task] = (await repo.list('tasks')).records;
    expect(task).toMatchObject({ kind: 'callback', title: 'Call back Bo Li', contactId: contact?.id });
    expect(task?.notes).toBe('Phone +1 555 010 0142 (as typed: not a valid number)');
  });

  it('should report broken lines with their numbers and skip repeated messageIds', async () => {
    n = 0;
    const repeated = msg({ type: 'track', event: 'Product Viewed', properties: {} });
    const text = [
      repeated,
      '{not json',
      JSON.stringify({ type: 'track', event: 'X', timestamp: '2026-03-01T10:00:00Z', messageId: 'm-x' }),
      msg({ type: 'track', event: 'Order Completed', properties: { order_id: 'o9', total: 5 } }),
      '',
      repeated,
      msg({ type: 'track', event: 'Case Opened', properties: { subject: 'no id' } }),
    ].join('\n');
    const report = await importEvents(createMemoryRepository(), [text], { now: () => NOW });
    expect(report.rejected.map((r) => r.line)).toEqual([2, 3, 4, 7]);
    expect(report.rejected[0]?.reasons[0]).toMatch(/^not JSON/);
    expect(report.rejected[1]?.reasons[0]).toMatch(/anonymousId or a userId/);
    expect(report.rejected[2]?.reasons[0]).toMatch(/no currency/);
    expect(report.rejected[3]?.reasons[0]).toMatch(/case_id/);
    expect(report.duplicates).toBe(1);
    expect(report.accepted).toBe(1);
  });

  it('should move an anonymous visitor’s history to the contact they identify as', async () => {
    n = 0;
    const repo = createMemoryRepository();
    await importEvents(
      repo,
      [msg({ type: 'identify', anonymousId: 'old', traits: { email: 'bob@example.com', name: 'Bob Stone' } })],
      { now: () => NOW },
    );
    const text = [
      msg({ type: 'page', anonymousId: 'new', properties: {} }),
      msg({ type: 'track', anonymousId: 'new', event: 'Product Added', properties: { sku: 'MUG' } }),
    ].join('\n');
    await importEvents(repo, [text], { now: () => NOW });
    expect(await repo.count('contacts')).toBe(2);
    const report = await importEvents(
      repo,
      [msg({ type: 'identify', anonymousId: 'new', traits: { email: 'BOB@example.com' } })],
      { now: () => NOW },
    );
    expect(report.merged).toHaveLength(1);
    const contacts = (await repo.list('contacts')).records;
    expect(contacts).toHaveLength(1);
    expect((await repo.listByContact('touchpoints', contacts[0]?.id as string)).records).toHaveLength(2);
  });
});
