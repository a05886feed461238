import AxeBuilder from '@axe-core/playwright';
import { createMemoryRepository, importEvents } from '@cordial/core';
import { expect, test } from '@playwright/test';
import { collected, cordial } from './helpers';

test.describe('demo store, end to end', () => {
  test('tracks one page per single-page-app route and re-evaluates the offers on each', async ({ page }) => {
    // Decisions of every page load (the header links are full loads, product links are SPA routes).
    await page.addInitScript(() =>
      document.addEventListener('cordial-offer-decision', (e) => {
        const list = JSON.parse(sessionStorage.getItem('decisions') ?? '[]');
        list.push((e as CustomEvent<{ placement: string }>).detail.placement);
        sessionStorage.setItem('decisions', JSON.stringify(list));
      }),
    );
    await page.goto('/store/');
    await expect(page.locator('cordial-offer[placement=home] [part~=title]')).toHaveText('Welcome to Brew & Co.');
    await page.getByRole('link', { name: 'Burr grinder', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Burr grinder' })).toBeVisible();
    await page.getByRole('link', { name: 'All products' }).click();
    await page.getByRole('link', { name: 'Brewing scale' }).click();
    await page.goBack();
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'Burr grinder' })).toBeVisible();
    // The product page got an offer decided after its Product Viewed event.
    await expect(page.locator('cordial-offer[placement=product] [part~=title]')).toBeVisible();
    await cordial(page, (c) => c.flush());
    await expect
      .poll(async () => (await collected(page)).filter((m) => m.type === 'page').map((m) => m.context.page?.path))
      .toEqual([
        '/store/',
        '/store/product/p-grinder',
        '/store/',
        '/store/product/p-scale',
        '/store/',
        '/store/product/p-grinder',
      ]);
    const placements: string[] = await page.evaluate(() => JSON.parse(sessionStorage.getItem('decisions') ?? '[]'));
    expect(placements.filter((p) => p === 'product').length).toBeGreaterThanOrEqual(3);
  });

  test('sends the whole journey to the collector, which serves it as NDJSON for the extension', async ({ page }) => {
    await page.goto('/store/');
    await page.getByRole('link', { name: 'Gooseneck kettle', exact: true }).click();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page.locator('cordial-offer[placement=product] [part~=title]')).toHaveText(
      'Frequently bought together',
    );
    await expect(page.locator('cordial-offer[placement=product] [part=products] a').first()).toBeVisible();
    await page.getByRole('link', { name: /Cart/ }).click();
    await page.getByRole('button', { name: 'Place order' }).click();
    await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
    await cordial(page, (c) => c.flush());
    await expect
      .poll(async () => (await collected(page)).filter((m) => m.type === 'track').map((m) => m.event))
      .toEqual(expect.arrayContaining(['Promotion Viewed', 'Product Viewed', 'Product Added', 'Order Completed']));
    const order = (await collected(page)).find((m) => m.event === 'Order Completed');
    expect(order?.properties).toMatchObject({
      revenue: 59,
      currency: 'USD',
      products: [{ product_id: 'p-kettle', quantity: 1 }],
    });
    const ndjson = await page.request.get('/collect/events.ndjson?since=0');
    expect(ndjson.headers()['content-type']).toContain('application/x-ndjson');
    // What the extension's feed import does with it (core's importer): this visitor's journey, as records.
    const anonymousId = order?.anonymousId;
    const lines = (await ndjson.text()).split('\n').filter((line) => line.includes(`"anonymousId":"${anonymousId}"`));
    const repo = createMemoryRepository();
    const report = await importEvents(repo, [`${lines.join('\n')}\n`]);
    expect(report.rejected).toEqual([]);
    expect(report.accepted).toBe(lines.length);
    const orders = (await repo.list('orders')).records;
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ total: { amount: 59, currency: 'USD' }, lineItems: [{ quantity: 1 }] });
  });

  test('reserves the space of inline slots: no layout shift when offers appear', async ({ page }) => {
    await page.addInitScript(() => {
      (window as unknown as { __shift: number }).__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          (window as unknown as { __shift: number }).__shift += (entry as unknown as { value: number }).value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto('/store/');
    await expect(page.locator('cordial-offer[placement=home] [part~=title]')).toBeVisible();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBe(0);
  });

  test('has no serious accessibility violations with offers shown, and is usable at 200% zoom', async ({ page }) => {
    await page.goto('/store/');
    await expect(page.locator('cordial-offer[placement=home] [part~=title]')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.setViewportSize({ width: 640, height: 400 });
    const offer = page.locator('cordial-offer[placement=home] [part~=card]');
    const box = await offer.boundingBox();
    expect(box && box.width <= 640).toBe(true);
    await page.keyboard.press('Tab');
    await offer.getByRole('link', { name: 'Start shopping' }).focus();
    await page.keyboard.press('Tab');
    await expect(offer.getByRole('button', { name: /Dismiss offer/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('cordial-offer[placement=home] [part~=title]')).toHaveCount(0);
  });
});
