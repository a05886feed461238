import * as z from 'zod/mini';
import type { HelpConfig } from './config';
import type { Messages } from './locales/en';

/**
 * The contact and call-back forms' rules. Errors are message keys with their values so
 * the element shows them in the visitor's language, next to the field they belong to.
 */
export type MessageKey = keyof Messages;
export type FieldError = { key: MessageKey; vars: Record<string, string | number> };
export type FieldErrors = Record<string, FieldError>;

export const CASE_TYPES = ['question', 'problem', 'complaint', 'feedback'] as const;

const text = (min: number, max: number) =>
  z
    .string()
    .check(z.minLength(min, { error: min > 1 ? 'tooShort' : 'required' }), z.maxLength(max, { error: 'tooLong' }));

export const ContactSchema = z.object({
  name: text(1, 120),
  email: z.string().check(z.minLength(1, { error: 'required' }), z.email({ error: 'emailInvalid' })),
  type: z.enum(CASE_TYPES),
  subject: text(1, 150),
  description: text(10, 5000),
});
export type ContactInput = z.infer<typeof ContactSchema>;

/** Digits with an optional leading +, 7 to 15 of them (E.164's limit), ignoring spaces, dots, dashes and parentheses. */
export const normalisePhone = (raw: string) => raw.replace(/[\s().-]/g, '');

export const CallbackSchema = z.object({
  name: text(1, 120),
  phone: z.string().check(z.minLength(1, { error: 'required' }), z.regex(/^\+?\d{7,15}$/, { error: 'phoneInvalid' })),
  email: z.union([z.literal(''), z.email({ error: 'emailInvalid' })]),
  topic: text(0, 300),
  window: z.string().check(z.minLength(1, { error: 'required' })),
});
export type CallbackInput = z.infer<typeof CallbackSchema>;

type Issue = { path: PropertyKey[]; message: string; minimum?: unknown; maximum?: unknown };

function toErrors(issues: readonly Issue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    if (errors[field]) continue;
    const key = (issue.message in KNOWN ? issue.message : 'required') as MessageKey;
    const vars: FieldError['vars'] = {};
    if (typeof issue.minimum === 'number') vars.min = issue.minimum;
    if (typeof issue.maximum === 'number') vars.max = issue.maximum;
    errors[field] = { key, vars };
  }
  return errors;
}
const KNOWN = { required: 1, tooShort: 1, tooLong: 1, emailInvalid: 1, phoneInvalid: 1 };

const trimmed = (input: Record<string, string>) =>
  Object.fromEntries(Object.entries(input).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]));

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export function validateContact(input: Record<string, string>): Validated<ContactInput> {
  const result = z.safeParse(ContactSchema, trimmed(input));
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: toErrors(result.error.issues) };
}

export function validateCallback(input: Record<string, string>): Validated<CallbackInput> {
  const clean = trimmed(input);
  clean.phone = normalisePhone(clean.phone ?? '');
  const result = z.safeParse(CallbackSchema, clean);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: toErrors(result.error.issues) };
}

export type FileMeta = { name: string; size: number; type: string };

/** Count, size and type of attachments against the owner's limits (`image/*` style wildcards allowed). */
export function validateFiles(files: FileMeta[], limits: NonNullable<HelpConfig['attachments']>): FieldError | null {
  if (files.length > limits.maxFiles) return { key: 'tooManyFiles', vars: { max: limits.maxFiles } };
  for (const file of files) {
    if (file.size > limits.maxSizeMb * 1024 * 1024)
      return { key: 'fileTooBig', vars: { file: file.name, size: limits.maxSizeMb } };
    const ok = limits.accept.some((a) => (a.endsWith('/*') ? file.type.startsWith(a.slice(0, -1)) : file.type === a));
    if (!ok) return { key: 'fileType', vars: { file: file.name } };
  }
  return null;
}

export type TimeWindow = { start: Date; end: Date };

/**
 * The call-back windows the visitor can pick: the team's business hours on its working
 * days, over the next `days` days, starting at least an hour from now.
 */
export function callbackWindows(now: Date, cfg: HelpConfig['callback']): { day: Date; windows: TimeWindow[] }[] {
  const offset = cfg.utcOffsetMinutes ?? -now.getTimezoneOffset();
  const earliest = now.getTime() + 60 * 60_000;
  const out: { day: Date; windows: TimeWindow[] }[] = [];
  // Walk the team's calendar days: shift "now" into the team's wall clock and read it with UTC getters.
  const teamNow = new Date(now.getTime() + offset * 60_000);
  for (let d = 0; out.length < cfg.days && d < cfg.days + 14; d++) {
    const y = teamNow.getUTCFullYear();
    const m = teamNow.getUTCMonth();
    const date = teamNow.getUTCDate() + d;
    const weekday = new Date(Date.UTC(y, m, date)).getUTCDay();
    if (!cfg.weekdays.includes(weekday)) continue;
    const windows: TimeWindow[] = [];
    for (let minute = cfg.startHour * 60; minute + cfg.slotMinutes <= cfg.endHour * 60; minute += cfg.slotMinutes) {
      const start = Date.UTC(y, m, date, 0, minute) - offset * 60_000;
      if (start >= earliest) windows.push({ start: new Date(start), end: new Date(start + cfg.slotMinutes * 60_000) });
    }
    if (windows.length > 0) out.push({ day: windows[0]?.start as Date, windows });
  }
  return out;
}
