import type { Order } from '@cordial/core';
import * as z from 'zod';
import { type CustomerRow, customerValue, RISK_LEVELS } from './customers';

/** A list query across stores: segment and stage (analytics), churn risk, value, what they bought and didn't. */
export const ListQuerySchema = z.object({
  segments: z.array(z.string()).default([]),
  stages: z.array(z.string()).default([]),
  risks: z.array(z.enum(RISK_LEVELS)).default([]),
  minValue: z.number().nonnegative().nullable().default(null),
  /** Bought at least one of these categories… */
  boughtAny: z.array(z.string()).default([]),
  /** …and never any of these (the cross-sell gap). */
  neverBought: z.array(z.string()).default([]),
  /** Leave out people who may not be contacted for marketing (do-not-contact, no email consent). */
  marketableOnly: z.boolean().default(true),
});
export type ListQuery = z.infer<typeof ListQuerySchema>;

/** The product categories each contact bought (paid or fulfilled orders only). */
export function categoriesByContact(orders: Iterable<Order>): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const order of orders) {
    if (order.status !== 'paid' && order.status !== 'fulfilled') continue;
    const set = map.get(order.contactId) ?? new Set<string>();
    for (const line of order.lineItems) if (line.category) set.add(line.category);
    map.set(order.contactId, set);
  }
  return map;
}

export function runListQuery(
  rows: readonly CustomerRow[],
  query: ListQuery,
  categories: ReadonlyMap<string, ReadonlySet<string>>,
): CustomerRow[] {
  const none = new Set<string>();
  return rows.filter((row) => {
    if (query.segments.length > 0 && !query.segments.includes(row.segment ?? '')) return false;
    if (query.stages.length > 0 && !query.stages.includes(row.stage)) return false;
    if (query.risks.length > 0 && !(row.risk && query.risks.includes(row.risk))) return false;
    if (query.minValue !== null && customerValue(row) < query.minValue) return false;
    if (query.marketableOnly && (row.doNotContact || !row.emailConsent)) return false;
    const bought = categories.get(row.id) ?? none;
    if (query.boughtAny.length > 0 && !query.boughtAny.some((c) => bought.has(c))) return false;
    if (query.neverBought.some((c) => bought.has(c))) return false;
    return true;
  });
}

/** The query in words, for the audience field of a campaign and the list's heading. */
export function describeQuery(query: ListQuery): string {
  const parts: string[] = [];
  if (query.segments.length > 0) parts.push(query.segments.join(' or '));
  if (query.stages.length > 0) parts.push(`stage ${query.stages.join(' or ')}`);
  if (query.risks.length > 0) parts.push(`${query.risks.join(' or ')} churn risk`);
  if (query.minValue !== null) parts.push(`value at least ${query.minValue}`);
  if (query.boughtAny.length > 0) parts.push(`who bought ${query.boughtAny.join(' or ')}`);
  if (query.neverBought.length > 0) parts.push(`but never ${query.neverBought.join(' or ')}`);
  if (query.marketableOnly) parts.push('who may be emailed');
  return parts.length > 0 ? parts.join(', ') : 'Everyone';
}

/**
 * One CSV field (RFC 4180). A leading = + - @ (or tab/CR) is prefixed with an apostrophe: a spreadsheet
 * would otherwise run an imported name such as `=HYPERLINK(...)` as a formula.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const LIST_COLUMNS = ['id', 'name', 'email', 'company', 'segment', 'stage', 'churn risk', 'value'] as const;

export function listToCsv(rows: readonly CustomerRow[]): string {
  const lines = [LIST_COLUMNS.join(',')];
  for (const row of rows)
    lines.push(
      [
        row.id,
        row.name,
        row.email,
        row.company,
        row.segment ?? '',
        row.stage,
        row.risk ?? '',
        customerValue(row).toFixed(2),
      ]
        .map(csvField)
        .join(','),
    );
  return `${lines.join('\r\n')}\r\n`;
}

/** A saved list, kept so a campaign can be sent to exactly these people later. */
export const AudienceSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  description: z.string(),
  query: ListQuerySchema,
  contactIds: z.array(z.string()),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Audience = z.infer<typeof AudienceSchema>;
