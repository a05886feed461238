// The demo extension's database for the extension benchmarks: wait for the install-time seed, then
// fill it to a target size through the extension's own bulk seed (demo build only).
import type { BrowserContext, Worker } from '@playwright/test';

/** Waits (up to a minute) for the demo seed the background stores on install. */
export async function waitForDemoSeed(worker: Worker): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (await worker.evaluate(() => chrome.storage.local.get('demo-seeded').then((r) => r['demo-seeded']))) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Adds generated customers in chunks (each a short background event) from the options page until
 * `target` contacts are stored; returns how many are.
 */
export async function fillDemoDatabase(
  context: BrowserContext,
  extensionId: string,
  target: number,
  chunkSize = 5_000,
): Promise<number> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  let stored = 0;
  for (let chunk = 0; stored < target; chunk++) {
    const reply = await options.evaluate((message) => chrome.runtime.sendMessage(message), {
      type: 'demo:seed-bulk',
      chunk,
      contacts: Math.min(chunkSize, target - stored),
    });
    if (!reply?.ok) throw new Error(`seeding chunk ${chunk} failed`);
    stored = reply.contacts;
  }
  await options.close();
  return stored;
}
