import { expect, test } from '../fixtures';
import { openGmail, REP_SETTINGS, saveSettings, sidebar, waitForSeed } from './pages/webmail';

test('should import the website events of a subscribed feed and show them in the sidebar', async ({
  context,
  serviceWorker,
  baseURL,
  request,
}) => {
  await waitForSeed(serviceWorker);
  const at = new Date().toISOString();
  // The storefront's SDK would send these: the unknown sender identifies and buys.
  const batch = [
    {
      type: 'identify',
      messageId: `feed-e2e-identify-${Date.now()}`,
      anonymousId: 'anon-feed-e2e',
      timestamp: at,
      traits: { email: 'someone.new@example.org', name: 'New Visitor' },
    },
    {
      type: 'track',
      event: 'Order Completed',
      messageId: `feed-e2e-order-${Date.now()}`,
      anonymousId: 'anon-feed-e2e',
      timestamp: at,
      properties: {
        order_id: 'feed-e2e-1',
        total: 89.5,
        currency: 'EUR',
        products: [{ product_id: 'kettle', name: 'Kettle', price: 89.5, quantity: 1 }],
      },
    },
  ];
  expect((await request.post(`${baseURL}/collect/batch`, { data: { batch, sentAt: at } })).ok()).toBe(true);
  await saveSettings(serviceWorker, {
    ...REP_SETTINGS,
    feed: { url: `${baseURL}/collect/events.ndjson`, intervalMinutes: 5 },
  });
  // The feed alarm fires shortly after the subscription is saved.
  await expect
    .poll(() => serviceWorker.evaluate(() => chrome.storage.local.get('feed-status').then((r) => r['feed-status'])), {
      timeout: 20_000,
    })
    .toMatchObject({ ok: true, text: expect.stringMatching(/^Imported \d+ of \d+ new events/) });

  const page = await openGmail(context, 'inbox/FMfcgzQZunknown');
  const frame = sidebar(page);
  await expect(frame.getByRole('heading', { name: 'New Visitor' })).toBeVisible();
  await expect(frame.getByRole('heading', { name: /Last orders \(1 of 1\)/ })).toBeVisible();
});
