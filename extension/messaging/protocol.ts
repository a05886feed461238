import * as z from 'zod';

/**
 * Every message between the extension's contexts. The receiving side parses with
 * `MessageSchema`: a content script runs inside a page we do not control, so what it
 * sends is input, not a trusted call.
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
});
export type Thread = z.infer<typeof ThreadSchema>;

export const MessageSchema = z.discriminatedUnion('type', [
  /** content script → background: the conversation in view changed (null: none open). */
  z.object({ type: z.literal('thread:changed'), thread: ThreadSchema.nullable() }),
]);
export type Message = z.infer<typeof MessageSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; reason: 'invalid' | 'no-tab' };

/** The port the sidebar frame opens; the background pushes `SidebarUpdate`s down it. */
export const SIDEBAR_PORT = 'cordial:sidebar';
export const SidebarUpdateSchema = z.object({ type: z.literal('thread'), thread: ThreadSchema.nullable() });
export type SidebarUpdate = z.infer<typeof SidebarUpdateSchema>;

/** Parses an untrusted message; `undefined` means "reject it". */
export function parseMessage(raw: unknown): Message | undefined {
  const parsed = MessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
