import type { HelpConfig } from './config';
import type { Messages } from './locales/en';

/**
 * The contact and call-back forms' rules. Errors are message keys with their values so
 * the element shows them in the visitor's language, next to the field they belong to.
 * (Hand-written rather than a schema: each rule maps to a sentence the visitor reads.)
 */
export type MessageKey = keyof Messages;
export type FieldError = { key: MessageKey; vars: Record<string, string | number> };
export type FieldErrors = Record<string, FieldError>;

export const CASE_TYPES = ['question', 'problem', 'complaint', 'feedback'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export interface ContactInput {
  name: string;
  email: string;
  type: CaseType;
  subject: string;
  description: string;
}

export interface CallbackInput {
  name: string;
  phone: string;
  email: string;
  topic: string;
  window: string;
}

/** The shape browsers use for type="email" (WHATWG), so the form and the field agree. */
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;
/** Digits with an optional leading +, 7 to 15 of them (E.164's limit). */
const PHONE = /^\+?\d{7,15}$/;

/** Drops the spaces, dots, dashes and parentheses people type in phone numbers. */
export const normalisePhone = (raw: string) => raw.replace(/[\s().-]/g, '');

type Rule = {
  min?: number;
  max?: number;
  pattern?: [RegExp, MessageKey];
  optional?: boolean;
  oneOf?: readonly string[];
};

function check(values: Record<string, string>, rules: Record<string, Rule>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, rule] of Object.entries(rules)) {
    const value = values[field] ?? '';
    if (value === '') {
      if (!rule.optional) errors[field] = { key: 'required', vars: {} };
    } else if (rule.min !== undefined && value.length < rule.min)
      errors[field] = { key: 'tooShort', vars: { min: rule.min } };
    else if (rule.max !== undefined && value.length > rule.max)
      errors[field] = { key: 'tooLong', vars: { max: rule.max } };
    else if (rule.pattern && !rule.pattern[0].test(value)) errors[field] = { key: rule.pattern[1], vars: {} };
    else if (rule.oneOf && !rule.oneOf.includes(value)) errors[field] = { key: 'required', vars: {} };
  }
  return errors;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

function validate<T>(input: Record<string, string>, rules: Record<string, Rule>): Validated<T> {
  const values: Record<string, string> = {};
  for (const field of Object.keys(rules)) values[field] = String(input[field] ?? '').trim();
  const errors = check(values, rules);
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: values as T };
}

export const validateContact = (input: Record<string, string>) =>
  validate<ContactInput>(input, {
    name: { max: 120 },
    email: { max: 254, pattern: [EMAIL, 'emailInvalid'] },
    type: { oneOf: CASE_TYPES },
    subject: { max: 150 },
    description: { min: 10, max: 5000 },
  });

export const validateCallback = (input: Record<string, string>) =>
  validate<CallbackInput>(
    { ...input, phone: normalisePhone(input.phone ?? '') },
    {
      name: { max: 120 },
      phone: { pattern: [PHONE, 'phoneInvalid'] },
      email: { optional: true, max: 254, pattern: [EMAIL, 'emailInvalid'] },
      topic: { optional: true, max: 300 },
      window: {},
    },
  );

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
