import { describe, expect, it, vi } from 'vitest';
import { type ClientDeps, createClient } from './client';
import type { SendResult, Transport } from './delivery';
import type { Message } from './message';
import { createMemoryAsyncStore, createMemoryStore } from './storage';

function deps(extra: Partial<ClientDeps> = {}) {
  const sent: Message[] = [];
  const transport: Transport = {
    send: async (_url, body): Promise<SendResult> => {
      sent.push(...JSON.parse(body).batch);
      return 'ok';
    },
    beacon: () => false,
  };
  return { sent, deps: { store: createMemoryStore(), persist: createMemoryAsyncStore(), transport, ...extra } };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createClient', () => {
  it('should give every message a messageId, the persisted anonymousId, a timestamp and the context', async () => {
    history.replaceState({}, '', '/shop?utm_source=news&utm_campaign=spring');
    const { deps: d } = deps();
    const cordial = createClient({ autoPage: false }, d);
    const a = cordial.track('Product Viewed', { product_id: 'p1' });
    const b = cordial.track('Product Viewed', { product_id: 'p2' });
    expect(a?.messageId).not.toBe(b?.messageId);
    expect(a?.anonymousId).toBe(b?.anonymousId);
    expect(a?.anonymousId).toBe(d.store.get('anonymousId'));
    expect(Date.parse(a?.timestamp ?? '')).not.toBeNaN();
    expect(a?.context.campaign).toEqual({ source: 'news', name: 'spring' });
    expect(a?.context.page?.path).toBe('/shop');
    expect(a?.context.locale).toBe(navigator.language);
    expect(a?.context.userAgent).toBe(navigator.userAgent);
  });

  it('should keep identify traits and the userId for later messages', () => {
    const { deps: d } = deps();
    const cordial = createClient({ autoPage: false }, d);
    cordial.identify('u-1', { email: 'ada@example.com' });
    cordial.identify({ plan: 'pro' } as never);
    expect(cordial.user()).toMatchObject({ userId: 'u-1', traits: { email: 'ada@example.com', plan: 'pro' } });
    expect(cordial.track('Signed In')?.userId).toBe('u-1');
  });

  it('should read page() the way Segment does: name, or category and name, then properties', () => {
    const { deps: d } = deps();
    const cordial = createClient({ autoPage: false }, d);
    expect(cordial.page('Pricing')).toMatchObject({ name: 'Pricing' });
    expect(cordial.page('Docs', 'Setup', { section: 2 })).toMatchObject({
      category: 'Docs',
      name: 'Setup',
      properties: { section: 2 },
    });
    expect(cordial.page({ custom: true } as never)?.properties).toMatchObject({
      custom: true,
      path: location.pathname,
    });
  });

  it('should never throw into the page: bad calls are reported through on("error")', () => {
    const { deps: d } = deps();
    const cordial = createClient({ autoPage: false }, d);
    const errors: Error[] = [];
    cordial.on('error', (e) => errors.push(e));
    expect(() => cordial.track('' as string)).not.toThrow();
    expect(() => cordial.track('x', 'nope' as never)).not.toThrow();
    cordial.on('track', () => {
      throw new Error('listener bug');
    });
    expect(() => cordial.track('Fine')).not.toThrow();
    expect(errors.map((e) => e.message)).toEqual([
      'Cordial: the event name must be a non-empty string.',
      'Cordial: properties must be an object.',
      'listener bug',
    ]);
  });

  it('should reject an invalid configuration with a message naming the field', () => {
    expect(() => createClient({ flushAt: 0, endpoint: 3 })).toThrow(
      /flushAt: must be at least 1[\s\S]*endpoint: must be a string/,
    );
    expect(() => createClient({ endpont: '/x' })).toThrow(/endpont: is not a known field/);
  });

  it('should tell listeners about every call, and call a late ready listener at once', async () => {
    const { deps: d } = deps();
    const cordial = createClient({ autoPage: false }, d);
    const seen: string[] = [];
    const onTrack = (m: Message) => seen.push(m.event ?? '');
    cordial.on('track', onTrack);
    cordial.track('A');
    cordial.off('track', onTrack);
    cordial.track('B');
    await tick();
    const ready = vi.fn();
    cordial.on('ready', ready);
    expect(seen).toEqual(['A']);
    expect(ready).toHaveBeenCalledOnce();
  });

  it('should feed Segment e-commerce events into the profile (orders, recently viewed, affinities)', async () => {
    const { deps: d } = deps();
    const cordial = createClient({ autoPage: false }, d);
    await tick();
    cordial.track('Product Viewed', { product_id: 'k1', category: 'Kitchen', price: 59, name: 'Kettle' });
    cordial.track('Order Completed', {
      order_id: 'o1',
      revenue: 80,
      products: [{ product_id: 'k1', category: 'Kitchen', price: 59 }],
    });
    const summary = cordial.profile.summary();
    expect(summary).toMatchObject({ orders: 1, monetary: 80, stage: 'customer', purchased: ['k1'] });
    expect(summary?.viewed[0]).toMatchObject({ id: 'k1', name: 'Kettle', price: 59 });
    expect(summary?.affinities[0]?.category).toBe('Kitchen');
  });

  it('should store and send nothing before consent when consent is required, then send what was held', async () => {
    const { deps: d, sent } = deps();
    const cordial = createClient({ consent: 'required', endpoint: '/c', flushAt: 1, autoPage: false }, d);
    cordial.track('Before consent');
    await tick();
    expect(sent).toHaveLength(0);
    expect(d.store.get('anonymousId')).toBeNull();
    expect(cordial.profile.data()).toBeNull();
    cordial.consent.grant(['analytics']);
    await cordial.flush();
    expect(sent.map((m) => m.event)).toEqual(['Before consent']);
    expect(d.store.get('anonymousId')).toBe(cordial.user().anonymousId);
    expect(cordial.consent.state()).toMatchObject({ analytics: true, personalization: false });
    const ready = vi.fn();
    cordial.on('ready', ready);
    cordial.consent.grant(['analytics', 'personalization']);
    await tick();
    expect(ready).toHaveBeenCalledOnce();
    expect(cordial.profile.summary()).not.toBeNull();
  });

  it('should honour Global Privacy Control and Do Not Track by default', async () => {
    for (const navigator of [{ globalPrivacyControl: true }, { doNotTrack: '1' }]) {
      const { deps: d, sent } = deps({ navigator: navigator as never });
      const cordial = createClient({ endpoint: '/c', flushAt: 1, autoPage: false }, d);
      cordial.track('Tracked?');
      await cordial.flush();
      expect(sent).toHaveLength(0);
      expect(cordial.consent.state().reason).toBe('globalPrivacyControl' in navigator ? 'gpc' : 'dnt');
    }
    const { deps: d, sent } = deps({ navigator: { globalPrivacyControl: true } as never });
    createClient({ endpoint: '/c', flushAt: 1, autoPage: false, privacySignals: false }, d).track(
      'Owner opted out of signals',
    );
    await tick();
    expect(sent).toHaveLength(1);
  });

  it('should erase everything on revoke and on profile.erase, starting over as a new visitor', async () => {
    const { deps: d } = deps();
    const cordial = createClient({ endpoint: '/c', flushAt: 100, autoPage: false }, d);
    await tick();
    const before = cordial.user().anonymousId;
    cordial.identify('u-9', { email: 'x@example.com' });
    cordial.track('Product Viewed', { product_id: 'p' });
    await cordial.profile.remember('offers', { seen: 1 });
    const exported = await cordial.profile.export();
    expect(exported).toMatchObject({ userId: 'u-9', queuedMessages: 2, widgets: { offers: { seen: 1 } } });
    await cordial.profile.erase();
    expect(cordial.user()).toMatchObject({ userId: null, traits: {} });
    expect(cordial.user().anonymousId).not.toBe(before);
    expect(await cordial.profile.export()).toMatchObject({ queuedMessages: 0, widgets: { offers: null } });
    cordial.consent.revoke();
    expect(cordial.consent.state()).toMatchObject({ analytics: false, personalization: false, reason: 'revoked' });
    expect(cordial.profile.summary()).toBeNull();
  });

  it('should keep the session and widget memory for the next page even when no IndexedDB write finished', async () => {
    const store = createMemoryStore();
    // A page left right away: its IndexedDB writes never complete, so the next page finds nothing there.
    const lost = { ...createMemoryAsyncStore(), set: () => new Promise<void>(() => {}) };
    const first = createClient({ autoPage: false }, { store, persist: lost });
    await tick();
    first.track('Product Viewed', { product_id: 'p' });
    void first.profile.remember('offers', { impressions: [{ o: 'once' }] });
    const sessionId = first.profile.data()?.sessionId;

    const next = createClient({ autoPage: false }, { store, persist: createMemoryAsyncStore() });
    next.page();
    await tick();
    expect(next.profile.data()?.sessionId).toBe(sessionId);
    expect(await next.profile.recall('offers')).toEqual({ impressions: [{ o: 'once' }] });

    await next.profile.erase();
    const after = createClient({ autoPage: false }, { store, persist: createMemoryAsyncStore() });
    await tick();
    expect(after.profile.data()?.sessionId).not.toBe(sessionId);
    expect(await after.profile.recall('offers')).toBeUndefined();
  });

  it('should answer explain() with null, not wait, when the page has no offer element', async () => {
    const { deps: d } = deps();
    await expect(createClient({ autoPage: false }, d).explain('inline')).resolves.toBeNull();
  });
});
