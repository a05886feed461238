import { expect, test } from '@playwright/test';
import { anonymousIdOf, collected, cordial, openHost, watchErrors } from './helpers';

test.describe('event API (script tag on a strict-CSP page)', () => {
  test('replays the calls queued by the snippet in order, then sends Segment messages with full context', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await openHost(page, { 'flush-interval': '50', utm_source: 'mail', utm_campaign: 'spring' });
    await cordial(page, (c) => {
      c.track('Product Viewed', { product_id: 'p-1', category: 'Tea', price: 11 });
      c.group('acme', { name: 'Acme' });
      c.alias('user-alias');
    });
    await expect.poll(async () => (await collected(page)).length).toBeGreaterThanOrEqual(6);
    const messages = await collected(page);
    expect(messages.map((m) => m.type + (m.event ? `:${m.event}` : ''))).toEqual([
      'track:Queued Before Load',
      'identify',
      'page',
      'track:Product Viewed',
      'group',
      'alias',
    ]);
    const viewed = messages[3];
    expect(viewed?.userId).toBe('user-queued');
    expect(viewed?.messageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(messages.map((m) => m.messageId)).size).toBe(messages.length);
    expect(viewed?.context.campaign).toEqual({ source: 'mail', name: 'spring' });
    expect(viewed?.context.locale).toBeTruthy();
    expect(viewed?.context.userAgent).toContain('Chrome');
    expect(viewed?.context.page?.path).toBe('/fixtures/sdk/host.html');
    expect(errors).toEqual([]);
  });

  test('defines no global but cordial, and reports bad calls through on("error") instead of throwing', async ({
    page,
  }) => {
    await openHost(page);
    // The page has a <cordial-offer>, so the offer widget (and Lit) loaded too.
    await page.waitForFunction(() => customElements.get('cordial-offer') && !('litHtmlVersions' in window));
    const added = await page.evaluate(() => {
      const before = new Set((document.documentElement.dataset.globals ?? '').split(','));
      return Object.getOwnPropertyNames(window).filter((name) => !before.has(name));
    });
    // The snippet defined window.cordial before the snapshot; the SDK replaced it and added nothing.
    expect(added).toEqual([]);
    expect(await page.evaluate(() => typeof (window as unknown as { cordial: { track: unknown } }).cordial.track)).toBe(
      'function',
    );
    const result = await cordial(page, (c) => {
      const errors: string[] = [];
      c.on('error', (e: Error) => errors.push(e.message));
      c.track();
      c.identify(42, 'not an object');
      c.on('track', () => {
        throw new Error('a listener of the page failed');
      });
      c.track('Still Works');
      return errors;
    });
    expect(result).toEqual([
      'Cordial: the event name must be a non-empty string.',
      'Cordial: traits must be an object.',
      'a listener of the page failed',
    ]);
  });

  test('calls listeners for every call and for ready', async ({ page }) => {
    await openHost(page);
    const seen = await cordial(page, (c) => {
      const names: string[] = [];
      for (const name of ['identify', 'track', 'page', 'group', 'alias', 'reset']) c.on(name, () => names.push(name));
      c.on('ready', () => names.push('ready'));
      c.identify('u');
      c.track('T');
      c.page('P');
      c.group('g');
      c.alias('a');
      c.reset();
      return names;
    });
    expect(seen).toEqual(['ready', 'identify', 'track', 'page', 'group', 'alias', 'reset']);
  });

  test('batches to the collector, retries through network failures and delivers each message once', async ({
    page,
  }) => {
    let failures = 0;
    await page.route('**/collect/batch', async (route) => {
      if (failures < 2) {
        failures++;
        return route.abort('connectionrefused');
      }
      return route.continue();
    });
    await openHost(page, { 'flush-at': '5', 'flush-interval': '60000' });
    await cordial(page, (c) => {
      for (let i = 0; i < 5; i++) c.track('Batched', { i });
    });
    // Two refused attempts, then backoff (about 1 s, then 2 s, jittered) until it goes through.
    await expect
      .poll(async () => (await collected(page)).filter((m) => m.event === 'Batched').length, { timeout: 15_000 })
      .toBe(5);
    expect(failures).toBe(2);
  });

  test('suppresses duplicates: a batch the collector stored but whose answer was lost is resent and kept once', async ({
    page,
  }) => {
    let attempts = 0;
    await page.route('**/collect/batch', async (route) => {
      attempts++;
      const response = await route.fetch();
      // The first answer is lost on the way back: the SDK must send the same messages again.
      if (attempts === 1) return route.fulfill({ status: 503, body: 'gateway lost the answer' });
      return route.fulfill({ response });
    });
    await openHost(page, { 'flush-interval': '50' });
    await expect.poll(() => attempts, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await expect.poll(async () => (await collected(page)).length).toBe(3);
    const messages = await collected(page);
    expect(messages.map((m) => m.type)).toEqual(['track', 'identify', 'page']);
  });

  test('keeps events while offline and sends them when the browser is back online', async ({ page, context }) => {
    await openHost(page, { 'flush-interval': '50' });
    await expect.poll(async () => (await collected(page)).length).toBe(3);
    await context.setOffline(true);
    await cordial(page, (c) => c.track('Tracked Offline'));
    await page.waitForTimeout(300);
    expect((await collected(page)).some((m) => m.event === 'Tracked Offline')).toBe(false);
    await context.setOffline(false);
    await expect.poll(async () => (await collected(page)).some((m) => m.event === 'Tracked Offline')).toBe(true);
  });

  test('keeps undelivered events in IndexedDB across a reload and sends them from the next page', async ({ page }) => {
    await page.route('**/collect/batch', (route) => route.abort('connectionrefused'));
    await openHost(page, { 'flush-interval': '50' });
    const id = await anonymousIdOf(page);
    await cordial(page, (c) => c.track('Survives Reload', { n: 1 }));
    await page.waitForTimeout(300);
    // sendBeacon on page hide would deliver them; block it too, so only IndexedDB can carry them over.
    await page.route('**/collect/batch', (route) => route.abort('connectionrefused'));
    await page.reload();
    await expect(page.locator('html[data-cordial-ready]')).toHaveCount(1);
    await page.unrouteAll({ behavior: 'wait' });
    await cordial(page, (c) => c.flush());
    await expect
      .poll(async () => (await collected(page, id)).some((m) => m.event === 'Survives Reload'), { timeout: 10_000 })
      .toBe(true);
    expect(await anonymousIdOf(page)).toBe(id);
  });

  test('hands queued events to sendBeacon when the page is left', async ({ page }) => {
    await openHost(page, { 'flush-interval': '60000', 'flush-at': '100' });
    const id = await anonymousIdOf(page);
    await cordial(page, (c) => c.track('Sent On Page Hide'));
    await page.goto('/health');
    await expect.poll(async () => (await collected(page, id)).some((m) => m.event === 'Sent On Page Hide')).toBe(true);
  });

  test('drops the oldest messages beyond maxQueue with a counted warning', async ({ page }) => {
    await page.route('**/collect/batch', (route) => route.abort('connectionrefused'));
    await openHost(page, { 'max-queue': '4', 'flush-interval': '60000', 'flush-at': '100' });
    const warnings = await cordial(page, (c) => {
      const list: string[] = [];
      c.on('warning', (w: string) => list.push(w));
      for (let i = 0; i < 3; i++) c.track('Overflow', { i });
      return list;
    });
    expect(warnings).toEqual([
      'the delivery queue is full: dropped the 1 oldest message(s)',
      'the delivery queue is full: dropped the 1 oldest message(s)',
    ]);
    const exported = await cordial(page, (c) => c.profile.export());
    expect(exported.queuedMessages).toBe(4);
  });

  test('exports and erases the visitor’s own data', async ({ page }) => {
    await openHost(page);
    await cordial(page, (c) => c.track('Product Viewed', { product_id: 'p-9', category: 'Tea' }));
    const exported = await cordial(page, (c) => c.profile.export());
    expect(exported).toMatchObject({ userId: 'user-queued', traits: { email: 'queued@example.com' } });
    expect(exported.profile.viewed[0].id).toBe('p-9');
    const before = await anonymousIdOf(page);
    await cordial(page, (c) => c.profile.erase());
    const after = await cordial(page, (c) => c.profile.export());
    expect(after.anonymousId).not.toBe(before);
    expect(after.userId).toBeNull();
    expect(after.profile.events).toEqual([]);
    await page.reload();
    expect(await anonymousIdOf(page)).toBe(after.anonymousId);
  });
});

test.describe('loading', () => {
  test('loads the offer widget only when a <cordial-offer> is on the page', async ({ page }) => {
    const widgetRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/sdk/widgets/') || r.url().includes('/sdk/chunks/'))
        widgetRequests.push(new URL(r.url()).pathname);
    });
    await openHost(page, {}, 'empty.html');
    await page.waitForTimeout(300);
    expect(widgetRequests).toEqual([]);
    await page.evaluate(() => document.body.append(document.createElement('cordial-offer')));
    await page.waitForFunction(() => customElements.get('cordial-offer') !== undefined);
    // The widget module and the Lit chunk it imports statically, in whichever order they arrive; nothing else.
    expect(widgetRequests).toContain('/sdk/widgets/offer.js');
    expect(widgetRequests.filter((path) => path !== '/sdk/widgets/offer.js')).toEqual(
      widgetRequests.filter((path) => /^\/sdk\/chunks\/lit-[\w-]+\.js$/.test(path)),
    );
  });

  test('works as an ES module with createClient and loadWidgets, with no window.cordial', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/fixtures/sdk/esm.html');
    await expect(page.locator('cordial-offer [part~=title]')).toHaveText('From the ES module');
    const id = await page.locator('html').getAttribute('data-anonymous-id');
    expect(await page.evaluate(() => 'cordial' in window)).toBe(false);
    await expect
      .poll(async () => (await collected(page, id ?? '')).map((m) => m.event ?? m.type))
      .toEqual(['Imported As Module', 'page', 'Promotion Viewed']);
    expect(errors).toEqual([]);
  });
});
