import * as z from 'zod';

/**
 * What a site owner passes to `createClient()` or as `data-*` attributes on the script tag.
 * The source of truth for validation: the browser checks the JSON Schema generated from
 * it (see schema-check.ts), so zod itself is not shipped.
 */
export const ClientConfigSchema = z.strictObject({
  writeKey: z.optional(z.string()),
  /** The collector's batch URL (Segment batch format). Without one, events stay in the browser. */
  endpoint: z.optional(z.string().min(1)),
  /** Send when this many messages are waiting… */
  flushAt: z.optional(z.int().min(1).max(100)),
  /** …or after this many milliseconds. */
  flushInterval: z.optional(z.number().min(0)),
  /** The most messages kept while the collector is unreachable; the oldest are dropped beyond it. */
  maxQueue: z.optional(z.int().min(1).max(100_000)),
  /** 'required': nothing is stored or sent until `consent.grant()`. */
  consent: z.optional(z.enum(['required', 'implied'])),
  /** Honour Global Privacy Control and Do Not Track (default true). */
  privacySignals: z.optional(z.boolean()),
  /** Track `page` on load and on every single-page-app route change (default true). */
  autoPage: z.optional(z.boolean()),
  /** Offer configuration: a URL to JSON, or the object itself (validated by the offer widget). */
  offers: z.optional(z.union([z.string().min(1), z.record(z.string(), z.unknown())])),
  /** Co-occurrence table written by `cordial recommend` (a URL to JSON). */
  recommendations: z.optional(z.string().min(1)),
});
export type ClientConfig = z.infer<typeof ClientConfigSchema>;
