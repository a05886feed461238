import { describe, expect, it } from 'vitest';
import { createClient } from '../../client';
import type { Message } from '../../message';
import { checkSchema } from '../../schema-check';
import { createMemoryStore } from '../../storage';
import { createHelpService } from './service';

function setup(online = { value: true }) {
  const store = createMemoryStore();
  const client = createClient({}, { store });
  const tracked: Message[] = [];
  client.on('track', (m) => tracked.push(m));
  const service = createHelpService({
    client,
    store,
    check: checkSchema,
    online: () => online.value,
    pageUrl: () => 'https://s.example/store/cart',
  });
  return { client, store, tracked, service, online };
}

const contact = {
  name: 'Ada',
  email: 'ada@example.com',
  type: 'problem' as const,
  subject: 'Broken',
  description: 'The kettle leaks water.',
};

describe('createHelpService', () => {
  it('should report searches, views and votes with the contract properties', () => {
    const { service, tracked } = setup();
    service.searched(' refund ', 3);
    service.viewed('refund', 'How refunds work');
    service.vote('refund', false);
    expect(tracked.map((m) => [m.event, m.properties])).toEqual([
      ['Help Articles Searched', { query: 'refund', results_count: 3 }],
      ['Help Article Viewed', { article_id: 'refund', title: 'How refunds work' }],
      ['Help Article Voted', { article_id: 'refund', helpful: false }],
    ]);
    expect(service.localVote('refund')).toBe(-1);
  });

  it('should open a case with identity, page, recent events and search terms attached', async () => {
    const { client, service, tracked } = setup();
    client.track('Product Viewed', { product_id: 'p-kettle' });
    service.searched('leak', 0);
    const sent = await service.openCase(contact, [], undefined);
    expect(sent.status).toBe('sent');
    const opened = tracked.find((m) => m.event === 'Case Opened');
    expect(opened?.properties).toMatchObject({
      case_id: sent.id,
      subject: 'Broken',
      type: 'problem',
      email: 'ada@example.com',
      name: 'Ada',
      page_url: 'https://s.example/store/cart',
    });
    expect(opened?.properties?.search_terms).toContain('leak');
    expect(opened?.properties?.recent_events).toContainEqual(expect.objectContaining({ event: 'Product Viewed' }));
    expect(client.user().traits).toMatchObject({ email: 'ada@example.com', name: 'Ada' });
  });

  it('should keep a case made offline in storage and send it once back online', async () => {
    const online = { value: false };
    const { service, tracked, store, client } = setup(online);
    const sent = await service.openCase(contact, [], undefined);
    expect(sent.status).toBe('queued');
    expect(tracked.some((m) => m.event === 'Case Opened')).toBe(false);
    // A reload: a fresh service on the same storage still has the request.
    const again = createHelpService({ client, store, online: () => online.value, check: checkSchema });
    expect(again.pendingCount()).toBe(1);
    online.value = true;
    expect(await again.flushOutbox()).toEqual([sent.id]);
    expect(tracked.filter((m) => m.event === 'Case Opened').map((m) => m.properties?.case_id)).toEqual([sent.id]);
    expect(again.pendingCount()).toBe(0);
  });

  it('should turn a call-back request into the contract event with an ISO window', async () => {
    const { service, tracked } = setup();
    const start = new Date('2026-11-30T08:00:00Z');
    const end = new Date('2026-11-30T09:00:00Z');
    await service.requestCallback(
      { name: 'Ada', phone: '+15550100199', email: '', topic: 'Order', window: '0:0' },
      { start, end },
    );
    expect(tracked.at(-1)?.event).toBe('Callback Requested');
    expect(tracked.at(-1)?.properties).toMatchObject({
      phone: '+15550100199',
      window_start: '2026-11-30T08:00:00.000Z',
      window_end: '2026-11-30T09:00:00.000Z',
      topic: 'Order',
      name: 'Ada',
    });
    expect(tracked.at(-1)?.properties).not.toHaveProperty('email');
  });

  it('should ask for a rating once a case is closed and report it once', async () => {
    const { service, tracked } = setup();
    const { id } = await service.openCase(contact, [], undefined);
    expect(service.toRate()).toBeUndefined();
    expect(service.caseClosed(id)).toBe(true);
    expect(service.toRate()?.id).toBe(id);
    service.rate(id, 4);
    expect(service.toRate()).toBeUndefined();
    expect(tracked.at(-1)?.properties).toEqual({ case_id: id, satisfaction: 4 });
  });

  it('should learn that a case closed from the owner collector', async () => {
    const store = createMemoryStore();
    const client = createClient({}, { store });
    const asked: string[] = [];
    const fetchFn = (async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify({ status: 'closed' }));
    }) as unknown as typeof fetch;
    const service = createHelpService({
      client,
      store,
      check: checkSchema,
      fetch: fetchFn,
      online: () => true,
      pageUrl: () => 'https://s.example/',
    });
    const { id } = await service.openCase(contact, [], undefined);
    await service.pollCases('/cases/{case_id}.json');
    expect(asked).toEqual([`https://s.example/cases/${id}.json`]);
    expect(service.toRate()?.id).toBe(id);
  });

  it('should hold a request made without analytics consent and send it once consent is granted', async () => {
    const store = createMemoryStore();
    const client = createClient({ consent: 'required' }, { store });
    const tracked: Message[] = [];
    client.on('track', (m) => tracked.push(m));
    const service = createHelpService({
      client,
      store,
      check: checkSchema,
      online: () => true,
      pageUrl: () => 'https://s.example/',
    });
    const sent = await service.openCase(contact, [], undefined);
    expect(sent.status).toBe('held');
    expect(tracked.some((m) => m.event === 'Case Opened')).toBe(false);
    client.consent.grant(['analytics']);
    expect(await service.flushOutbox()).toEqual([sent.id]);
    expect(tracked.find((m) => m.event === 'Case Opened')?.properties?.case_id).toBe(sent.id);
  });
});
