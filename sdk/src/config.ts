import * as z from 'zod/mini';

/** What a site owner passes to `createClient()` or as `data-*` attributes on the script tag. */
export const ClientConfigSchema = z.object({
  writeKey: z.optional(z.string()),
  /** The collector's batch URL (Segment batch format). Without one, events stay in the browser. */
  endpoint: z.optional(z.string().check(z.minLength(1))),
  /** Send when this many messages are waiting. */
  flushAt: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(100))),
  /** …or after this many milliseconds. */
  flushInterval: z.optional(z.number().check(z.minimum(0))),
  /** The most messages kept while the collector is unreachable; the oldest are dropped beyond it. */
  maxQueue: z.optional(z.number().check(z.int(), z.minimum(1))),
});
export type ClientConfig = z.infer<typeof ClientConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates the owner's config with a message that says which field is wrong and why. */
export function parseConfig(input: unknown): ClientConfig {
  const result = z.safeParse(ClientConfigSchema, input ?? {});
  if (!result.success) throw new ConfigError(`Cordial: invalid configuration. ${z.prettifyError(result.error)}`);
  return result.data;
}
