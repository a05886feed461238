import { createFeedPoller, type FeedTransport, type PollResult, type Repository } from '@cordial/core';
import * as z from 'zod';
import type { Settings } from '../state/settings';
import { announceDataChanged } from './data-changed';

/**
 * The rep's feed subscription: a collector URL (e.g. the demo's /collect/events.ndjson)
 * whose Segment NDJSON core-import's feed poller imports every few minutes, driven by an
 * alarm (the background service worker may sleep between polls). The cursor is kept per
 * URL so a restart neither loses nor repeats events.
 */
export const FEED_ALARM = 'feed';
const STATUS_KEY = 'feed-status';
const cursorKey = (url: string) => `feed-cursor:${url}`;

export const FeedStatusSchema = z.object({
  at: z.string(),
  url: z.string(),
  ok: z.boolean(),
  /** What happened, in words for the options page. */
  text: z.string(),
});
export type FeedStatus = z.infer<typeof FeedStatusSchema>;

/** `fetch`, as the poller's transport (the origin was granted when the rep saved the URL). */
export const fetchTransport: FeedTransport = {
  async get(url, signal) {
    const response = await fetch(url, { signal: signal ?? null, credentials: 'omit', cache: 'no-store' });
    return { status: response.status, text: await response.text() };
  },
};

export function describePoll(result: PollResult): string {
  if (!result.ok) return `Not imported: ${result.error}.`;
  if (result.received === 0) return 'Up to date: no new events.';
  const { accepted, rejected, warnings } = result.report;
  // The first reason of each kind names the event's position in the feed (`since` counts from 0),
  // so the rep or the site owner can find it.
  const start = result.cursor - result.received;
  const first = (rows: typeof rejected) =>
    rows[0] ? ` (first: feed event ${start + rows[0].line}, ${rows[0].reasons[0]})` : '';
  return (
    `Imported ${accepted} of ${result.received} new events` +
    (rejected.length ? `; ${rejected.length} rejected${first(rejected)}` : '') +
    (warnings.length ? `; ${warnings.length} imported with a warning${first(warnings)}` : '') +
    '.'
  );
}

/** One poll; resolves to what the options page shows and whether anything new was stored. */
export async function pollFeed(
  repo: Repository,
  url: string,
  transport = fetchTransport,
): Promise<{ status: FeedStatus; imported: boolean }> {
  const stored = (await browser.storage.local.get(cursorKey(url)))[cursorKey(url)];
  const poller = createFeedPoller({
    url,
    transport,
    repo,
    cursor: typeof stored === 'number' ? stored : 0,
    onCursor: (cursor) => void browser.storage.local.set({ [cursorKey(url)]: cursor }),
  });
  const result = await poller.pollOnce();
  const status: FeedStatus = { at: new Date().toISOString(), url, ok: result.ok, text: describePoll(result) };
  await browser.storage.local.set({ [STATUS_KEY]: status });
  const imported = result.ok && result.received > 0;
  if (imported) announceDataChanged();
  return { status, imported };
}

export async function lastFeedStatus(): Promise<FeedStatus | undefined> {
  const parsed = FeedStatusSchema.safeParse((await browser.storage.local.get(STATUS_KEY))[STATUS_KEY]);
  return parsed.success ? parsed.data : undefined;
}

/** (Re)schedules the feed alarm from the settings: none without a feed. */
export async function scheduleFeed(feed: Settings['feed']): Promise<void> {
  await browser.alarms.clear(FEED_ALARM);
  if (feed) await browser.alarms.create(FEED_ALARM, { periodInMinutes: feed.intervalMinutes, delayInMinutes: 0.02 });
}
