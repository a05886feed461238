import * as z from 'zod/mini';
import type { Client } from '../../client';
import type { Message, Properties } from '../../message';
import { uuid } from '../../message';
import type { Store } from '../../storage';
import { CaseStatusSchema, type HelpConfig } from './config';
import type { CallbackInput, ContactInput } from './forms';

/** The event API calls the help widget makes (a narrow view of the client, easy to fake in tests). */
export type HelpClient = Pick<Client, 'track' | 'identify' | 'user' | 'on' | 'off' | 'flush'>;

/** A case or call-back request waiting for the network (kept in storage, so it survives a reload). */
const PendingSchema = z.object({
  event: z.enum(['Case Opened', 'Callback Requested']),
  id: z.string(),
  properties: z.record(z.string(), z.unknown()),
});
type Pending = z.infer<typeof PendingSchema>;

const CaseRefSchema = z.object({ id: z.string(), subject: z.string(), rated: z.boolean(), closed: z.boolean() });
type CaseRef = z.infer<typeof CaseRefSchema>;

export type Sent = { status: 'sent' | 'queued'; id: string };

export interface ServiceDeps {
  client: HelpClient;
  store: Store;
  online?: () => boolean;
  fetch?: typeof fetch;
  pageUrl?: () => string;
}

const RECENT = 10;

/**
 * Everything the help widget reports, and the state it keeps for the visitor: recent
 * events and search terms (attached to cases as context), the visitor's own votes,
 * requests queued while offline, and the cases awaiting a satisfaction rating.
 */
export function createHelpService({ client, store, online, fetch: fetchFn, pageUrl }: ServiceDeps) {
  const isOnline = online ?? (() => navigator.onLine !== false);
  const doFetch = fetchFn ?? globalThis.fetch?.bind(globalThis);
  const currentUrl = pageUrl ?? (() => location.href.split('#')[0] as string);
  const read = <T>(key: string, schema: z.ZodMiniType<T>, fallback: T): T => {
    try {
      const parsed = z.safeParse(schema, JSON.parse(store.get(key) ?? 'null'));
      return parsed.success ? parsed.data : fallback;
    } catch {
      return fallback;
    }
  };
  const write = (key: string, value: unknown) => store.set(key, JSON.stringify(value));

  // Recent activity is context for the team: what the visitor did just before asking.
  const recent: Properties[] = [];
  const remember = (message: Message) => {
    recent.push({
      type: message.type,
      ...(message.event ? { event: message.event } : {}),
      ...(message.name ? { name: message.name } : {}),
      url: message.context.page?.url,
      timestamp: message.timestamp,
    });
    if (recent.length > RECENT) recent.shift();
  };
  client.on('track', remember);
  client.on('page', remember);

  const votes = read('help.votes', z.record(z.string(), z.number()), {} as Record<string, number>);
  let outbox = read('help.outbox', z.array(PendingSchema), [] as Pending[]);
  let cases = read('help.cases', z.array(CaseRefSchema), [] as CaseRef[]);
  const saveOutbox = () => write('help.outbox', outbox);
  const saveCases = () => write('help.cases', cases);

  function searchTerms(): string[] {
    try {
      const parsed = z.safeParse(z.array(z.string()), JSON.parse(sessionStorage.getItem('cordial.help.terms') ?? '[]'));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  async function deliver(pending: Pending): Promise<Sent> {
    if (!isOnline()) {
      outbox = [...outbox.filter((p) => p.id !== pending.id), pending];
      saveOutbox();
      return { status: 'queued', id: pending.id };
    }
    client.track(pending.event, pending.properties);
    await client.flush();
    return { status: 'sent', id: pending.id };
  }

  async function uploadAll(files: File[], cfg: HelpConfig['attachments']): Promise<Properties[]> {
    if (!cfg || files.length === 0 || !doFetch) return [];
    const out: Properties[] = [];
    for (const file of files) {
      const meta = { name: file.name, size: file.size, type: file.type };
      try {
        const body = new FormData();
        body.append('file', file);
        const res = await doFetch(new URL(cfg.endpoint, currentUrl()).href, { method: 'POST', body });
        const answer = z.safeParse(z.object({ url: z.string() }), await res.json());
        out.push(answer.success ? { ...meta, url: answer.data.url } : { ...meta, uploaded: false });
      } catch {
        // The case still goes out: the team sees which file did not arrive and can ask for it.
        out.push({ ...meta, uploaded: false });
      }
    }
    return out;
  }

  return {
    /** Records a search the visitor tried (for the case's context) and reports it. */
    searched(query: string, resultsCount: number) {
      const q = query.trim();
      if (!q) return;
      const terms = [...searchTerms().filter((t) => t !== q), q].slice(-RECENT);
      try {
        sessionStorage.setItem('cordial.help.terms', JSON.stringify(terms));
      } catch {
        // Storage blocked: the terms are still in the event just reported.
      }
      client.track('Help Articles Searched', { query: q, results_count: resultsCount });
    },
    viewed(id: string, title: string) {
      client.track('Help Article Viewed', { article_id: id, title });
    },
    vote(id: string, helpful: boolean) {
      votes[id] = helpful ? 1 : -1;
      write('help.votes', votes);
      client.track('Help Article Voted', { article_id: id, helpful });
    },
    /** The visitor's own vote on an article (+1, -1 or 0), which also lifts or lowers it in their results. */
    localVote: (id: string) => votes[id] ?? 0,
    searchTerms,
    identity() {
      const traits = client.user().traits;
      const name = [traits.firstName, traits.lastName].filter(Boolean).join(' ');
      return {
        name: typeof traits.name === 'string' ? traits.name : name,
        email: typeof traits.email === 'string' ? traits.email : '',
        phone: typeof traits.phone === 'string' ? traits.phone : '',
      };
    },
    async openCase(input: ContactInput, files: File[], cfg: HelpConfig['attachments']): Promise<Sent> {
      const id = `case-${uuid()}`;
      client.identify(null, { email: input.email, name: input.name });
      const attachments = isOnline()
        ? await uploadAll(files, cfg)
        : files.map((f) => ({ name: f.name, uploaded: false }));
      cases = [...cases, { id, subject: input.subject, rated: false, closed: false }];
      saveCases();
      const properties: Properties = {
        case_id: id,
        subject: input.subject,
        description: input.description,
        type: input.type,
        email: input.email,
        name: input.name,
        page_url: currentUrl(),
        search_terms: searchTerms(),
        recent_events: recent.slice(),
      };
      if (attachments.length) properties.attachments = attachments;
      return deliver({ event: 'Case Opened', id, properties });
    },
    async requestCallback(input: CallbackInput, window: { start: Date; end: Date }): Promise<Sent> {
      const id = `callback-${uuid()}`;
      client.identify(null, { name: input.name, phone: input.phone, ...(input.email ? { email: input.email } : {}) });
      return deliver({
        event: 'Callback Requested',
        id,
        properties: {
          callback_id: id,
          phone: input.phone,
          window_start: window.start.toISOString(),
          window_end: window.end.toISOString(),
          topic: input.topic,
          email: input.email,
          name: input.name,
          page_url: currentUrl(),
        },
      });
    },
    /** Sends what was queued offline (call when the browser is back online); returns the ids sent. */
    async flushOutbox(): Promise<string[]> {
      if (!isOnline() || outbox.length === 0) return [];
      const sending = outbox;
      outbox = [];
      saveOutbox();
      for (const pending of sending) client.track(pending.event, pending.properties);
      await client.flush();
      return sending.map((p) => p.id);
    },
    pendingCount: () => outbox.length,
    /** Marks a case closed (reported by the owner's collector or site code); true if it awaits a rating. */
    caseClosed(id: string): boolean {
      const ref = cases.find((c) => c.id === id);
      if (!ref) return false;
      ref.closed = true;
      saveCases();
      return !ref.rated;
    },
    /** Asks the owner's collector about each open case; returns the ones now closed. */
    async pollCases(statusUrl: string | undefined): Promise<void> {
      if (!statusUrl || !doFetch || !isOnline()) return;
      for (const ref of cases.filter((c) => !c.closed)) {
        try {
          const res = await doFetch(
            new URL(statusUrl.replace('{case_id}', encodeURIComponent(ref.id)), currentUrl()).href,
          );
          const status = z.safeParse(CaseStatusSchema, await res.json());
          if (status.success && (status.data.status === 'closed' || status.data.status === 'solved')) ref.closed = true;
        } catch {
          // Collector unreachable: ask again next time.
        }
      }
      saveCases();
    },
    /** The closed case awaiting the visitor's satisfaction rating, if any. */
    toRate: (): CaseRef | undefined => cases.find((c) => c.closed && !c.rated),
    rate(id: string, satisfaction: number) {
      const ref = cases.find((c) => c.id === id);
      if (ref) ref.rated = true;
      saveCases();
      client.track('Case Rated', { case_id: id, satisfaction });
    },
    dispose() {
      client.off('track', remember);
      client.off('page', remember);
    },
  };
}
export type HelpService = ReturnType<typeof createHelpService>;
