import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { generateArticles } from '../../fixtures/help/generate-articles';

/**
 * `<cordial-help>` on the demo store (served under a strict CSP), in Debian Chromium:
 * what a visitor does with the keyboard or the mouse, what the site's code can call,
 * and what reaches the demo collector.
 */

type Collected = { event?: string; type: string; properties?: Record<string, unknown> };

/** The messages the demo collector received, as its NDJSON feed serves them. */
async function collected(page: Page): Promise<Collected[]> {
  const text = await (await page.request.get('/collect/events.ndjson')).text();
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Collected);
}

async function collectedWith(page: Page, event: string, key: string, value: unknown) {
  return (await collected(page)).find((m) => m.event === event && m.properties?.[key] === value);
}

/** Records every `track` the SDK emits and every `cordial-help-*` DOM event, in the page. */
async function recordEvents(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { helpEvents: unknown[] };
    w.helpEvents = [];
    for (const name of ['open', 'close', 'search', 'article', 'vote', 'case', 'callback', 'rated'])
      document.addEventListener(`cordial-help-${name}`, (e) => w.helpEvents.push([name, (e as CustomEvent).detail]));
  });
}

const helpEvents = (page: Page) => page.evaluate(() => (window as unknown as { helpEvents: unknown[] }).helpEvents);

async function openHelp(page: Page, path = '/store/') {
  await page.goto(path);
  await page.getByRole('button', { name: 'Help', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Help' });
  await expect(dialog).toBeVisible();
  return dialog;
}

const KEYS = new Set(['Tab', 'Shift+Tab', 'Enter', 'ArrowDown']);
/** Presses the named keys and types everything else, in order: a keyboard-only visitor's steps. */
async function keys(page: Page, steps: string[]) {
  for (const step of steps) await (KEYS.has(step) ? page.keyboard.press(step) : page.keyboard.type(step));
}

test.describe('loading', () => {
  /** The store with its launcher painted, and the panel's code (and the articles) it has requested so far. */
  async function launcherOnly(page: Page) {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto('/store/');
    const launcher = page.getByRole('button', { name: 'Help', exact: true });
    await expect(launcher).toBeVisible();
    const panelCode = () =>
      requested.filter((path) => /\/(panel|library|search-engine)-[\w-]+\.js$|articles\.json$/.test(path));
    expect(panelCode()).toEqual([]);
    const panelChunkLoaded = () => panelCode().some((path) => path.includes('/panel-'));
    return { launcher, panelCode, panelChunkLoaded };
  }

  test('should paint only the launcher, and load the panel when the visitor moves towards it', async ({ page }) => {
    const { launcher, panelCode, panelChunkLoaded } = await launcherOnly(page);
    // Hovering the launcher fetches the panel chunk before the click (so opening feels instant).
    await launcher.hover();
    await expect.poll(panelChunkLoaded).toBe(true);
    expect(panelCode().some((path) => path.endsWith('articles.json'))).toBe(false);
    await launcher.click();
    await expect(page.getByRole('dialog', { name: 'Help' }).getByRole('searchbox')).toBeFocused();
    expect(panelCode().some((path) => path.endsWith('articles.json'))).toBe(true);
  });

  test('should load the panel when the launcher gets keyboard focus', async ({ page }) => {
    const { launcher, panelChunkLoaded } = await launcherOnly(page);
    await launcher.focus();
    await expect.poll(panelChunkLoaded).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Help' })).toBeVisible();
  });
});

test.describe('search', () => {
  test('should answer as the visitor types, typo and all, with highlighted snippets and a spoken count', async ({
    page,
  }) => {
    await recordEvents(page);
    const dialog = await openHelp(page);
    const search = dialog.getByRole('searchbox', { name: 'Search help articles' });
    await expect(search).toBeFocused();
    await search.pressSequentially('descal', { delay: 30 });
    await expect(dialog.getByRole('button', { name: /Descaling the gooseneck kettle/ })).toBeVisible();
    await search.fill('');
    await search.pressSequentially('grnder', { delay: 30 });
    const results = dialog.getByRole('list').first().getByRole('listitem');
    await expect(results.first()).toContainText('grinder');
    await expect(dialog.locator('mark').first()).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /articles? found/ })).toHaveText(/\d+ articles? found/);
    await expect
      .poll(() => helpEvents(page))
      .toContainEqual(['search', { query: 'grnder', results_count: expect.any(Number) }]);
  });

  test('should show popular articles when nothing matches', async ({ page }) => {
    const dialog = await openHelp(page);
    await dialog.getByRole('searchbox').fill('xylophone');
    await expect(dialog.getByText('Nothing matches “xylophone”')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Shipping times and costs' })).toBeVisible();
  });
});

test.describe('suggestions', () => {
  test('should suggest articles for the page and follow single-page navigation', async ({ page }) => {
    let dialog = await openHelp(page, '/store/product/p-grinder');
    const suggested = () => dialog.locator('h3:text("Suggested for this page") + ul');
    await expect(suggested()).toContainText('Cleaning your burr grinder');
    await expect(suggested()).not.toContainText('Descaling');
    await page.keyboard.press('Escape');
    // The store is a single-page app: its links use history.pushState.
    await page.getByRole('link', { name: 'All products' }).click();
    await page.getByRole('link', { name: 'Gooseneck kettle', exact: true }).click();
    await expect(page).toHaveURL(/p-kettle$/);
    await page.getByRole('button', { name: 'Help', exact: true }).click();
    dialog = page.getByRole('dialog', { name: 'Help' });
    await expect(suggested()).toContainText('Descaling the gooseneck kettle');
    await expect(suggested()).not.toContainText('burr grinder');
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: /Cart/ }).click();
    await page.getByRole('button', { name: 'Help', exact: true }).click();
    await expect(suggested()).toContainText('Returns and refunds');
    await expect(suggested()).toContainText('Payment methods');
  });
});

test.describe('articles', () => {
  test('should render an article safely, take a vote and offer the next step after a "no"', async ({ page }) => {
    await recordEvents(page);
    const dialog = await openHelp(page, '/store/product/p-grinder');
    await dialog.getByRole('button', { name: 'Cleaning your burr grinder' }).click();
    const article = dialog.getByRole('article');
    await expect(article.getByRole('heading', { name: 'Cleaning your burr grinder' })).toBeFocused();
    await expect(article.locator('ol > li')).toHaveCount(3);
    await expect(article.locator('strong')).toHaveText('never use water');
    await dialog.getByRole('button', { name: 'No', exact: true }).click();
    await expect(dialog.getByText('Sorry it did not help. Would you like to talk to us?').first()).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Contact us' })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Request a call back' })).toBeVisible();
    const events = await helpEvents(page);
    expect(events).toContainEqual(['article', { article_id: 'grinder-clean', title: 'Cleaning your burr grinder' }]);
    expect(events).toContainEqual(['vote', { article_id: 'grinder-clean', helpful: false }]);
    await expect
      .poll(() => collectedWith(page, 'Help Article Voted', 'article_id', 'grinder-clean'))
      .toMatchObject({ properties: { article_id: 'grinder-clean', helpful: false } });
  });
});

async function fillContact(page: Page, subject: string) {
  const dialog = page.getByRole('dialog', { name: 'Help' });
  await dialog.getByLabel('Name').fill('Ada Lovelace');
  await dialog.getByLabel('Email').fill('ada@example.com');
  await dialog.getByLabel('Type of request').selectOption('problem');
  await dialog.getByLabel('Subject').fill(subject);
  await dialog.getByLabel('How can we help?').fill('The grinder makes a rattling noise since yesterday.');
}

test.describe('contact form', () => {
  test('should open a case with the visitor context, and the collector should receive it', async ({ page }) => {
    const dialog = await openHelp(page, '/store/product/p-grinder');
    await dialog.getByRole('searchbox').fill('rattling noise');
    await dialog.getByRole('button', { name: 'Contact us' }).click();
    const subject = `Noisy grinder ${Date.now()}`;
    await fillContact(page, subject);
    await dialog.getByRole('button', { name: 'Send' }).click();
    await expect(dialog.getByText(/We received your request \(reference case-/)).toBeVisible();
    const opened = await expect
      .poll(() => collectedWith(page, 'Case Opened', 'subject', subject), { timeout: 10_000 })
      .toBeTruthy()
      .then(() => collectedWith(page, 'Case Opened', 'subject', subject));
    expect(opened?.properties).toMatchObject({
      type: 'problem',
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      page_url: expect.stringContaining('/store/product/p-grinder'),
      search_terms: ['rattling noise'],
    });
    expect(String(opened?.properties?.case_id)).toMatch(/^case-/);
    expect(opened?.properties?.recent_events).toContainEqual(expect.objectContaining({ event: 'Product Viewed' }));
  });

  test('should explain each invalid field and move focus to the first one', async ({ page }) => {
    const dialog = await openHelp(page);
    await dialog.getByRole('button', { name: 'Contact us' }).click();
    await dialog.getByLabel('Email').fill('ada@');
    await dialog.getByLabel('How can we help?').fill('short');
    await dialog.getByRole('button', { name: 'Send' }).click();
    const name = dialog.getByLabel('Name');
    await expect(name).toBeFocused();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription('Enter your name.');
    await expect(dialog.getByLabel('Email')).toHaveAccessibleDescription(
      'Enter an email address like name@example.com.',
    );
    await expect(dialog.getByLabel('How can we help?')).toHaveAccessibleDescription(
      '“How can we help?” needs at least 10 characters.',
    );
    await expect(page.getByRole('status').filter({ hasText: 'highlighted' })).toHaveText(/correct the 4 highlighted/);
  });

  test('should keep a case made offline and send it when the connection is back', async ({ page, context }) => {
    const dialog = await openHelp(page);
    await dialog.getByRole('button', { name: 'Contact us' }).click();
    const subject = `Offline case ${Date.now()}`;
    await fillContact(page, subject);
    await context.setOffline(true);
    await dialog.getByRole('button', { name: 'Send' }).click();
    await expect(dialog.getByText(/You are offline\. Your request is saved on this device/)).toBeVisible();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => localStorage.getItem('cordial.help.outbox'))).toContain(subject);
    await context.setOffline(false);
    await expect(dialog.getByText(/Your saved request case-.* was sent/)).toBeVisible();
    await expect.poll(() => collectedWith(page, 'Case Opened', 'subject', subject), { timeout: 10_000 }).toBeTruthy();
  });
  test('should hold a request while Global Privacy Control declines sending, and send it once the visitor allows it', async ({
    page,
  }) => {
    await page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }),
    );
    const dialog = await openHelp(page);
    await dialog.getByRole('button', { name: 'Contact us' }).click();
    const subject = `Held case ${Date.now()}`;
    await fillContact(page, subject);
    await dialog.getByRole('button', { name: 'Send' }).click();
    await expect(dialog.getByText(/saved on this device but not sent/)).toBeVisible();
    await page.waitForTimeout(1000);
    expect(await collectedWith(page, 'Case Opened', 'subject', subject)).toBeUndefined();
    await page.keyboard.press('Escape');
    // The store's own privacy control (by keyboard: the demo's offer banner may cover the footer).
    await page.getByRole('button', { name: 'Allow personalization' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => collectedWith(page, 'Case Opened', 'subject', subject), { timeout: 10_000 }).toBeTruthy();
  });
});

test.describe('call back', () => {
  test('should turn a chosen time window into a Callback Requested event at the collector', async ({ page }) => {
    const dialog = await openHelp(page);
    await dialog.getByRole('button', { name: 'Request a call back' }).click();
    const topic = `Order help ${Date.now()}`;
    await dialog.getByLabel('Name').fill('Grace Hopper');
    await dialog.getByLabel('Phone number').fill('+1 (555) 010-0199');
    await dialog.getByLabel('Day').selectOption({ index: 1 });
    await dialog.getByLabel('Time').selectOption({ index: 2 });
    await dialog.getByLabel('What is it about?').fill(topic);
    await dialog.getByRole('button', { name: 'Request call' }).click();
    await expect(dialog.getByText(/Thanks! We will call you on/)).toBeVisible();
    await expect
      .poll(() => collectedWith(page, 'Callback Requested', 'topic', topic), { timeout: 10_000 })
      .toBeTruthy();
    const request = await collectedWith(page, 'Callback Requested', 'topic', topic);
    expect(request?.properties).toMatchObject({ phone: '+15550100199', name: 'Grace Hopper' });
    const start = Date.parse(String(request?.properties?.window_start));
    const end = Date.parse(String(request?.properties?.window_end));
    expect(end - start).toBe(3_600_000);
    expect(start).toBeGreaterThan(Date.now());
  });
});

test.describe('code API', () => {
  test('should open an article, search and close from the site code, restoring focus', async ({ page }) => {
    await page.goto('/store/');
    await page.waitForFunction(() => customElements.get('cordial-help') !== undefined);
    await page.getByRole('link', { name: 'All products' }).focus();
    await page.evaluate(() =>
      (
        window as unknown as { cordial: { help: { openArticle(id: string): Promise<boolean> } } }
      ).cordial.help.openArticle('returns'),
    );
    const dialog = page.getByRole('dialog', { name: 'Help' });
    await expect(dialog.getByRole('heading', { name: 'Returns and refunds' })).toBeVisible();
    const count = await page.evaluate(() =>
      (window as unknown as { cordial: { help: { search(q: string): Promise<number> } } }).cordial.help.search(
        'refund',
      ),
    );
    expect(count).toBeGreaterThan(0);
    await expect(dialog.getByRole('searchbox')).toHaveValue('refund');
    await page.evaluate(() => (window as unknown as { cordial: { help: { close(): void } } }).cordial.help.close());
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('link', { name: 'All products' })).toBeFocused();
  });

  test('should run calls made while the widget loads, once it is defined, in the order they were made', async ({
    page,
  }) => {
    // Hold the widget module back, as a slow network would, and call the API the documented way meanwhile.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/sdk/widgets/help.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/store/');
    await page.waitForFunction(() => Boolean((window as unknown as { cordial?: object }).cordial));
    expect(await page.evaluate(() => customElements.get('cordial-help') === undefined)).toBe(true);
    await page.getByRole('link', { name: 'All products' }).focus();
    const results = page.evaluate(async () => {
      await customElements.whenDefined('cordial-help');
      type Help = Record<string, (...args: unknown[]) => Promise<unknown>>;
      const help = (window as unknown as { cordial: { help: Help } }).cordial.help;
      // Not awaited one by one: the page's code fires them at once; they must still run in this order.
      return Promise.all([help.open?.(), help.search?.('refund'), help.openArticle?.('returns')]);
    });
    release();
    const [, count, found] = await results;
    expect(count).toBeGreaterThan(0);
    expect(found).toBe(true);
    const dialog = page.getByRole('dialog', { name: 'Help' });
    await expect(dialog.getByRole('heading', { name: 'Returns and refunds' })).toBeVisible();
    await page.evaluate(() => (window as unknown as { cordial: { help: { close(): void } } }).cordial.help.close());
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('link', { name: 'All products' })).toBeFocused();
  });

  test('should ask for a satisfaction rating once a case is reported closed', async ({ page }) => {
    const dialog = await openHelp(page);
    await dialog.getByRole('button', { name: 'Contact us' }).click();
    const subject = `Rated case ${Date.now()}`;
    await fillContact(page, subject);
    await dialog.getByRole('button', { name: 'Send' }).click();
    await expect(dialog.getByText(/reference case-/)).toBeVisible();
    const opened = await expect
      .poll(() => collectedWith(page, 'Case Opened', 'subject', subject), { timeout: 10_000 })
      .toBeTruthy()
      .then(() => collectedWith(page, 'Case Opened', 'subject', subject));
    const caseId = String(opened?.properties?.case_id);
    await page.keyboard.press('Escape');
    await page.evaluate(
      (id) =>
        (window as unknown as { cordial: { help: { caseClosed(id: string): void } } }).cordial.help.caseClosed(id),
      caseId,
    );
    await page.getByRole('button', { name: 'Help', exact: true }).click();
    await expect(dialog.getByRole('heading', { name: 'How did we do?' })).toBeVisible();
    await dialog.getByRole('radio', { name: '4 out of 5' }).check();
    await dialog.getByRole('button', { name: 'Send' }).click();
    await expect(dialog.getByText('Thank you for rating our help.')).toBeVisible();
    await expect
      .poll(() => collectedWith(page, 'Case Rated', 'case_id', caseId), { timeout: 10_000 })
      .toMatchObject({ properties: { case_id: caseId, satisfaction: 4 } });
  });
});

test.describe('satisfaction', () => {
  test('should ask for a rating when the owner collector reports the case closed', async ({ page }) => {
    const asked: string[] = [];
    await page.route('**/collect/cases/*', async (route) => {
      asked.push(new URL(route.request().url()).pathname);
      await route.fulfill({ json: { status: 'closed' } });
    });
    const dialog = await openHelp(page);
    await dialog.getByRole('button', { name: 'Contact us' }).click();
    await fillContact(page, `Polled case ${Date.now()}`);
    await dialog.getByRole('button', { name: 'Send' }).click();
    await expect(dialog.getByText(/reference case-/)).toBeVisible();
    await page.keyboard.press('Escape');
    // The owner points the widget at its collector; on loading it asks about the visitor's open cases.
    await page.evaluate(() =>
      (window as unknown as { cordial: { help: { configure(c: unknown): void } } }).cordial.help.configure({
        caseStatusUrl: '/collect/cases/{case_id}',
      }),
    );
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toMatch(/^\/collect\/cases\/case-/);
    await page.getByRole('button', { name: 'Help', exact: true }).click();
    await expect(dialog.getByRole('heading', { name: 'How did we do?' })).toBeVisible();
  });
});

test.describe('languages', () => {
  test('should follow the visitor browser language on a page without one, and take an override', async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ locale: 'fr-FR', baseURL });
    const page = await context.newPage();
    // The same store page, but without <html lang>: the browser's language decides.
    await page.route('**/store/product/p-grinder', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace('<html lang="en">', '<html>') });
    });
    await page.goto('/store/product/p-grinder');
    await page.getByRole('button', { name: 'Aide', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Aide' });
    await expect(dialog.getByRole('searchbox', { name: 'Rechercher dans les articles d’aide' })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Nettoyer votre moulin à meules' })).toBeVisible();
    // An article without a French version falls back to English.
    await expect(dialog.getByRole('button', { name: 'Choosing the grind size' })).toBeVisible();
    await page.evaluate(() => document.querySelector('cordial-help')?.setAttribute('locale', 'en'));
    await expect(
      page.getByRole('dialog', { name: 'Help' }).getByRole('button', { name: 'Cleaning your burr grinder' }),
    ).toBeVisible();
    await context.close();
  });

  test('should lay the panel out right to left for an Arabic page', async ({ page }) => {
    await page.route('**/store/', async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        body: (await response.text()).replace('<html lang="en">', '<html lang="ar" dir="rtl">'),
      });
    });
    await page.goto('/store/');
    await page.getByRole('button', { name: 'مساعدة' }).click();
    const dialog = page.getByRole('dialog', { name: 'مركز المساعدة' });
    await expect(dialog).toHaveAttribute('dir', 'rtl');
    await expect(dialog).toHaveAttribute('lang', 'ar');
    await dialog.getByRole('searchbox').fill('الشحن');
    await expect(dialog.getByRole('button', { name: /مواعيد الشحن وتكاليفه/ })).toBeVisible();
    // Mirrored: the panel hugs the left edge, its close button sits at the inline end (left).
    const box = await dialog.boundingBox();
    const close = await dialog.getByRole('button', { name: 'إغلاق المساعدة' }).boundingBox();
    expect(box?.x).toBeLessThan(100);
    expect((close?.x ?? 999) - (box?.x ?? 0)).toBeLessThan(100);
    expect(
      await new AxeBuilder({ page })
        .include('cordial-help')
        .analyze()
        .then((r) => r.violations),
    ).toEqual([]);
  });
});

test.describe('keyboard and accessibility', () => {
  test('should be usable with the keyboard alone, trapping focus in the panel and restoring it on close', async ({
    page,
  }) => {
    await page.goto('/store/product/p-dripper');
    const launcher = page.getByRole('button', { name: 'Help', exact: true });
    await launcher.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Help' });
    await expect(dialog.getByRole('searchbox')).toBeFocused();
    await page.keyboard.type('dripper');
    await expect(dialog.getByRole('button', { name: /Brewing with the ceramic dripper/ })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: /Brewing with the ceramic dripper/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('heading', { name: 'Brewing with the ceramic dripper' })).toBeFocused();
    // Tab around the whole panel: focus never leaves it.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('CORDIAL-HELP');
    }
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('CORDIAL-HELP');
    await dialog.getByRole('button', { name: 'Yes' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog.getByText('Thanks for your feedback.').first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(launcher).toBeFocused();
  });

  test('should open a case and ask for a call back with the keyboard alone, with no axe-core violations', async ({
    page,
  }) => {
    await page.goto('/store/');
    const launcher = page.getByRole('button', { name: 'Help', exact: true });
    await expect(launcher).toBeVisible();
    // The launcher alone, before anything else has loaded.
    expect((await new AxeBuilder({ page }).include('cordial-help').analyze()).violations).toEqual([]);
    const focused = () =>
      page.evaluate(() => document.querySelector('cordial-help')?.shadowRoot?.activeElement?.textContent?.trim() ?? '');
    /** Tabs forward (or back) until the focused control reads `name`; fails if it never does. */
    const tabTo = async (name: string, key = 'Tab') => {
      for (let i = 0; i < 40 && (await focused()) !== name; i++) await page.keyboard.press(key);
      expect(await focused()).toBe(name);
    };
    await launcher.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Help' });
    await expect(dialog.getByRole('searchbox')).toBeFocused();
    await tabTo('Contact us');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('heading', { name: 'Contact us' })).toBeFocused();
    const subject = `Keyboard case ${Date.now()}`;
    await keys(page, ['Tab', 'Ada Lovelace', 'Tab', 'ada@example.com', 'Tab', 'ArrowDown']);
    await expect(dialog.getByLabel('Type')).toHaveValue('problem');
    await keys(page, ['Tab', subject, 'Tab', 'The grinder stopped after a week of use.', 'Tab']);
    await expect(dialog.getByRole('button', { name: 'Send' })).toBeFocused();
    await page.keyboard.press('Enter');
    const notice = dialog.getByText(/We received your request \(reference case-/);
    await expect(notice).toBeFocused();
    expect((await new AxeBuilder({ page }).include('cordial-help').analyze()).violations).toEqual([]);
    await expect.poll(() => collectedWith(page, 'Case Opened', 'subject', subject), { timeout: 10_000 }).toBeTruthy();

    await tabTo('Back', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await tabTo('Request a call back');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('heading', { name: 'Request a call back' })).toBeFocused();
    const topic = `Keyboard call ${Date.now()}`;
    await page.keyboard.press('Tab');
    // The name (and the email) come from the case just opened.
    await expect(dialog.getByLabel('Name')).toHaveValue('Ada Lovelace');
    // Phone, then past the email to the day and the time (the next of each), the topic and the button.
    await keys(page, ['Tab', '+44 20 7946 0958', 'Tab', 'Tab', 'ArrowDown', 'Tab', 'ArrowDown', 'Tab', topic, 'Tab']);
    await expect(dialog.getByRole('button', { name: 'Request call' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog.getByText(/Thanks! We will call you on/)).toBeVisible();
    await expect
      .poll(() => collectedWith(page, 'Callback Requested', 'topic', topic), { timeout: 10_000 })
      .toMatchObject({ properties: { phone: '+442079460958', name: 'Ada Lovelace', email: 'ada@example.com' } });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(launcher).toBeFocused();
  });

  test('should have no axe-core violations on the home, article and contact views', async ({ page }) => {
    const axe = () =>
      new AxeBuilder({ page })
        .include('cordial-help')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
    const dialog = await openHelp(page, '/store/product/p-grinder');
    expect((await axe()).violations).toEqual([]);
    await dialog.getByRole('searchbox').fill('grind');
    await dialog.getByRole('button', { name: /Choosing the grind size/ }).click();
    expect((await axe()).violations).toEqual([]);
    await dialog.getByRole('button', { name: 'No', exact: true }).click();
    await dialog.getByRole('button', { name: 'Contact us' }).click();
    await dialog.getByRole('button', { name: 'Send' }).click();
    await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
    expect((await axe()).violations).toEqual([]);
    await dialog.getByRole('button', { name: 'Back' }).click();
    await dialog.getByRole('button', { name: 'Request a call back' }).click();
    expect((await axe()).violations).toEqual([]);
  });

  test('should stay usable at 200% zoom', async ({ page }) => {
    await page.setViewportSize({ width: 640, height: 400 });
    const dialog = await openHelp(page);
    const box = await dialog.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(640);
    await dialog.getByRole('button', { name: 'Contact us' }).scrollIntoViewIfNeeded();
    await expect(dialog.getByRole('button', { name: 'Contact us' })).toBeInViewport();
  });
});

test.describe('large collections', () => {
  const articles = generateArticles(1200);
  const target = articles[777]?.title ?? '';

  async function useLargeCollection(page: Page) {
    await page.route('**/store/help/large.json', (route) => route.fulfill({ json: { version: 'large-1', articles } }));
    await page.locator('cordial-help').evaluate((el) => el.setAttribute('src', '/store/help/large.json'));
    await page.getByRole('button', { name: 'Help', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Help' });
    await dialog.getByRole('searchbox').fill(target.replace(/[()]/g, ''));
    await expect(dialog.getByRole('button', { name: target })).toBeVisible({ timeout: 15_000 });
  }

  const cachedKeys = (page: Page) =>
    page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const open = indexedDB.open('cordial-help');
          open.onsuccess = () => {
            const req = open.result.transaction('search-index').objectStore('search-index').getAllKeys();
            req.onsuccess = () => resolve(req.result.map(String));
          };
        }),
    );

  test('should index 1,200 articles in a worker and reuse the cached index on the next visit', async ({ page }) => {
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto('/store/');
    await useLargeCollection(page);
    expect(workers.some((url) => url.includes('index-worker'))).toBe(true);
    await expect.poll(() => cachedKeys(page)).toEqual([expect.stringContaining(':large-1:en')]);
    workers.length = 0;
    await page.reload();
    await useLargeCollection(page);
    expect(workers).toEqual([]);
  });

  test('should still search when the page CSP blocks workers', async ({ page }) => {
    await page.route('**/store/', async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      headers['content-security-policy'] = `${headers['content-security-policy']}; worker-src 'none'`;
      await route.fulfill({ response, headers });
    });
    const violations: string[] = [];
    page.on('console', (msg) => msg.text().includes('worker-src') && violations.push(msg.text()));
    await page.goto('/store/');
    await useLargeCollection(page);
    expect(violations.length).toBeGreaterThan(0);
  });
});

test.describe('modes and placement', () => {
  test('should offer only articles, or only the contact form, as the owner chooses', async ({ page }) => {
    await page.goto('/store/');
    const help = page.locator('cordial-help');
    await help.evaluate((el) => el.setAttribute('mode', 'articles'));
    await page.getByRole('button', { name: 'Help', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Help' });
    await expect(dialog.getByRole('searchbox')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Contact us' })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await help.evaluate((el) => el.setAttribute('mode', 'contact'));
    await page.getByRole('button', { name: 'Help', exact: true }).click();
    await expect(dialog.getByRole('heading', { name: 'Contact us' })).toBeFocused();
    await expect(dialog.getByRole('searchbox')).toHaveCount(0);
    await expect(dialog.getByRole('button', { name: 'Back' })).toHaveCount(0);
  });

  test('should render in place in a page slot, without a launcher or a focus trap', async ({ page }) => {
    await page.goto('/store/cart');
    // After the store rendered its view (it replaces <main>'s children), add a help slot below it.
    await expect(page.getByRole('heading', { name: 'Your cart' })).toBeVisible();
    await page.evaluate(() => {
      document.querySelector('cordial-help')?.remove();
      const inline = document.createElement('cordial-help');
      inline.setAttribute('inline', '');
      inline.setAttribute('src', '/store/help/articles.json');
      document.querySelector('main')?.after(inline);
    });
    const region = page.getByRole('region', { name: 'Help' });
    await expect(region.getByRole('button', { name: 'Returns and refunds' }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Help', exact: true })).toHaveCount(0);
    await region.getByRole('searchbox').fill('refund');
    await expect(region.locator('mark').first()).toHaveText(/refund/i);
  });

  test('should upload attachments when the owner allows them and list them in the case', async ({ page }) => {
    const uploads: string[] = [];
    await page.route('**/store/upload', async (route) => {
      uploads.push(route.request().method());
      await route.fulfill({ json: { url: `https://files.example/${uploads.length}` } });
    });
    await page.goto('/store/');
    await page.waitForFunction(() => Boolean((window as unknown as { cordial?: { help?: unknown } }).cordial?.help));
    await page.evaluate(() =>
      (window as unknown as { cordial: { help: { configure(c: unknown): void } } }).cordial.help.configure({
        attachments: { endpoint: '/store/upload', maxFiles: 2, maxSizeMb: 1 },
      }),
    );
    await page.getByRole('button', { name: 'Help', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Help' });
    await dialog.getByRole('button', { name: 'Contact us' }).click();
    const subject = `With a photo ${Date.now()}`;
    await fillContact(page, subject);
    const files = dialog.getByLabel('Attachments (optional)');
    await expect(files).toHaveAccessibleDescription('Up to 2 files, 1 MB each.');
    await files.setInputFiles([{ name: 'big.png', mimeType: 'image/png', buffer: Buffer.alloc(2 * 1024 * 1024) }]);
    await dialog.getByRole('button', { name: 'Send' }).click();
    await expect(files).toHaveAccessibleDescription(/big\.png is larger than 1 MB/);
    await files.setInputFiles([{ name: 'noise.png', mimeType: 'image/png', buffer: Buffer.from('png') }]);
    await dialog.getByRole('button', { name: 'Send' }).click();
    await expect(dialog.getByText(/reference case-/)).toBeVisible();
    expect(uploads).toEqual(['POST']);
    await expect
      .poll(() => collectedWith(page, 'Case Opened', 'subject', subject), { timeout: 10_000 })
      .toMatchObject({
        properties: { attachments: [{ name: 'noise.png', type: 'image/png', url: 'https://files.example/1' }] },
      });
  });
});

test.describe('theming', () => {
  test('should take the site colours from custom properties and follow the dark colour scheme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const dialog = await openHelp(page);
    const background = () => dialog.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await background()).toBe('rgb(31, 31, 31)');
    expect((await new AxeBuilder({ page }).include('cordial-help').withTags(['wcag2aa']).analyze()).violations).toEqual(
      [],
    );
    // CSSOM writes are allowed under the strict CSP (inline style attributes are not).
    await page
      .locator('cordial-help')
      .evaluate((el: HTMLElement) => el.style.setProperty('--cordial-help-background', 'rgb(250, 240, 230)'));
    expect(await background()).toBe('rgb(250, 240, 230)');
  });
});
