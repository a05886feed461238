import * as z from 'zod';

/**
 * Every message between the extension's contexts. The receiving side parses with the
 * schemas here: a content script runs inside a page we do not control, so what it sends
 * is input, not a trusted call. Only addresses, display names and the subject cross from
 * the page; customer data never travels towards it.
 */
export const PersonInViewSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: z.string().max(200).optional(),
  role: z.enum(['from', 'to', 'cc', 'page']),
});
export type PersonInView = z.infer<typeof PersonInViewSchema>;

export const ThreadSchema = z.object({
  host: z.enum(['gmail', 'outlook', 'demo']),
  subject: z.string().max(1000),
  people: z.array(PersonInViewSchema).max(200),
  /** The host's own id of the conversation, where the page shows one (Outlook's `data-convid`). */
  conversationId: z.string().max(200).optional(),
});
export type Thread = z.infer<typeof ThreadSchema>;

/** The conversation as the sidebar sees it: who (external first, own and excluded removed), and a key per thread. */
export const ThreadInViewSchema = ThreadSchema.extend({
  /** Stable per conversation (host + thread id from the URL), so a thread is logged once. */
  key: z.string().min(1).max(300),
});
export type ThreadInView = z.infer<typeof ThreadInViewSchema>;

export const ThemeSchema = z.enum(['light', 'dark']);
export type Theme = z.infer<typeof ThemeSchema>;

export const MessageSchema = z.discriminatedUnion('type', [
  /** content script → background: the conversation in view changed (null: none open). */
  z.object({ type: z.literal('thread:changed'), thread: ThreadInViewSchema.nullable(), theme: ThemeSchema }),
  /** content script → background: the rep pressed the launcher; open the browser side panel for this tab. */
  z.object({ type: z.literal('panel:open') }),
]);
export type Message = z.infer<typeof MessageSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; reason: 'invalid' | 'no-tab' | 'unavailable' };

/** The port the sidebar (frame or side panel) opens; the background pushes `SidebarUpdate`s down it. */
export const SIDEBAR_PORT = 'cordial:sidebar';
export const SidebarHelloSchema = z.object({ type: z.literal('hello'), tabId: z.number().int().nonnegative() });
export type SidebarHello = z.infer<typeof SidebarHelloSchema>;
export const SidebarUpdateSchema = z.object({
  type: z.literal('thread'),
  thread: ThreadInViewSchema.nullable(),
  theme: ThemeSchema,
});
export type SidebarUpdate = z.infer<typeof SidebarUpdateSchema>;

/**
 * Parses an untrusted message. A malformed one is logged (its shape, never its content:
 * it may carry addresses from the exclude list) and rejected.
 */
export function parseMessage<T>(schema: z.ZodType<T>, raw: unknown, from: string): T | undefined {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const paths = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
  console.warn(`[cordial] rejected a malformed message from ${from} (at ${paths})`);
  return undefined;
}
