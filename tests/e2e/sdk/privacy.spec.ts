import { expect, type Page, test } from '@playwright/test';
import { collected, cordial, openHost } from './helpers';

/** Page errors, console errors, and the SDK's console warnings (which must come once per problem). */
function watch(page: Page) {
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    if (m.type() === 'warning' && m.text().startsWith('[cordial]')) warnings.push(m.text());
  });
  return { errors, warnings };
}

/** A plain inline offer: no audience, schedule or variants, so its decision needs no optional chunk. */
async function showPlainOffer(page: Page) {
  const verdict = await cordial(page, (c) =>
    c.offers.set({ offers: [{ id: 'plain', type: 'welcome', placement: 'inline', content: { title: 'Still here' } }] }),
  );
  expect(verdict).toBeNull();
  await expect(page.locator('cordial-offer [part~=title]')).toHaveText('Still here');
}

/** broken.html (see tests/fixtures/sdk/broken.js), optionally broken before the SDK loads. */
async function openBroken(page: Page, hash = '') {
  await page.goto(`/fixtures/sdk/broken.html?endpoint=/collect/batch&flush-interval=100${hash}`);
  await expect(page.locator('html[data-cordial-ready]')).toHaveCount(1);
}

/** Everything the SDK may have written: localStorage keys and the IndexedDB queue and profile. */
async function stored(page: import('@playwright/test').Page) {
  return page.evaluate(async () => {
    const local = Object.keys(localStorage).filter((k) => k.startsWith('cordial.'));
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('cordial', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('kv');
      request.onsuccess = () => resolve(request.result);
    });
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const request = db.transaction('kv').objectStore('kv').getAllKeys();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return { local, idb: keys.map(String) };
  });
}

test.describe('consent and privacy', () => {
  test('stores and sends nothing before consent when the owner requires it, then sends what the visitor allowed', async ({
    page,
  }) => {
    let requests = 0;
    page.on('request', (r) => {
      if (r.url().includes('/collect/batch')) requests++;
    });
    await openHost(page, { consent: 'required' });
    await cordial(page, (c) => c.track('Before Consent'));
    await page.waitForTimeout(400);
    expect(requests).toBe(0);
    expect(await stored(page)).toEqual({ local: [], idb: [] });
    expect(await cordial(page, (c) => c.profile.summary())).toBeNull();

    await cordial(page, (c) => c.consent.grant(['analytics', 'personalization']));
    await expect
      .poll(async () => (await collected(page)).map((m) => m.event ?? m.type))
      .toEqual(['Queued Before Load', 'identify', 'page', 'Before Consent']);
    expect((await stored(page)).local).toContain('cordial.anonymousId');

    await page.reload();
    await expect(page.locator('html[data-cordial-ready]')).toHaveCount(1);
    expect(await cordial(page, (c) => c.consent.state())).toMatchObject({
      analytics: true,
      personalization: true,
      reason: 'granted',
    });
  });

  test('forgets everything on revoke and falls back to non-personalized offers', async ({ page }) => {
    await openHost(page);
    await cordial(page, (c) =>
      c.offers.set({
        offers: [
          {
            id: 'personal',
            type: 'welcome',
            placement: 'inline',
            priority: 90,
            audience: { stages: ['prospect'] },
            content: { title: 'Just for you' },
          },
          { id: 'generic', type: 'retention', placement: 'inline', priority: 10, content: { title: 'For everyone' } },
        ],
      }),
    );
    await expect(page.locator('cordial-offer [part~=title]')).toHaveText('Just for you');
    await cordial(page, (c) => c.consent.revoke());
    await page.waitForTimeout(200);
    expect((await stored(page)).idb).toEqual([]);
    expect((await stored(page)).local).toEqual(['cordial.consent']);
    await expect(page.locator('cordial-offer [part~=title]')).toHaveText('For everyone');
    const why = await cordial(page, (c) => c.explain('inline'));
    expect(why.personalized).toBe(false);
    expect(why.rejected).toEqual([
      { id: 'personal', reasons: ['needs personalization consent (audience uses the profile)'] },
    ]);
  });

  test('honours Global Privacy Control by default: no events leave the browser', async ({ page }) => {
    await page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
    );
    let requests = 0;
    page.on('request', (r) => {
      if (r.url().includes('/collect/batch')) requests++;
    });
    await openHost(page);
    await cordial(page, (c) => c.track('Not Sent'));
    await page.waitForTimeout(400);
    expect(requests).toBe(0);
    expect(await cordial(page, (c) => c.consent.state())).toMatchObject({ analytics: false, reason: 'gpc' });
  });
});

test.describe('hostile pages', () => {
  test('survives overridden JSON.stringify, Array.prototype changes, a broken fetch and being loaded twice', async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openHost(page, { twice: '1' }, 'hostile.html');
    await cordial(page, (c) =>
      c.track('Order Completed', { order_id: 'o-1', revenue: 30, products: [{ product_id: 'p', price: 30 }] }),
    );
    await expect
      .poll(async () => (await collected(page)).map((m) => m.event ?? m.type))
      .toEqual(['Queued Before Load', 'identify', 'page', 'Order Completed']);
    const order = (await collected(page)).at(-1);
    // Arrays stayed arrays (no Array.prototype.toJSON), nothing from Object.prototype leaked in.
    expect(order?.properties).toEqual({ order_id: 'o-1', revenue: 30, products: [{ product_id: 'p', price: 30 }] });
    expect(await page.evaluate(() => (window as unknown as { cordial: { _cordial: boolean } }).cordial._cordial)).toBe(
      true,
    );
    expect(errors).toEqual([]);
  });
});

test.describe('pages that break Array.prototype helpers, JSON.stringify, fetch and Promise, and freeze history', () => {
  test('broken before the SDK loads: events are delivered, a plain offer shows, nothing is thrown', async ({
    page,
  }) => {
    const { errors, warnings } = watch(page);
    await openBroken(page, '#before');
    await showPlainOffer(page);
    await cordial(page, (c) => {
      const listener = () => undefined;
      c.on('track', listener).off('track', listener);
      c.identify('user-1', { plan: 'pro' });
      c.track('Order Completed', { order_id: 'o-1', revenue: 30, products: [{ product_id: 'p', price: 30 }] });
      c.page('Checkout');
      c.consent.grant(['analytics', 'personalization']);
      c.offers.refresh();
      return c.flush();
    });
    await expect
      .poll(async () => (await collected(page)).map((m) => m.event ?? m.type))
      .toEqual(['Queued Before Load', 'identify', 'page', 'Promotion Viewed', 'identify', 'Order Completed', 'page']);
    const order = (await collected(page)).find((m) => m.event === 'Order Completed');
    expect(order?.properties).toEqual({ order_id: 'o-1', revenue: 30, products: [{ product_id: 'p', price: 30 }] });
    expect(errors).toEqual([]);
    // What could not work (the profile's scores use the broken helpers) was said once, however often it failed.
    expect(warnings.length).toBeGreaterThan(0);
    expect(new Set(warnings).size).toBe(warnings.length);
  });

  test('broken after the SDK loaded: routes, events and offers keep working, nothing is thrown', async ({ page }) => {
    const { errors } = watch(page);
    await openBroken(page);
    await showPlainOffer(page);
    await page.evaluate(() => (window as unknown as { breakThePage(): void }).breakThePage());
    await cordial(page, (c) => {
      history.pushState({}, '', '/fixtures/sdk/broken.html?step=2');
      c.track('Product Viewed', { product_id: 'p-2', category: 'Tea' });
      c.offers.refresh();
      return c.flush();
    });
    await expect(page.locator('cordial-offer [part~=title]')).toHaveText('Still here');
    await expect
      .poll(async () => (await collected(page)).map((m) => m.event ?? m.type))
      .toEqual(['Queued Before Load', 'identify', 'page', 'Promotion Viewed', 'page', 'Product Viewed']);
    // The route change was followed although history is frozen now (it was wrapped when the SDK loaded).
    expect((await collected(page)).at(-2)?.context.page?.url).toMatch(/\?step=2$/);
    expect(errors).toEqual([]);
  });
});

test.describe('strict Content-Security-Policy', () => {
  test('loads the SDK and the offer widget with no CSP violation on the demo store', async ({ page }) => {
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        document.documentElement.setAttribute('data-csp-violation', `${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/store/');
    await expect(page.locator('cordial-offer[placement=home] [part~=title]')).toBeVisible();
    const response = await page.request.get('/store/');
    expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(await page.locator('html').getAttribute('data-csp-violation')).toBeNull();
    expect(errors).toEqual([]);
  });
});
