/**
 * Event import: newline-delimited JSON of Segment-spec messages (what the SDK sends and the
 * demo collector serves) becomes records on the rep's side. `Order Completed` → an Order,
 * `Case Opened` → a Case (`Case Rated` rates it), `Callback Requested` → a Task for the
 * team, `identify` → the contact's traits, every other track or page → a Touchpoint.
 * Visitors are followed by anonymousId and userId; events of a visitor nobody has
 * identified yet go to an anonymous contact, merged into the real one on identify.
 * Idempotent: record ids derive from messageId (or the order, case or callback id).
 */
import type * as z from 'zod';
import { type MergeRecord, mergeContacts } from '../identity/merge-contacts.ts';
import { normalizeEmail } from '../identity/normalize-email.ts';
import { normalizePhone } from '../identity/normalize-phone.ts';
import {
  addCounts,
  createBatchWriter,
  type RejectedRow,
  type StoreCounts,
  type TargetStore,
} from '../import/batch-writer.ts';
import { loadLinks } from '../import/import-links.ts';
import { linesTotal } from '../import/kinds/orders.ts';
import type { CsvIssue, CsvSource } from '../import/read-csv.ts';
import { readLines } from '../import/read-lines.ts';
import type { Channel } from '../model/common.ts';
import { issuesOf } from '../model/parse-record.ts';
import type { Repository } from '../ports/repository.ts';
import {
  CallbackRequestedSchema,
  CaseOpenedSchema,
  CaseRatedSchema,
  OrderCompletedSchema,
  type SegmentMessage,
  SegmentMessageSchema,
} from './segment-message.ts';

export interface EventImportOptions {
  signal?: AbortSignal;
  now?: () => string;
  /** Messages per transaction (default 2,000). */
  batchSize?: number;
  /** For `Order Completed` events without a currency. */
  defaultCurrency?: string;
  /** For phone numbers without a country code. */
  defaultCountry?: string;
}

export interface EventImportReport {
  /** Non-empty lines read. */
  messages: number;
  accepted: number;
  rejected: RejectedRow[];
  /** Messages whose messageId was already seen earlier in the same input (skipped). */
  duplicates: number;
  /** Lines read but deliberately not imported (group calls), with why. */
  skipped: RejectedRow[];
  /**
   * Lines imported with one value left unverified or out, with why: a phone number that is not
   * valid still reaches the rep on a call-back task (as the visitor typed it), but never becomes
   * one of the contact's phone numbers.
   */
  warnings: RejectedRow[];
  stored: Partial<Record<TargetStore, StoreCounts>>;
  /** Anonymous visitors merged into the contact they identified as. */
  merged: MergeRecord[];
  issues: CsvIssue[];
  cancelled: boolean;
  committedThroughLine: number;
}

const SOURCE = 'event:web';
const SELF_SERVICE = /^(Help |Case |Callback )/;

function purposeOf(event: string): string {
  if (SELF_SERVICE.test(event)) return 'service';
  if (/^Promotion /.test(event)) return 'marketing';
  if (/^(Product|Products|Cart|Checkout|Order|Coupon|Payment|Wishlist)/.test(event)) return 'sales';
  return 'other';
}

/** Touchpoint properties keep JSON scalars and flat lists; anything nested is kept as JSON text. */
function flatProperties(
  properties: Record<string, unknown>,
): Record<string, string | number | boolean | null | (string | number)[]> {
  const out: Record<string, string | number | boolean | null | (string | number)[]> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value === undefined) continue;
    if (
      value === null ||
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value))
    )
      out[key] = value;
    else if (
      Array.isArray(value) &&
      value.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))
    )
      out[key] = value as (string | number)[];
    else out[key] = JSON.stringify(value);
  }
  return out;
}

function splitName(name: string | undefined): { firstName?: string; lastName?: string; fullName?: string } {
  if (!name?.trim()) return {};
  const words = name.trim().split(/\s+/);
  return words.length >= 2
    ? { firstName: words[0] as string, lastName: words.slice(1).join(' '), fullName: name.trim() }
    : { fullName: name.trim() };
}

export async function importEvents(
  repo: Repository,
  source: CsvSource,
  options: EventImportOptions = {},
): Promise<EventImportReport> {
  const now = options.now ?? (() => new Date().toISOString());
  const links = await loadLinks(repo, options.defaultCountry ? { defaultCountry: options.defaultCountry } : {});
  const writer = await createBatchWriter(repo, now);
  const batchSize = options.batchSize ?? 2000;
  const report = emptyEventReport();

  const seen = new Set<string>();
  /** Anonymous contacts that turned out to be someone already known: [survivor, anonymous]. */
  let merges: [string, string][] = [];
  let inBatch = 0;
  let lastLine = 0;
  let committed = 0;

  /** The contact a message is about; created (anonymous if need be) when nobody matches. */
  const personOf = (m: SegmentMessage, email: string | undefined): string => {
    const byUser = m.userId ? links.external.contacts.get(`segment:${m.userId}`) : undefined;
    const byAnonymous = m.anonymousId ? links.external.contacts.get(`segment-anonymous:${m.anonymousId}`) : undefined;
    const byEmail = email ? links.identity.findByEmail(email)[0] : undefined;
    let id = byUser ?? byAnonymous ?? byEmail;
    if (id && byEmail && byEmail !== id && byAnonymous === id && !byUser) {
      // The anonymous visitor is a person we already know: their history moves to that contact.
      merges.push([byEmail, id]);
      id = byEmail;
    }
    const externalIds: Record<string, string> = {};
    if (m.userId) externalIds.segment = m.userId;
    if (m.anonymousId) externalIds[`segment-anonymous#${m.anonymousId}`] = m.anonymousId;
    if (!id) {
      const key = email ? normalizeEmail(email)?.key : undefined;
      id = key ? `email:${key}` : m.userId ? `segment:${m.userId}` : `segment-anonymous:${m.anonymousId}`;
      writer.queue('contacts', id, { externalIds, source: SOURCE }, 'fill', []);
    } else writer.queue('contacts', id, { externalIds }, 'fill', []);
    const known = links.identity.facts(id);
    links.addContact({
      id,
      emails: [...(known?.emails ?? []), ...(email ? [email] : [])],
      phones: [...(known?.phones ?? [])],
      externalIds,
    });
    return id;
  };

  const handle = (m: SegmentMessage, line: number): string | undefined => {
    const at = new Date(Date.parse(m.timestamp)).toISOString();
    if (m.type === 'group') return `group calls are not imported (group ${m.groupId})`;
    if (m.type === 'alias') {
      const id = personOf({ ...m, userId: m.userId ?? null }, undefined);
      writer.queue('contacts', id, { externalIds: { [`segment#${m.previousId}`]: m.previousId } }, 'fill', [line]);
      return undefined;
    }
    if (m.type === 'identify') {
      const traits = m.traits;
      const email = typeof traits.email === 'string' ? traits.email.trim() : undefined;
      if (email !== undefined && !normalizeEmail(email))
        throw new EventError(`traits.email "${email}" is not an email address`);
      let phone: string | undefined;
      if (typeof traits.phone === 'string' && traits.phone.trim()) {
        const result = normalizePhone(traits.phone, options.defaultCountry);
        if (result.ok) phone = result.e164;
        else report.warnings.push({ line, reasons: [`traits.phone: ${result.reason}; the other traits were kept`] });
      }
      const name = typeof traits.name === 'string' ? traits.name : undefined;
      const id = personOf(m, email?.toLowerCase());
      const text = (key: string) =>
        typeof traits[key] === 'string' && (traits[key] as string).trim() ? (traits[key] as string).trim() : undefined;
      writer.queue(
        'contacts',
        id,
        {
          ...(email && { emails: [email.toLowerCase()] }),
          ...(phone && { phones: [phone] }),
          ...splitName(name),
          ...(text('firstName') && { firstName: text('firstName') }),
          ...(text('lastName') && { lastName: text('lastName') }),
          ...(text('company') && { company: text('company') }),
          ...(text('title') && { title: text('title') }),
        },
        'replace',
        [line],
      );
      return undefined;
    }
    const properties = m.properties;
    const propEmail =
      typeof properties.email === 'string' && normalizeEmail(properties.email)
        ? properties.email.toLowerCase()
        : undefined;
    const contactId = personOf(m, propEmail);
    const event = m.type === 'page' ? 'Page Viewed' : m.event;
    if (event === 'Order Completed') {
      const order = parse(OrderCompletedSchema, properties);
      const currency = order.currency ?? options.defaultCurrency?.toUpperCase();
      if (!currency) throw new EventError('Order Completed names no currency (and no default currency is set)');
      const lineItems = order.products.map((p) => ({
        name: (p.name ?? p.sku ?? p.product_id) as string,
        quantity: p.quantity,
        unitPrice: { amount: p.price, currency },
        ...(p.product_id && { productId: p.product_id }),
        ...(p.sku && { sku: p.sku }),
        ...(p.category && { category: p.category }),
      }));
      const total = order.total ?? order.revenue ?? linesTotal(lineItems) - (order.discount ?? 0);
      writer.queue(
        'orders',
        `segment:${order.order_id ?? m.messageId}`,
        {
          contactId,
          placedAt: at,
          status: 'paid',
          currency,
          lineItems,
          discounts: order.discount
            ? [{ ...(order.coupon && { code: order.coupon }), amount: { amount: order.discount, currency } }]
            : [],
          total: { amount: total, currency },
          ...(order.order_id && { number: order.order_id }),
          source: SOURCE,
          externalIds: { segment: order.order_id ?? m.messageId },
        },
        'replace',
        [line],
        { createdAt: at, dependsOn: [contactId] },
      );
      writer.queue('contacts', contactId, { lifecycleStage: 'customer' }, 'fill', []);
      return undefined;
    }
    if (event === 'Case Opened') {
      const c = parse(CaseOpenedSchema, properties);
      writer.queue(
        'cases',
        `segment:${c.case_id}`,
        {
          contactId,
          subject: c.subject,
          ...(c.description && { description: c.description }),
          type: c.type,
          priority: c.type === 'complaint' ? 'high' : 'normal',
          status: 'new',
          channel: 'self-service' satisfies Channel,
          openedAt: at,
          ...(c.page_url && { pageUrl: c.page_url }),
          ...(c.search_terms && { searchTerms: c.search_terms }),
          source: SOURCE,
          externalIds: { segment: c.case_id },
        },
        'replace',
        [line],
        { createdAt: at, dependsOn: [contactId] },
      );
      if (c.name) writer.queue('contacts', contactId, splitName(c.name), 'fill', []);
      return undefined;
    }
    if (event === 'Case Rated') {
      const rating = parse(CaseRatedSchema, properties);
      writer.queue('cases', `segment:${rating.case_id}`, { satisfaction: rating.satisfaction }, 'replace', [line]);
      return undefined;
    }
    if (event === 'Callback Requested') {
      const callback = parse(CallbackRequestedSchema, properties);
      // The visitor asked to be called: the task reaches the team even when the number does not
      // check out (a typo, a range the metadata does not know), with the number as typed and flagged.
      const phone = normalizePhone(callback.phone, options.defaultCountry);
      const number = phone.ok ? phone.e164 : callback.phone.trim();
      if (!phone.ok) report.warnings.push({ line, reasons: [`phone: ${phone.reason}; kept on the task as typed`] });
      const who = callback.name ?? number;
      writer.queue(
        'tasks',
        `segment:${callback.callback_id}`,
        {
          contactId,
          kind: 'callback',
          title: `Call back ${who}${callback.topic ? `: ${callback.topic}` : ''}`,
          notes: `Phone ${number}${phone.ok ? '' : ' (as typed: not a valid number)'}${callback.email ? `, email ${callback.email}` : ''}`,
          dueAt: callback.window_start,
          window: { start: callback.window_start, end: callback.window_end },
          done: false,
          source: SOURCE,
        },
        'replace',
        [line],
        { createdAt: at, dependsOn: [contactId] },
      );
      writer.queue(
        'contacts',
        contactId,
        { ...(phone.ok && { phones: [phone.e164] }), ...(callback.name && splitName(callback.name)) },
        'fill',
        [],
      );
      return undefined;
    }
    const page = (m.context?.page ?? {}) as Record<string, unknown>;
    const title =
      m.type === 'page'
        ? (m.name ??
          (typeof properties.title === 'string' ? properties.title : undefined) ??
          (typeof page.title === 'string' ? page.title : undefined))
        : undefined;
    writer.queue(
      'touchpoints',
      `segment:${m.messageId}`,
      {
        contactId,
        channel: SELF_SERVICE.test(event) ? 'self-service' : 'web',
        direction: 'inbound',
        occurredAt: at,
        purpose: m.type === 'page' ? 'browsing' : purposeOf(event),
        subject: title ?? event,
        event,
        properties: flatProperties({
          ...(m.type === 'page' && typeof page.url === 'string' && { url: page.url }),
          ...properties,
        }),
        source: SOURCE,
        externalIds: { segment: m.messageId },
      },
      'replace',
      [line],
      { createdAt: at, dependsOn: [contactId] },
    );
    return undefined;
  };

  const flush = async () => {
    const result = await writer.flush();
    await result.committed;
    report.rejected.push(...result.rejected);
    for (const id of result.failedContacts) links.forgetContact(id);
    addCounts(report.stored, result.counts);
    for (const [survivor, anonymous] of merges) {
      if (survivor === anonymous || !(await repo.get('contacts', anonymous)).ok) continue;
      report.merged.push(
        await mergeContacts(repo, survivor, [anonymous], {
          now,
          reasons: ['the anonymous visitor identified with this email address'],
        }),
      );
      links.forgetContact(anonymous);
    }
    merges = [];
    committed = report.messages;
    report.committedThroughLine = lastLine;
    report.accepted =
      committed - report.duplicates - report.skipped.length - new Set(report.rejected.map((r) => r.line)).size;
    inBatch = 0;
  };

  try {
    for await (const batch of readLines(source, options.signal)) {
      report.issues.push(...batch.issues);
      for (const { line, text } of batch.lines) {
        options.signal?.throwIfAborted();
        if (text.trim() === '') continue;
        report.messages++;
        inBatch++;
        lastLine = line;
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch (error) {
          report.rejected.push({
            line,
            reasons: [`not JSON: ${error instanceof Error ? error.message : String(error)}`],
          });
          continue;
        }
        const message = SegmentMessageSchema.safeParse(json);
        if (!message.success) {
          report.rejected.push({ line, reasons: [issuesOf(message.error)] });
          continue;
        }
        if (seen.has(message.data.messageId)) {
          report.duplicates++;
          continue;
        }
        seen.add(message.data.messageId);
        try {
          const skip = handle(message.data, line);
          if (skip) report.skipped.push({ line, reasons: [skip] });
        } catch (error) {
          if (!(error instanceof EventError)) throw error;
          report.rejected.push({ line, reasons: [error.message] });
        }
        if (inBatch >= batchSize) await flush();
      }
    }
    await flush();
  } catch (error) {
    if (
      !(
        options.signal?.aborted &&
        error instanceof Error &&
        (error.name === 'AbortError' || error.name === 'TimeoutError')
      )
    )
      throw error;
    report.cancelled = true;
    report.rejected = report.rejected.filter((r) => r.line <= report.committedThroughLine);
    report.warnings = report.warnings.filter((r) => r.line <= report.committedThroughLine);
    report.messages = committed;
  }
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
}

/** A report of nothing yet: the start of an import, and the answer to an empty poll. */
export function emptyEventReport(): EventImportReport {
  return {
    messages: 0,
    accepted: 0,
    rejected: [],
    duplicates: 0,
    skipped: [],
    warnings: [],
    stored: {},
    merged: [],
    issues: [],
    cancelled: false,
    committedThroughLine: 0,
  };
}

/** A message that is valid Segment but not a valid event of its kind. */
class EventError extends Error {
  override name = 'EventError';
}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new EventError(`properties: ${issuesOf(result.error)}`);
  return result.data;
}
