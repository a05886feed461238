/**
 * Segment-spec messages (https://segment.com/docs/connections/spec/common/): every call
 * becomes one of these, with messageId, anonymousId, timestamp and context.
 */
export type Properties = Record<string, unknown>;

export type MessageType = 'identify' | 'track' | 'page' | 'group' | 'alias';

export interface Message {
  type: MessageType;
  messageId: string;
  anonymousId: string;
  userId?: string | null;
  timestamp: string;
  context: Context;
  event?: string;
  name?: string;
  category?: string;
  properties?: Properties;
  traits?: Properties;
  groupId?: string;
  previousId?: string;
}

export interface Context {
  library: { name: string; version: string };
  locale?: string;
  userAgent?: string;
  page?: { path: string; referrer: string; search: string; title: string; url: string };
  campaign?: Record<string, string>;
}

export const LIBRARY = { name: 'cordial-sdk', version: '0.1.0' } as const;

/**
 * A random v4 UUID; on insecure (http) origins, where crypto.randomUUID is missing, 32 random hex digits (Segment
 * takes any unique string as messageId or anonymousId). No Array.prototype methods: host pages replace them.
 */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  let id = '';
  for (const byte of crypto.getRandomValues(new Uint8Array(16))) id += (byte + 256).toString(16).slice(1);
  return id;
}

const UTM = ['source', 'medium', 'campaign', 'term', 'content'] as const;

/** `context.campaign` from UTM parameters (`utm_campaign` becomes `name`, as the spec says). */
export function campaignFrom(search: string): Record<string, string> | undefined {
  const params = new URLSearchParams(search);
  const campaign: Record<string, string> = {};
  for (const key of UTM) {
    const value = params.get(`utm_${key}`);
    if (value) campaign[key === 'campaign' ? 'name' : key] = value;
  }
  return Object.keys(campaign).length > 0 ? campaign : undefined;
}

/** The page part of the context, read from the live document. */
export function pageContext(loc: Location, doc: Document): NonNullable<Context['page']> {
  return {
    path: loc.pathname,
    referrer: doc.referrer,
    search: loc.search,
    title: doc.title,
    url: loc.href.split('#')[0] ?? loc.href,
  };
}
