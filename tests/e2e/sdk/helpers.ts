import { expect, type Page } from '@playwright/test';

export type Collected = {
  type: string;
  event?: string;
  name?: string;
  messageId: string;
  anonymousId: string;
  userId?: string | null;
  timestamp: string;
  properties?: Record<string, unknown>;
  traits?: Record<string, unknown>;
  context: {
    page?: { path: string; url: string };
    campaign?: Record<string, string>;
    locale?: string;
    userAgent?: string;
  };
};

/** Opens the strict-CSP host page with the SDK's data-* attributes from `params`, and waits for ready. */
export async function openHost(page: Page, params: Record<string, string> = {}, file = 'host.html') {
  const query = new URLSearchParams({ endpoint: '/collect/batch', 'flush-interval': '100', ...params });
  await page.goto(`/fixtures/sdk/${file}?${query}`);
  await expect(page.locator('html[data-cordial-ready]')).toHaveCount(1);
}

/** What the demo collector accepted for this visitor (it de-duplicates by messageId). */
export async function collected(page: Page, anonymousId?: string): Promise<Collected[]> {
  const id = anonymousId ?? (await anonymousIdOf(page));
  const response = await page.request.get('/collect/events.ndjson');
  const text = await response.text();
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Collected)
    .filter((m) => m.anonymousId === id);
}

export const anonymousIdOf = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { cordial: { user(): { anonymousId: string } } }).cordial.user().anonymousId,
  );

/** Page errors and console errors, to assert that the SDK adds none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** Runs `fn` against window.cordial in the page (typed loosely: this is the public script-tag API). */
export function cordial<T>(page: Page, fn: (c: CordialApi) => T | Promise<T>): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window.cordial)`) as Promise<T>;
}

// biome-ignore lint/suspicious/noExplicitAny: the page-side API, exercised exactly as a site owner's script would.
export type CordialApi = any;
