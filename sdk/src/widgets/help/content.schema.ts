import * as z from 'zod';

/**
 * Help content as the site owner writes it (inline JSON or a URL). Articles that share
 * an `id` in several locales are translations of one another. The source of truth for
 * validation: the browser checks the JSON Schema generated from it (sdk/src/schemas/),
 * so zod itself is not shipped; the defaults below are applied from that schema too.
 */
export const ArticleSchema = z.object({
  id: z.string().min(1).max(200),
  title: z.string().min(1).max(300),
  /** A safe subset of Markdown (see markdown.ts); raw HTML is shown as text. */
  body: z.string().max(200_000),
  locale: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/)
    .default('en'),
  labels: z.array(z.string().min(1).max(100)).default([]),
  /** Pages the article is suggested on: path globs (`/store/product/*`) or full URL globs. */
  urlPatterns: z.array(z.string().min(1)).default([]),
  updatedAt: z.iso.datetime({ offset: true }),
  /** Aggregated votes and views from the owner's data; they lift helpful and popular articles. */
  helpful: z.int().min(0).default(0),
  notHelpful: z.int().min(0).default(0),
  views: z.int().min(0).default(0),
});
export type Article = z.output<typeof ArticleSchema>;

export const HelpContentSchema = z.object({
  /** Changes whenever the articles change; keys the cached search index. Derived from the content when absent. */
  version: z.optional(z.string().min(1).max(100)),
  defaultLocale: z.string().min(2).default('en'),
  /** Labels of the pages of the site, so that articles labelled alike are suggested there. */
  pages: z.array(z.object({ pattern: z.string().min(1), labels: z.array(z.string()) })).default([]),
  articles: z.array(ArticleSchema),
});
export type HelpContent = z.output<typeof HelpContentSchema> & { version: string };
