import { join } from 'node:path';
import type { BrowserContext, FrameLocator, Page, Worker } from '@playwright/test';
import { expect, FIXTURES, serveAt } from '../../fixtures';

export const GMAIL = 'https://mail.google.com/mail/u/0/';
export const OUTLOOK = 'https://outlook.office.com/mail/inbox';

/** The rep of the fixtures: their own address and their company's domain (colleagues). */
export const REP_SETTINGS = { ownAddresses: ['rep@cordial-demo.test', 'cordial-demo.test'], exclude: ['family.test'] };

/** Saves settings as the options page would (extension storage, through the background). */
export async function saveSettings(serviceWorker: Worker, settings: object): Promise<void> {
  await serviceWorker.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
}

/** Waits for the demo seed (CORDIAL_DEMO build, on install) to have stored the fixture senders. */
export async function waitForSeed(serviceWorker: Worker): Promise<void> {
  await expect
    .poll(() => serviceWorker.evaluate(() => chrome.storage.local.get('demo-seeded').then((r) => r['demo-seeded'])), {
      timeout: 20_000,
    })
    .toBeTruthy();
}

/** Gmail (saved fixture) at its real URL, the conversation chosen by the hash as Gmail does. */
export async function openGmail(context: BrowserContext, hash: string, query = ''): Promise<Page> {
  await serveAt(context, `${GMAIL}${query}`, join(FIXTURES, 'gmail/inbox.html'));
  const page = await context.newPage();
  await page.goto(`${GMAIL}${query}#${hash}`);
  return page;
}

/** Outlook on the web (saved fixture) at its real URL; conversations open by History API navigation. */
export async function openOutlook(context: BrowserContext, query = ''): Promise<Page> {
  await serveAt(context, `${OUTLOOK}${query}`, join(FIXTURES, 'outlook/mail.html'));
  const page = await context.newPage();
  await page.goto(`${OUTLOOK}${query}`);
  return page;
}

export function sidebar(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="Cordial contact sidebar"]');
}

/** The list entry of one person in the sidebar (a button with their name). */
export function person(frame: FrameLocator, name: string | RegExp) {
  return frame.getByRole('button', { name });
}
