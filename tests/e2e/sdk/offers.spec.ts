import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { collected, cordial, openHost } from './helpers';

const slot = (page: Page, placement = 'inline') => page.locator(`cordial-offer[placement="${placement}"]`);
const title = (page: Page, placement = 'inline') => slot(page, placement).locator('[part~=title]');

/** One offer per type, all for the same inline slot, each with an audience only its visitor matches. */
const EVERY_TYPE = {
  productUrl: '/store/product/{id}',
  offers: [
    {
      id: 'welcome',
      type: 'welcome',
      placement: 'inline',
      audience: { stages: ['prospect'], visitor: 'new' },
      content: { title: 'Welcome, new visitor' },
    },
    {
      id: 'cross',
      type: 'cross-sell',
      placement: 'inline',
      audience: { stages: ['customer'] },
      content: { title: 'Goes well with your kettle', products: { source: 'together', limit: 2 } },
    },
    {
      id: 'up',
      type: 'up-sell',
      placement: 'inline',
      audience: {
        events: [{ event: 'Product Viewed', category: 'Coffee gear', min: 2, withinDays: 7 }],
        stages: ['prospect'],
        visitor: 'returning',
      },
      content: { title: 'Go Pro', products: { source: 'upsell', limit: 1 } },
    },
    {
      id: 'win-back',
      type: 'win-back',
      placement: 'inline',
      audience: { churnRisk: { min: 0.6 } },
      content: { title: 'We miss you' },
    },
    {
      id: 'retention',
      type: 'retention',
      placement: 'inline',
      audience: { stages: ['repeat', 'high-value'] },
      content: { title: 'Thanks for staying' },
    },
  ],
};

/** Sets the configuration the init script left on the page (it survives reloads). */
function applyOffers(page: Page) {
  return cordial(page, (c) => c.offers.set((window as unknown as { __config: unknown }).__config));
}

async function openWithOffers(page: Page, config: unknown, params: Record<string, string> = {}) {
  await page.addInitScript((value) => {
    (window as unknown as { __config: unknown }).__config = value;
  }, config);
  await openHost(page, { recommendations: '/store/recommendations.json', ...params });
  expect(await applyOffers(page)).toBeNull();
}

test.describe('offers', () => {
  test('shows each offer type to the visitor it fits, with recommended products', async ({ page }) => {
    await openWithOffers(page, EVERY_TYPE);
    await expect(title(page)).toHaveText('Welcome, new visitor');

    // A first order → customer: cross-sell with frequently-bought-together products from the table.
    await cordial(page, (c) => {
      c.track('Order Completed', {
        order_id: 'o1',
        revenue: 59,
        products: [{ product_id: 'p-kettle', category: 'Kitchen', price: 59 }],
      });
      c.offers.refresh();
    });
    await expect(title(page)).toHaveText('Goes well with your kettle');
    await expect(slot(page).locator('[part=products] a')).toHaveCount(2);
    await expect(slot(page).locator('[part=products] a').first()).toHaveAttribute('href', /\/store\/product\/p-/);

    // Orders long ago → lapsed: win-back.
    await cordial(page, (c) => {
      c.profile.erase();
    });
    await cordial(page, (c) => {
      const old = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
      c.track('Order Completed', { order_id: 'a', revenue: 40 }, { timestamp: old(300) });
      c.track('Order Completed', { order_id: 'b', revenue: 40 }, { timestamp: old(280) });
      c.offers.refresh();
    });
    await expect(title(page)).toHaveText('We miss you');

    // Recent repeat orders → retention.
    await cordial(page, (c) => {
      const old = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
      c.track('Order Completed', { order_id: 'c', revenue: 60 }, { timestamp: old(20) });
      c.track('Order Completed', { order_id: 'd', revenue: 60 }, { timestamp: old(2) });
      c.offers.refresh();
    });
    await expect(title(page)).toHaveText('Thanks for staying');
  });

  test('shows the up-sell after two views of the category within a week, and explains the decision', async ({
    page,
  }) => {
    await page.clock.install();
    await openWithOffers(page, EVERY_TYPE);
    const before = await cordial(page, (c) => c.explain('inline'));
    expect(before.chosen.id).toBe('welcome');
    expect(before.rejected.find((r: { id: string }) => r.id === 'up').reasons).toContain('the visitor is new');
    await cordial(page, (c) =>
      c.track('Product Viewed', { product_id: 'p-grinder', category: 'Coffee gear', price: 89 }),
    );
    // A second session (after 30 minutes without activity) makes the visitor returning.
    await page.clock.fastForward('31:00');
    await cordial(page, (c) => {
      c.track('Product Viewed', { product_id: 'p-grinder', category: 'Coffee gear', price: 89, name: 'Burr grinder' });
      c.offers.refresh();
    });
    await expect(title(page)).toHaveText('Go Pro');
    await expect(slot(page).locator('[part=products] a')).toHaveText(['Burr grinder Pro — 189']);
    const why = await cordial(page, (c) => c.explain('inline'));
    expect(why.chosen).toMatchObject({ id: 'up', type: 'up-sell' });
    expect(why.chosen.reasons[0]).toBe('priority 50');
    expect(why.rejected.find((r: { id: string }) => r.id === 'welcome').reasons).toContain('the visitor is returning');
    expect(why.rejected.find((r: { id: string }) => r.id === 'cross').reasons).toContain(
      'life-cycle stage is prospect',
    );
  });

  test('reports shown, clicked, dismissed and converted as listener calls, DOM events and Promotion events', async ({
    page,
  }) => {
    await openWithOffers(page, {
      offers: [
        {
          id: 'deal',
          type: 'cross-sell',
          placement: 'inline',
          content: { title: 'A deal', cta: { label: 'Take it', url: '#deal' } },
        },
      ],
    });
    await expect(title(page)).toHaveText('A deal');
    const log = await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      const c = (window as unknown as { cordial: { on(n: string, f: (x: { id: string }) => void): void } }).cordial;
      for (const n of ['offer:clicked', 'offer:dismissed', 'offer:converted'])
        c.on(n, (o) => seen.push(`${n} ${o.id}`));
      for (const n of ['cordial-offer-clicked', 'cordial-offer-dismissed', 'cordial-offer-converted'])
        document.addEventListener(n, (e) => seen.push(`${n} ${(e as CustomEvent<{ id: string }>).detail.id}`));
      return seen;
    });
    expect(log).toEqual([]);
    await slot(page).getByRole('link', { name: 'Take it' }).click();
    await cordial(page, (c) => c.track('Order Completed', { order_id: 'o-9', revenue: 20 }));
    await slot(page)
      .getByRole('button', { name: /Dismiss offer/ })
      .click();
    await expect(title(page)).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toEqual([
      'cordial-offer-clicked deal',
      'offer:clicked deal',
      'cordial-offer-converted deal',
      'offer:converted deal',
      'cordial-offer-dismissed deal',
      'offer:dismissed deal',
    ]);
    await expect
      .poll(async () => (await collected(page)).filter((m) => m.event?.startsWith('Promotion')).map((m) => m.event))
      .toEqual(['Promotion Viewed', 'Promotion Clicked', 'Promotion Dismissed']);
    const viewed = (await collected(page)).find((m) => m.event === 'Promotion Viewed');
    expect(viewed?.properties).toMatchObject({
      promotion_id: 'deal',
      creative: 'deal',
      position: 'inline',
      name: 'A deal',
    });
  });

  test('applies frequency caps across page loads and waits after a dismissal', async ({ page }) => {
    const config = {
      offers: [
        {
          id: 'once',
          type: 'retention',
          placement: 'inline',
          priority: 90,
          content: { title: 'Once per session' },
          caps: { perSession: 1 },
        },
        {
          id: 'fallback',
          type: 'retention',
          placement: 'inline',
          priority: 10,
          content: { title: 'Fallback' },
          caps: { afterDismissal: 'never' },
        },
      ],
    };
    await openWithOffers(page, config);
    await expect(title(page)).toHaveText('Once per session');
    // Reloading at once: the impression (and the session) must already be kept, not still on its way to IndexedDB.
    await page.reload();
    await applyOffers(page);
    await expect(title(page)).toHaveText('Fallback');
    const why = await cordial(page, (c) => c.explain('inline'));
    expect(why.rejected).toEqual([{ id: 'once', reasons: ['shown 1 time(s) this session (cap 1)'] }]);
    await slot(page)
      .getByRole('button', { name: /Dismiss offer/ })
      .click();
    await page.reload();
    await applyOffers(page);
    // explain() waits for the widget to be loaded, so no polling: the first answer is the decision.
    const after = await cordial(page, (c) => c.explain('inline'));
    expect(after.rejected.map((r: { reasons: string[] }) => r.reasons[0])).toEqual([
      'shown 1 time(s) this session (cap 1)',
      'dismissed (not shown again)',
    ]);
    await expect(title(page)).toHaveCount(0);
  });

  test('learns from clicks: the bandit shows the variant visitors click more and more often', async ({ page }) => {
    await openWithOffers(page, {
      offers: [
        {
          id: 'ab',
          type: 'cross-sell',
          placement: 'inline',
          content: { title: 'Variant A', cta: { label: 'Open', url: '#open' } },
          variants: [{ id: 'a' }, { id: 'b', title: 'Variant B' }],
        },
      ],
    });
    const shown: string[] = [];
    for (let round = 0; round < 40; round++) {
      // A single-page app re-renders the slot: a new element, a new decision, a new impression.
      await page.evaluate(() => {
        const old = document.querySelector('cordial-offer');
        const next = document.createElement('cordial-offer');
        next.setAttribute('placement', 'inline');
        old?.replaceWith(next);
      });
      const text = await title(page).textContent();
      shown.push(text ?? '');
      // This audience clicks B and ignores A.
      if (text === 'Variant B') await slot(page).getByRole('link', { name: 'Open' }).click();
    }
    const lateB = shown.slice(-15).filter((t) => t === 'Variant B').length;
    expect(lateB).toBeGreaterThanOrEqual(12);
    const why = await cordial(page, (c) => c.explain('inline'));
    expect(why.chosen.reasons.at(-1)).toMatch(/^variant [ab] by Thompson sampling \(a: 0\/\d+ clicks/);
    const exported = await cordial(page, (c) => c.profile.export());
    expect(exported.widgets.offers.arms['ab/b'][1]).toBeGreaterThan(5);
  });

  test('puts a holdout share of visitors in the control group and says so', async ({ page }) => {
    await openWithOffers(page, {
      holdout: 100,
      offers: [{ id: 'x', type: 'welcome', placement: 'inline', content: { title: 'Hidden' } }],
    });
    const why = await cordial(page, (c) => c.explain('inline'));
    expect(why).toMatchObject({
      control: true,
      chosen: null,
      rejected: [{ id: 'x', reasons: ['the visitor is in the control group (holdout 100%)'] }],
    });
    await expect(title(page)).toHaveCount(0);
  });

  test('rejects an invalid configuration with a message naming the offer and the field', async ({ page }) => {
    await openHost(page);
    const error = await cordial(page, (c) =>
      c.offers.set({
        offers: [{ id: 'bad', type: 'cross_sell', placement: 'inline', content: { title: '' }, priorty: 3 }],
      }),
    );
    expect(error).toBe(
      [
        'Cordial: invalid offer configuration.',
        '  offers[0] (offer "bad").type: must be one of "cross-sell", "up-sell", "win-back", "welcome", "retention", got "cross_sell"',
        '  offers[0] (offer "bad").content.title: must not be empty',
        '  offers[0] (offer "bad").priorty: is not a known field',
      ].join('\n'),
    );
  });

  test('offers.set() resolves with the verdict when called before the offer module has loaded', async ({ page }) => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/sdk/widgets/offer.js', async (route) => {
      await held;
      await route.continue();
    });
    await openHost(page);
    const verdicts = cordial(page, (c) =>
      Promise.all([
        c.offers.set({ offers: [{ id: 'bad', type: 'nope', placement: 'inline', content: { title: 'x' } }] }),
        c.offers.set({ offers: [{ id: 'ok', type: 'welcome', placement: 'inline', content: { title: 'Set early' } }] }),
      ]),
    );
    expect(await page.evaluate(() => customElements.get('cordial-offer') === undefined)).toBe(true);
    release();
    const [bad, ok] = await verdicts;
    expect(bad).toMatch(
      /^Cordial: invalid offer configuration\.\n {2}offers\[0\] \(offer "bad"\)\.type: must be one of/,
    );
    expect(ok).toBeNull();
    await expect(title(page)).toHaveText('Set early');
  });

  test('offers.set() on a page without a slot loads the offer module to give its verdict', async ({ page }) => {
    await openHost(page, {}, 'empty.html');
    expect(await page.evaluate(() => customElements.get('cordial-offer') === undefined)).toBe(true);
    const verdict = await cordial(page, (c) =>
      c.offers.set({ offers: [{ id: 'x', type: 'welcome', placement: 'inline', content: { title: 'x' }, extra: 1 }] }),
    );
    expect(verdict).toContain('offers[0] (offer "x").extra: is not a known field');
    expect(await cordial(page, (c) => c.offers.set({ offers: [] }))).toBeNull();
  });

  test('loads the optional chunks only for configurations that use them, and the explanations on demand', async ({
    page,
  }) => {
    const chunks: string[] = [];
    page.on('request', (r) => {
      const match = /\/sdk\/chunks\/([a-z-]+)-[\w-]+\.js$/.exec(new URL(r.url()).pathname);
      if (match?.[1] && match[1] !== 'lit') chunks.push(match[1]);
    });
    await openWithOffers(page, {
      offers: [{ id: 'plain', type: 'welcome', placement: 'inline', content: { title: 'Plain' } }],
    });
    await expect(title(page)).toHaveText('Plain');
    expect(chunks).toEqual([]);
    const verdict = await cordial(page, (c) =>
      c.offers.set({
        offers: [
          {
            id: 'rich',
            type: 'welcome',
            placement: 'inline',
            display: 'toast',
            schedule: { weekdays: [0, 1, 2, 3, 4, 5, 6] },
            audience: { events: [{ event: 'page', min: 1 }] },
            content: { title: 'Rich' },
            variants: [{ id: 'a' }, { id: 'b' }],
          },
        ],
      }),
    );
    expect(verdict).toBeNull();
    expect(chunks.sort()).toEqual(['bandit', 'event-index', 'overlay', 'schedule']);
    await expect(title(page)).toHaveText('Rich');
    const why = await cordial(page, (c) => c.explain('inline'));
    expect(why.chosen.reasons.at(-1)).toMatch(/^variant [ab] by Thompson sampling/);
    expect(chunks).toContain('explain');
  });

  test('renders a modal on a delay: focus moves in, Escape dismisses and focus returns', async ({ page }) => {
    await openWithOffers(page, {
      offers: [
        {
          id: 'modal',
          type: 'welcome',
          placement: 'popup',
          display: 'modal',
          trigger: { on: 'delay', ms: 300 },
          content: { title: 'A modal offer', body: 'Body text', cta: { label: 'Shop now', url: '#shop' } },
        },
      ],
    });
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.textContent = 'Page button';
      document.querySelector('main')?.prepend(button);
      button.focus();
      const el = document.createElement('cordial-offer');
      el.setAttribute('placement', 'popup');
      document.body.append(el);
    });
    const dialog = page.getByRole('dialog', { name: 'A modal offer' });
    await expect(dialog).toBeVisible();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('CORDIAL-OFFER');
    expect(
      await new AxeBuilder({ page })
        .include('cordial-offer[placement=popup]')
        .analyze()
        .then((r) => r.violations.map((v) => v.id)),
    ).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Page button');
  });

  test('renders a banner after scroll depth and a toast on exit intent', async ({ page }) => {
    await openWithOffers(page, {
      offers: [
        {
          id: 'banner',
          type: 'retention',
          placement: 'top',
          display: 'banner',
          trigger: { on: 'scroll', percent: 60 },
          content: { title: 'Banner offer' },
        },
        {
          id: 'toast',
          type: 'retention',
          placement: 'corner',
          display: 'toast',
          trigger: { on: 'exit' },
          content: { title: 'Toast offer' },
        },
      ],
    });
    await page.evaluate(() => {
      for (const placement of ['top', 'corner']) {
        const el = document.createElement('cordial-offer');
        el.setAttribute('placement', placement);
        document.body.append(el);
      }
    });
    await page.waitForTimeout(200);
    await expect(title(page, 'top')).toHaveCount(0);
    await page.mouse.wheel(0, 5000);
    await expect(title(page, 'top')).toHaveText('Banner offer');
    await expect(title(page, 'corner')).toHaveCount(0);
    await page.evaluate(() => document.dispatchEvent(new MouseEvent('mouseout', { clientY: -5, bubbles: true })));
    await expect(title(page, 'corner')).toHaveText('Toast offer');
    await page.keyboard.press('Tab');
    await slot(page, 'corner')
      .getByRole('button', { name: /Dismiss offer/ })
      .focus();
    await page.keyboard.press('Escape');
    await expect(title(page, 'corner')).toHaveCount(0);
  });
});
