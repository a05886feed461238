import { describe, expect, it } from 'vitest';
import { createMemoryRepository } from '../adapters/memory/memory-repository.ts';
import { createFeedPoller, type FeedTransport, feedUrl } from './feed-poller.ts';

/** A feed that serves `received.slice(since)` as the demo collector does. */
function fakeFeed() {
  const received: string[] = [];
  const urls: string[] = [];
  let down = false;
  const transport: FeedTransport = {
    async get(url) {
      urls.push(url);
      if (down) throw new Error('connection refused');
      const since = Number(new URL(url).searchParams.get('since') ?? 0);
      const lines = received.slice(since);
      return { status: 200, text: lines.length ? `${lines.join('\n')}\n` : '' };
    },
  };
  return { received, urls, transport, setDown: (value: boolean) => (down = value) };
}

const event = (i: number) =>
  JSON.stringify({
    type: 'track',
    event: 'Product Viewed',
    messageId: `m${i}`,
    anonymousId: 'a',
    timestamp: '2026-03-01T10:00:00Z',
    properties: { i },
  });

describe('createFeedPoller', () => {
  it('should import only what is new on each poll and remember where it stopped', async () => {
    const feed = fakeFeed();
    const repo = createMemoryRepository();
    const cursors: number[] = [];
    const poller = createFeedPoller({
      url: 'http://127.0.0.1:4173/collect/events.ndjson',
      transport: feed.transport,
      repo,
      onCursor: (c) => cursors.push(c),
    });
    feed.received.push(event(1), event(2));
    expect(await poller.pollOnce()).toMatchObject({ ok: true, received: 2, cursor: 2 });
    expect(await poller.pollOnce()).toMatchObject({ ok: true, received: 0, cursor: 2 });
    feed.received.push(event(3));
    expect(await poller.pollOnce()).toMatchObject({ ok: true, received: 1, cursor: 3 });
    expect(feed.urls.map((u) => new URL(u).searchParams.get('since'))).toEqual(['0', '2', '2']);
    expect(cursors).toEqual([2, 3]);
    expect(await repo.count('touchpoints')).toBe(3);
  });

  it('should keep its cursor when the feed is down', async () => {
    const feed = fakeFeed();
    const poller = createFeedPoller({
      url: 'http://x/feed',
      transport: feed.transport,
      repo: createMemoryRepository(),
      cursor: 5,
    });
    feed.setDown(true);
    expect(await poller.pollOnce()).toEqual({ ok: false, error: 'feed unreachable: connection refused', cursor: 5 });
  });

  it('should poll until aborted, backing off after failures', async () => {
    const feed = fakeFeed();
    feed.setDown(true);
    const poller = createFeedPoller({
      url: 'http://x/feed',
      transport: feed.transport,
      repo: createMemoryRepository(),
    });
    const controller = new AbortController();
    const waits: number[] = [];
    await poller.run(
      1000,
      async (ms) => {
        waits.push(ms);
        if (waits.length === 3) controller.abort();
      },
      controller.signal,
    );
    expect(waits).toEqual([2000, 3000, 4000]);
  });
});

describe('feedUrl', () => {
  it('should set since, replacing an old value and keeping other parameters', () => {
    expect(feedUrl('http://x/e.ndjson', 3)).toBe('http://x/e.ndjson?since=3');
    expect(feedUrl('http://x/e.ndjson?since=1&k=v', 9)).toBe('http://x/e.ndjson?k=v&since=9');
  });
});
