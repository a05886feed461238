/**
 * Follows a Segment-format NDJSON feed (the demo collector's GET /collect/events.ndjson?since=N)
 * and imports what is new on each poll, so the rep's side sees the website's events as they
 * arrive. The cursor is the number of messages already read; the caller persists it
 * (`onCursor`) so a restart neither loses nor repeats events (repeats would be harmless:
 * the import is idempotent by messageId).
 */
import type { Repository } from '../ports/repository.ts';
import { type EventImportOptions, type EventImportReport, emptyEventReport, importEvents } from './import-events.ts';

/** The network, injected: `fetch` in the browser, anything in tests. */
export interface FeedTransport {
  get(url: string, signal?: AbortSignal): Promise<{ status: number; text: string }>;
}

export interface FeedPollerOptions extends EventImportOptions {
  /** The feed URL without `since`, e.g. `http://127.0.0.1:4173/collect/events.ndjson`. */
  url: string;
  transport: FeedTransport;
  repo: Repository;
  /** Messages already consumed (default 0). */
  cursor?: number;
  onCursor?: (cursor: number) => void;
}

export type PollResult =
  | { ok: true; received: number; cursor: number; report: EventImportReport }
  | { ok: false; error: string; cursor: number };

/** The URL of the next page of the feed: `since` replaces any value already in the URL. */
export function feedUrl(url: string, since: number): string {
  const [base, query = ''] = url.split('?', 2) as [string, string?];
  const params = query.split('&').filter((p) => p !== '' && !p.startsWith('since='));
  params.push(`since=${since}`);
  return `${base}?${params.join('&')}`;
}

export function createFeedPoller(options: FeedPollerOptions) {
  let cursor = options.cursor ?? 0;
  let running: Promise<PollResult> | undefined;

  async function poll(signal?: AbortSignal): Promise<PollResult> {
    let response: { status: number; text: string };
    try {
      response = await options.transport.get(feedUrl(options.url, cursor), signal);
    } catch (error) {
      return {
        ok: false,
        error: `feed unreachable: ${error instanceof Error ? error.message : String(error)}`,
        cursor,
      };
    }
    if (response.status !== 200) return { ok: false, error: `feed answered HTTP ${response.status}`, cursor };
    // The server sends whole lines; one message per non-empty line is what `since` counts.
    const received = response.text.split('\n').filter((line) => line.trim() !== '').length;
    if (received === 0) return { ok: true, received, cursor, report: emptyEventReport() };
    const report = await importEvents(options.repo, [response.text], { ...options, ...(signal && { signal }) });
    if (report.cancelled) return { ok: false, error: 'cancelled', cursor };
    cursor += received;
    options.onCursor?.(cursor);
    return { ok: true, received, cursor, report };
  }

  return {
    get cursor(): number {
      return cursor;
    },
    /** One poll; concurrent calls share the one in flight instead of importing twice. */
    pollOnce(signal?: AbortSignal): Promise<PollResult> {
      running ??= poll(signal).finally(() => {
        running = undefined;
      });
      return running;
    },
    /**
     * Polls until `signal` aborts, waiting `intervalMs` between polls (longer after a failure,
     * up to ten times). `sleep` is injected so the loop has no timer of its own.
     */
    async run(
      intervalMs: number,
      sleep: (ms: number, signal: AbortSignal) => Promise<void>,
      signal: AbortSignal,
      onResult?: (result: PollResult) => void,
    ): Promise<void> {
      let failures = 0;
      while (!signal.aborted) {
        const result = await this.pollOnce(signal);
        onResult?.(result);
        failures = result.ok ? 0 : Math.min(failures + 1, 10);
        if (signal.aborted) break;
        await sleep(intervalMs * (1 + failures), signal).catch(() => undefined);
      }
    },
  };
}
