import * as z from 'zod';
import { InstantSchema, recordMeta, TagsSchema } from './common.ts';

/** A self-service help article (knowledge base / FAQ). `body` is plain text, rendered as text. */
export const ArticleSchema = z.object({
  ...recordMeta,
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a URL slug such as reset-your-password'),
  title: z.string().min(1),
  body: z.string(),
  category: z.string().optional(),
  tags: TagsSchema,
  published: z.boolean(),
  publishedAt: InstantSchema.optional(),
  helpfulYes: z.number().int().nonnegative(),
  helpfulNo: z.number().int().nonnegative(),
});
export type Article = z.infer<typeof ArticleSchema>;
