import type { Client } from '../../client';
import type { Message, Properties } from '../../message';
import { uuid } from '../../message';
import type { Store } from '../../storage';
import { type HelpConfig, statusSchema } from './config';
import type { Check } from './defaults';
import type { CallbackInput, ContactInput } from './forms';

/** The event API calls the help widget makes (a narrow view of the client, easy to fake in tests). */
export type HelpClient = Pick<Client, 'track' | 'identify' | 'user' | 'on' | 'off' | 'flush' | 'profile' | 'consent'>;

/** A case or call-back request waiting for the network (kept in storage, so it survives a reload). */
type Pending = { event: 'Case Opened' | 'Callback Requested'; id: string; properties: Properties };
type CaseRef = { id: string; subject: string; rated: boolean; closed: boolean };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPending = (v: unknown): v is Pending =>
  isObject(v) &&
  typeof v.id === 'string' &&
  (v.event === 'Case Opened' || v.event === 'Callback Requested') &&
  isObject(v.properties);
const isCaseRef = (v: unknown): v is CaseRef =>
  isObject(v) &&
  typeof v.id === 'string' &&
  typeof v.subject === 'string' &&
  typeof v.rated === 'boolean' &&
  typeof v.closed === 'boolean';

/** `queued`: waiting for the network; `held`: waiting for the visitor's consent to send data (GPC, DNT, or none yet). */
export type Sent = { status: 'sent' | 'queued' | 'held'; id: string };

export interface ServiceDeps {
  client: HelpClient;
  store: Store;
  online?: () => boolean;
  fetch?: typeof fetch;
  pageUrl?: () => string;
  check: Check;
}

const RECENT = 10;

/**
 * Everything the help widget reports, and the state it keeps for the visitor: recent
 * events and search terms (attached to cases as context), the visitor's own votes,
 * requests queued while offline, and the cases awaiting a satisfaction rating.
 */
export function createHelpService({ client, store, online, fetch: fetchFn, pageUrl, check }: ServiceDeps) {
  const isOnline = online ?? (() => navigator.onLine !== false);
  const doFetch = fetchFn ?? globalThis.fetch?.bind(globalThis);
  const currentUrl = pageUrl ?? (() => location.href.split('#')[0] as string);
  /** Our own earlier writes, read defensively: another script or an older build may have left anything there. */
  const read = (key: string): unknown => {
    try {
      return JSON.parse(store.get(key) ?? 'null');
    } catch {
      return null;
    }
  };
  const list = <T>(key: string, guard: (v: unknown) => v is T): T[] => {
    const value = read(key);
    return Array.isArray(value) ? value.filter(guard) : [];
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
  /** The last events: from the profile when the visitor allowed one (it predates this module), else those seen since. */
  const recentEvents = (): Properties[] => {
    const logged = client.profile.data()?.events.slice(-RECENT);
    if (!logged?.length) return recent.slice();
    return logged.map((e) => ({
      event: e.e,
      timestamp: new Date(e.t).toISOString(),
      ...(e.c ? { category: e.c } : {}),
      ...(e.p ? { product_id: e.p } : {}),
    }));
  };
  client.on('track', remember);
  client.on('page', remember);

  const storedVotes = read('help.votes');
  const votes: Record<string, number> = {};
  if (isObject(storedVotes))
    for (const [id, vote] of Object.entries(storedVotes)) if (vote === 1 || vote === -1) votes[id] = vote;
  let outbox = list('help.outbox', isPending);
  let cases = list('help.cases', isCaseRef);
  const saveOutbox = () => write('help.outbox', outbox);
  const saveCases = () => write('help.cases', cases);

  function searchTerms(): string[] {
    try {
      const terms: unknown = JSON.parse(sessionStorage.getItem('cordial.help.terms') ?? '[]');
      return Array.isArray(terms) ? terms.filter((t): t is string => typeof t === 'string') : [];
    } catch {
      return [];
    }
  }

  /** Events are only sent with analytics consent; a request made without it waits for it rather than vanishing. */
  const mayDeliver = () => isOnline() && client.consent.state().analytics;

  async function deliver(pending: Pending): Promise<Sent> {
    if (!mayDeliver()) {
      outbox = [...outbox.filter((p) => p.id !== pending.id), pending];
      saveOutbox();
      return { status: isOnline() ? 'held' : 'queued', id: pending.id };
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
        const answer: unknown = res.ok ? await res.json() : null;
        out.push(
          isObject(answer) && typeof answer.url === 'string'
            ? { ...meta, url: answer.url }
            : { ...meta, uploaded: false },
        );
      } catch {
        // The case still goes out: the team sees which file did not arrive and can ask for it.
        out.push({ ...meta, uploaded: false });
      }
    }
    return out;
  }

  return {
    /** The JSON Schema checker handed over by the event API (content and configuration are checked with it). */
    check,
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
        recent_events: recentEvents(),
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
          name: input.name,
          // Optional fields are left out rather than sent empty: importers validate an email as an email.
          ...(input.topic ? { topic: input.topic } : {}),
          ...(input.email ? { email: input.email } : {}),
          page_url: currentUrl(),
        },
      });
    },
    /** Sends what waited for the network or for consent (call when either comes); returns the ids sent. */
    async flushOutbox(): Promise<string[]> {
      if (!mayDeliver() || outbox.length === 0) return [];
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
          const answer: unknown = await res.json();
          if (check(statusSchema as never, answer).length === 0) {
            const { status } = answer as { status: string };
            if (status === 'closed' || status === 'solved') ref.closed = true;
          }
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
    /** Calls back when a single-page app changes route (detected by the event API); returns the unsubscribe. */
    onRoute(fn: () => void): () => void {
      client.on('route', fn);
      return () => client.off('route', fn);
    },
    /** Calls back when the visitor's consent changes (held requests may now go out); returns the unsubscribe. */
    onConsent(fn: () => void): () => void {
      client.on('consent', fn);
      return () => client.off('consent', fn);
    },
    dispose() {
      client.off('track', remember);
      client.off('page', remember);
    },
  };
}
export type HelpService = ReturnType<typeof createHelpService>;
