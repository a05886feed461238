import * as z from 'zod/mini';

export const MODES = ['articles', 'contact', 'both'] as const;
export type Mode = (typeof MODES)[number];

/**
 * The site owner's settings for `<cordial-help>`: a JSON `<script type="application/json">`
 * inside the element, `cordial.help.configure(…)`, or attributes (`mode`, `src`, `locale`).
 */
export const HelpConfigSchema = z.object({
  mode: z._default(z.enum(MODES), 'both'),
  /** Articles inline (an array or `{ version, articles, pages }`) … */
  articles: z.optional(z.unknown()),
  /** … or from a URL (same format). */
  articlesUrl: z.optional(z.string().check(z.minLength(1))),
  /** Forces a language instead of the page's and the browser's. */
  locale: z.optional(z.string().check(z.minLength(2))),
  attachments: z.optional(
    z.object({
      /** Files are POSTed here (multipart, field `file`); the answer `{ url }` goes into the case. */
      endpoint: z.string().check(z.minLength(1)),
      maxFiles: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(10)), 3),
      maxSizeMb: z._default(z.number().check(z.minimum(0.1), z.maximum(50)), 5),
      accept: z._default(z.array(z.string()), ['image/*', 'application/pdf', 'text/plain']),
    }),
  ),
  callback: z.prefault(
    z.object({
      enabled: z._default(z.boolean(), true),
      /** How many days ahead the visitor may choose from. */
      days: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(21)), 5),
      weekdays: z._default(z.array(z.number().check(z.int(), z.minimum(0), z.maximum(6))), [1, 2, 3, 4, 5]),
      startHour: z._default(z.number().check(z.int(), z.minimum(0), z.maximum(23)), 9),
      endHour: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(24)), 17),
      slotMinutes: z._default(z.number().check(z.int(), z.minimum(15), z.maximum(240)), 60),
      /** The team's offset from UTC in minutes (business hours are theirs); the visitor's own when absent. */
      utcOffsetMinutes: z.optional(z.number().check(z.int(), z.minimum(-840), z.maximum(840))),
    }),
    {},
  ),
  /** Where the owner's collector tells whether a case is closed: `{case_id}` is replaced; answers `{ status }`. */
  caseStatusUrl: z.optional(z.string().check(z.includes('{case_id}'))),
});
export type HelpConfig = z.infer<typeof HelpConfigSchema>;

export type ConfigResult = { ok: true; config: HelpConfig } | { ok: false; error: string };

export function parseHelpConfig(input: unknown): ConfigResult {
  const result = z.safeParse(HelpConfigSchema, input ?? {});
  if (!result.success)
    return { ok: false, error: `Cordial help: invalid configuration. ${z.prettifyError(result.error)}` };
  return { ok: true, config: result.data };
}

export const DEFAULT_CONFIG: HelpConfig = z.parse(HelpConfigSchema, {});

/** What the owner's collector answers about a case. */
export const CaseStatusSchema = z.object({ status: z.enum(['open', 'pending', 'solved', 'closed']) });
