import * as z from 'zod';
import { MODES } from './config';

/**
 * The site owner's settings for `<cordial-help>`: a JSON `<script type="application/json">`
 * inside the element, `cordial.help.configure(…)`, or attributes (`mode`, `src`, `locale`).
 * Shipped as a generated JSON Schema, like every SDK schema.
 */
export const HelpConfigSchema = z.strictObject({
  mode: z.enum(MODES).default('both'),
  /** Articles inline (an array or `{ version, articles, pages }`, checked as help content) … */
  articles: z.optional(z.unknown()),
  /** … or from a URL (same format). */
  articlesUrl: z.optional(z.string().min(1)),
  /** Forces a language instead of the page's and the browser's. */
  locale: z.optional(z.string().min(2)),
  attachments: z.optional(
    z.strictObject({
      /** Files are POSTed here (multipart, field `file`); the answer `{ url }` goes into the case. */
      endpoint: z.string().min(1),
      maxFiles: z.int().min(1).max(10).default(3),
      maxSizeMb: z.number().min(0.1).max(50).default(5),
      accept: z.array(z.string()).default(['image/*', 'application/pdf', 'text/plain']),
    }),
  ),
  callback: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** How many days ahead the visitor may choose from. */
      days: z.int().min(1).max(21).default(5),
      weekdays: z.array(z.int().min(0).max(6)).default([1, 2, 3, 4, 5]),
      startHour: z.int().min(0).max(23).default(9),
      endHour: z.int().min(1).max(24).default(17),
      slotMinutes: z.int().min(15).max(240).default(60),
      /** The team's offset from UTC in minutes (business hours are theirs); the visitor's own when absent. */
      utcOffsetMinutes: z.optional(z.int().min(-840).max(840)),
    })
    .prefault({}),
  /** Where the owner's collector tells whether a case is closed: `{case_id}` is replaced; answers `{ status }`. */
  caseStatusUrl: z.optional(z.string().regex(/\{case_id\}/)),
});
export type HelpConfig = z.output<typeof HelpConfigSchema>;
export type Mode = HelpConfig['mode'];

/** What the owner's collector answers about a case. */
export const CaseStatusSchema = z.object({ status: z.enum(['open', 'pending', 'solved', 'closed']) });
