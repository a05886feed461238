import {
  type Case,
  CasePrioritySchema,
  CaseTypeSchema,
  type Contact,
  CurrencySchema,
  DateSchema,
  InstantSchema,
  LifecycleStageSchema,
  type Note,
  type Opportunity,
  OpportunityStageSchema,
  type Repository,
  type Task,
  type Touchpoint,
  TouchpointPurposeSchema,
} from '@cordial/core';
import * as z from 'zod';

/**
 * The rep's actions in the sidebar, as writes through the repository port. Each validates
 * its form input with zod first (a clear error, nothing written), stamps the record's
 * metadata, and writes with optimistic concurrency, so two open sidebars never overwrite
 * each other's edits unnoticed.
 */
export interface ActionContext {
  repo: Repository;
  now: () => Date;
  newId: () => string;
}

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => s || undefined)
    .optional();

function meta(ctx: ActionContext) {
  const at = ctx.now().toISOString();
  return { id: ctx.newId(), createdAt: at, updatedAt: at, version: 1 };
}

async function update<T extends { version: number; updatedAt: string }>(
  ctx: ActionContext,
  write: (record: T, expectVersion: number) => Promise<void>,
  record: T,
  patch: Partial<T>,
): Promise<T> {
  const next = { ...record, ...patch, version: record.version + 1, updatedAt: ctx.now().toISOString() };
  await write(next, record.version);
  return next;
}

/** Optional fields with no value are left out, never stored as `undefined` or empty strings. */
function defined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}

export const ContactFormSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  firstName: optionalText(100),
  lastName: optionalText(100),
  company: optionalText(200),
  title: optionalText(200),
  accountId: z.string().optional(),
});

export async function createContact(ctx: ActionContext, input: unknown): Promise<Contact> {
  const form = ContactFormSchema.parse(input);
  const unknown = { status: 'unknown' as const };
  const contact: Contact = {
    ...meta(ctx),
    ...defined({
      firstName: form.firstName,
      lastName: form.lastName,
      company: form.company,
      title: form.title,
      accountId: form.accountId,
    }),
    emails: [form.email],
    phones: [],
    lifecycleStage: 'prospect',
    tags: [],
    customFields: {},
    consent: { email: unknown, sms: unknown, phone: unknown, tracking: unknown },
    marketing: { doNotContact: false, topics: [] },
    source: 'manual:extension',
    externalIds: {},
  };
  await ctx.repo.put('contacts', contact, { expectVersion: 0 });
  return contact;
}

export const ContactEditSchema = z.object({
  firstName: optionalText(100),
  lastName: optionalText(100),
  company: optionalText(200),
  title: optionalText(200),
  ownerId: optionalText(200),
  lifecycleStage: LifecycleStageSchema,
});

export async function editContact(ctx: ActionContext, contact: Contact, input: unknown): Promise<Contact> {
  const form = ContactEditSchema.parse(input);
  const { firstName, lastName, company, title, ownerId, ...kept } = contact;
  const next = { ...kept, ...defined(form) } as Contact;
  return update(ctx, (r, v) => ctx.repo.put('contacts', r, { expectVersion: v }), contact, next);
}

export const NoteFormSchema = z.object({ body: text(10_000), pinned: z.boolean().default(false) });

export async function addNote(ctx: ActionContext, contactId: string, input: unknown): Promise<Note> {
  const form = NoteFormSchema.parse(input);
  const note: Note = { ...meta(ctx), contactId, body: form.body, pinned: form.pinned };
  await ctx.repo.put('notes', note, { expectVersion: 0 });
  return note;
}

export const TaskFormSchema = z.object({
  title: text(500),
  kind: z.enum(['call', 'email', 'meeting', 'follow-up', 'other']).default('follow-up'),
  /** From a `datetime-local` input (local time, no offset) or an ISO instant. */
  dueAt: z
    .string()
    .min(1, 'choose when it is due')
    .transform((value, issue) => {
      const time = Date.parse(value);
      if (Number.isNaN(time)) {
        issue.addIssue({ code: 'custom', message: 'not a date and time' });
        return z.NEVER;
      }
      return new Date(time).toISOString();
    })
    .pipe(InstantSchema),
  notes: optionalText(5000),
});

export async function addTask(ctx: ActionContext, contactId: string, input: unknown): Promise<Task> {
  const form = TaskFormSchema.parse(input);
  const task: Task = { ...meta(ctx), contactId, ...defined(form), done: false, source: 'manual:extension' };
  await ctx.repo.put('tasks', task, { expectVersion: 0 });
  return task;
}

export async function completeTask(ctx: ActionContext, task: Task): Promise<Task> {
  return update(ctx, (r, v) => ctx.repo.put('tasks', r, { expectVersion: v }), task, {
    done: true,
    doneAt: ctx.now().toISOString(),
  });
}

export const LogThreadFormSchema = z.object({
  purpose: TouchpointPurposeSchema,
  outcome: optionalText(2000),
  direction: z.enum(['inbound', 'outbound']).default('inbound'),
});

/** The external id that makes "log this thread" happen once per conversation and contact. */
export const THREAD_ID_SYSTEM = 'email-thread';

export function isThreadLogged(timeline: readonly Touchpoint[], threadKey: string): boolean {
  return timeline.some((t) => t.externalIds[THREAD_ID_SYSTEM] === threadKey);
}

/**
 * Logs an email conversation as a touchpoint of the contact, once: a second call for the
 * same thread returns the touchpoint already logged and writes nothing.
 */
export async function logThread(
  ctx: ActionContext,
  contactId: string,
  thread: { key: string; subject: string },
  input: unknown,
): Promise<{ touchpoint: Touchpoint; created: boolean }> {
  const form = LogThreadFormSchema.parse(input);
  const existing = (await ctx.repo.listByContact('touchpoints', contactId)).records.find(
    (t) => t.externalIds[THREAD_ID_SYSTEM] === thread.key,
  );
  if (existing) return { touchpoint: existing, created: false };
  const touchpoint: Touchpoint = {
    ...meta(ctx),
    contactId,
    channel: 'email',
    direction: form.direction,
    occurredAt: ctx.now().toISOString(),
    purpose: form.purpose,
    subject: thread.subject.slice(0, 1000),
    ...defined({ outcome: form.outcome }),
    source: 'manual:extension',
    externalIds: { [THREAD_ID_SYSTEM]: thread.key },
  };
  await ctx.repo.put('touchpoints', touchpoint, { expectVersion: 0 });
  return { touchpoint, created: true };
}

/** Longer than any real call: a start time further back is a call the rep forgot to end. */
const LONGEST_CALL_SECONDS = 12 * 3600;

export const LogCallFormSchema = z.object({
  purpose: TouchpointPurposeSchema,
  outcome: optionalText(2000),
  direction: z.enum(['inbound', 'outbound']).default('outbound'),
  /** When the rep pressed "Start call"; the duration runs from here to the moment the call is logged. */
  startedAt: InstantSchema,
  /** The title of the script the rep followed, kept as the touchpoint's subject. */
  script: optionalText(200),
});

/**
 * Logs a phone call as a touchpoint, its duration measured from the start the sidebar kept
 * to now. A start in the future, or further back than any call lasts, is refused: the
 * rep corrects it (or cancels the call) rather than storing a duration nobody had.
 */
export async function logCall(ctx: ActionContext, contactId: string, input: unknown): Promise<Touchpoint> {
  const form = LogCallFormSchema.parse(input);
  const seconds = Math.round((ctx.now().getTime() - Date.parse(form.startedAt)) / 1000);
  if (seconds < 0) throw new Error('startedAt: the call cannot start in the future');
  if (seconds > LONGEST_CALL_SECONDS) {
    throw new Error('startedAt: the call started more than 12 hours ago; cancel it and log the call again');
  }
  const touchpoint: Touchpoint = {
    ...meta(ctx),
    contactId,
    channel: 'phone',
    direction: form.direction,
    occurredAt: form.startedAt,
    durationSeconds: seconds,
    purpose: form.purpose,
    subject: form.script ? `Phone call: ${form.script}` : 'Phone call',
    ...defined({ outcome: form.outcome }),
    source: 'manual:extension',
    externalIds: {},
  };
  await ctx.repo.put('touchpoints', touchpoint, { expectVersion: 0 });
  return touchpoint;
}

/** A sales team's usual win probability per stage, until the rep sets one. */
export const STAGE_PROBABILITY: Record<Opportunity['stage'], number> = {
  lead: 0.1,
  qualified: 0.25,
  proposal: 0.5,
  negotiation: 0.75,
  won: 1,
  lost: 0,
};

export const OpportunityFormSchema = z.object({
  name: text(300),
  stage: OpportunityStageSchema.default('lead'),
  amount: z.coerce.number().finite().nonnegative(),
  currency: z.string().trim().toUpperCase().pipe(CurrencySchema),
  expectedClose: z
    .string()
    .optional()
    .transform((s) => s || undefined)
    .pipe(DateSchema.optional()),
});

export async function createOpportunity(
  ctx: ActionContext,
  contact: Pick<Contact, 'id' | 'accountId'>,
  input: unknown,
): Promise<Opportunity> {
  const form = OpportunityFormSchema.parse(input);
  const opportunity: Opportunity = {
    ...meta(ctx),
    contactId: contact.id,
    ...defined({ accountId: contact.accountId, expectedClose: form.expectedClose }),
    name: form.name,
    stage: form.stage,
    amount: { amount: form.amount, currency: form.currency },
    probability: STAGE_PROBABILITY[form.stage],
    source: 'manual:extension',
    externalIds: {},
  };
  await ctx.repo.put('opportunities', opportunity, { expectVersion: 0 });
  return opportunity;
}

export async function moveOpportunity(
  ctx: ActionContext,
  opportunity: Opportunity,
  stage: Opportunity['stage'],
): Promise<Opportunity> {
  const closed = stage === 'won' || stage === 'lost';
  const { closedAt, ...open } = opportunity;
  const next: Opportunity = {
    ...open,
    stage,
    probability: STAGE_PROBABILITY[stage],
    ...(closed ? { closedAt: ctx.now().toISOString() } : {}),
  };
  return update(ctx, (r, v) => ctx.repo.put('opportunities', r, { expectVersion: v }), opportunity, next);
}

export const CaseFormSchema = z.object({
  subject: text(500),
  description: optionalText(10_000),
  type: CaseTypeSchema.default('question'),
  priority: CasePrioritySchema.default('normal'),
});

export async function openCase(
  ctx: ActionContext,
  contact: Pick<Contact, 'id' | 'accountId'>,
  input: unknown,
): Promise<Case> {
  const form = CaseFormSchema.parse(input);
  const at = ctx.now().toISOString();
  const record: Case = {
    ...meta(ctx),
    contactId: contact.id,
    ...defined({ accountId: contact.accountId, description: form.description }),
    subject: form.subject,
    type: form.type,
    priority: form.priority,
    status: 'new',
    channel: 'email',
    openedAt: at,
    source: 'manual:extension',
    externalIds: {},
  };
  await ctx.repo.put('cases', record, { expectVersion: 0 });
  return record;
}
