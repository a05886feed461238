import { type Contact, NO_SEGMENT, type Touchpoint } from '@cordial/core';
import * as z from 'zod';
import { displayName } from '../../ui/format';
import { type Analysis, NO_TIER, STAGES, TIERS } from './analyse';

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** One line of the customers table: the contact joined with its analysis. Prospects have no scores. */
export interface CustomerRow {
  id: string;
  name: string;
  email: string;
  company: string;
  owner: string;
  tags: readonly string[];
  /** The analytics life-cycle stage (prospect, new, repeat…, churned). */
  stage: string;
  segment: string | undefined;
  segmentBefore: string | undefined;
  r: number;
  f: number;
  m: number;
  recencyDays: number | undefined;
  orders: number;
  monetary: number;
  clv: number | undefined;
  pAlive: number | undefined;
  pAliveBefore: number | undefined;
  risk: RiskLevel | undefined;
  riskReason: string;
  /** Epoch ms of the latest touchpoint, if any. */
  lastTouch: number | undefined;
  doNotContact: boolean;
  emailConsent: boolean;
}

const num = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? undefined : v);

/** Latest touchpoint time per contact. */
export function lastTouches(touchpoints: Iterable<Pick<Touchpoint, 'contactId' | 'occurredAt'>>): Map<string, number> {
  const latest = new Map<string, number>();
  for (const t of touchpoints) {
    const at = Date.parse(t.occurredAt);
    if (at > (latest.get(t.contactId) ?? -Infinity)) latest.set(t.contactId, at);
  }
  return latest;
}

/** Joins contacts with the analysis columns (by contact id) and their last touch. */
export function buildCustomerRows(
  contacts: readonly Contact[],
  analysis: Analysis | null,
  lastTouch: ReadonlyMap<string, number>,
): CustomerRow[] {
  const index = new Map<string, number>();
  analysis?.contactIds.forEach((id, i) => {
    index.set(id, i);
  });
  return contacts.map((contact): CustomerRow => {
    const i = index.get(contact.id);
    const a = analysis && i !== undefined ? analysis : undefined;
    const at = <T extends { [k: number]: number }>(col: T | undefined) =>
      a && col ? (col[i as number] as number) : undefined;
    const segment = at(a?.segment);
    const segmentBefore = at(a?.segmentBefore);
    const tier = at(a?.churnTier);
    const orders = at(a?.frequency) ?? 0;
    return {
      id: contact.id,
      name: displayName(contact),
      email: contact.emails[0] ?? '',
      company: contact.company ?? '',
      owner: contact.ownerId ?? '',
      tags: contact.tags,
      stage: orders > 0 && a ? (STAGES[at(a.stage) as number] ?? 'prospect') : 'prospect',
      segment: segment === undefined || segment === NO_SEGMENT ? undefined : a?.segmentNames[segment],
      segmentBefore:
        segmentBefore === undefined || segmentBefore === NO_SEGMENT ? undefined : a?.segmentNames[segmentBefore],
      r: at(a?.r) ?? 0,
      f: at(a?.f) ?? 0,
      m: at(a?.m) ?? 0,
      recencyDays: orders > 0 ? at(a?.recencyDays) : undefined,
      orders,
      monetary: at(a?.monetary) ?? 0,
      clv: num(at(a?.clv)),
      pAlive: num(at(a?.pAlive)),
      pAliveBefore: num(at(a?.pAliveBefore)),
      risk: tier === undefined || tier === NO_TIER ? undefined : TIERS[tier],
      riskReason: a && i !== undefined ? (a.churnReason[i] ?? '') : '',
      lastTouch: lastTouch.get(contact.id),
      doNotContact: contact.marketing.doNotContact,
      emailConsent: contact.consent.email.status === 'granted',
    };
  });
}

/** The customers table's filters; also the body of a saved view, so it is validated when read back. */
export const CustomerFilterSchema = z.object({
  text: z.string().max(200).default(''),
  segments: z.array(z.string()).default([]),
  stages: z.array(z.string()).default([]),
  owner: z.string().default(''),
  tag: z.string().default(''),
  risks: z.array(z.enum(RISK_LEVELS)).default([]),
  /** Lifetime value (CLV, else spend so far) at least / at most. */
  minValue: z.number().nonnegative().nullable().default(null),
  maxValue: z.number().nonnegative().nullable().default(null),
  /** Last touch within / not within this many days. */
  touchedWithinDays: z.number().int().positive().nullable().default(null),
  notTouchedForDays: z.number().int().positive().nullable().default(null),
  /** One cell of the RFM grid (recency and frequency scores). */
  rfm: z
    .object({ r: z.number().int().min(1), f: z.number().int().min(1) })
    .nullable()
    .default(null),
});
export type CustomerFilter = z.infer<typeof CustomerFilterSchema>;
export const EMPTY_FILTER: CustomerFilter = CustomerFilterSchema.parse({});

export const SORT_KEYS = ['name', 'segment', 'stage', 'value', 'risk', 'lastTouch', 'orders'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SortSchema = z.object({ key: z.enum(SORT_KEYS), descending: z.boolean() });
export type Sort = z.infer<typeof SortSchema>;

export const SavedViewSchema = z.object({
  name: z.string().trim().min(1).max(80),
  filter: CustomerFilterSchema,
  sort: SortSchema,
});
export type SavedView = z.infer<typeof SavedViewSchema>;

/** A row's value for the value filter and column: CLV when the models could be fitted, else spend so far. */
export const customerValue = (row: CustomerRow) => row.clv ?? row.monetary;

export function matchesFilter(row: CustomerRow, filter: CustomerFilter, now: number): boolean {
  const text = filter.text.trim().toLowerCase();
  if (text && !`${row.name}\n${row.email}\n${row.company}`.toLowerCase().includes(text)) return false;
  if (filter.segments.length > 0 && !filter.segments.includes(row.segment ?? '')) return false;
  if (filter.stages.length > 0 && !filter.stages.includes(row.stage)) return false;
  if (filter.owner && row.owner !== filter.owner) return false;
  if (filter.tag && !row.tags.includes(filter.tag)) return false;
  if (filter.risks.length > 0 && !(row.risk && filter.risks.includes(row.risk))) return false;
  if (filter.rfm && (row.r !== filter.rfm.r || row.f !== filter.rfm.f)) return false;
  const value = customerValue(row);
  if (filter.minValue !== null && value < filter.minValue) return false;
  if (filter.maxValue !== null && value > filter.maxValue) return false;
  const days = row.lastTouch === undefined ? Infinity : (now - row.lastTouch) / 86_400_000;
  if (filter.touchedWithinDays !== null && days > filter.touchedWithinDays) return false;
  if (filter.notTouchedForDays !== null && days < filter.notTouchedForDays) return false;
  return true;
}

const RISK_RANK: Record<string, number> = { low: 1, medium: 2, high: 3 };
const compareBy: Record<SortKey, (a: CustomerRow, b: CustomerRow) => number> = {
  name: (a, b) => a.name.localeCompare(b.name),
  segment: (a, b) => (a.segment ?? '').localeCompare(b.segment ?? ''),
  stage: (a, b) => STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage),
  value: (a, b) => customerValue(a) - customerValue(b),
  risk: (a, b) => (RISK_RANK[a.risk ?? ''] ?? 0) - (RISK_RANK[b.risk ?? ''] ?? 0),
  lastTouch: (a, b) => (a.lastTouch ?? -Infinity) - (b.lastTouch ?? -Infinity),
  orders: (a, b) => a.orders - b.orders,
};
const STAGE_ORDER: readonly string[] = STAGES;

/** Filtered and sorted rows; ties keep name order so the table never jumps between renders. */
export function queryCustomers(rows: readonly CustomerRow[], filter: CustomerFilter, sort: Sort, now: number) {
  const compare = compareBy[sort.key];
  const sign = sort.descending ? -1 : 1;
  return rows
    .filter((row) => matchesFilter(row, filter, now))
    .sort((a, b) => sign * compare(a, b) || a.name.localeCompare(b.name));
}

/** The distinct owners, tags and segments present, for the filter pickers. */
export function filterChoices(rows: readonly CustomerRow[]) {
  const owners = new Set<string>();
  const tags = new Set<string>();
  const segments = new Set<string>();
  for (const row of rows) {
    if (row.owner) owners.add(row.owner);
    for (const tag of row.tags) tags.add(tag);
    if (row.segment) segments.add(row.segment);
  }
  const sorted = (s: Set<string>) => [...s].sort((a, b) => a.localeCompare(b));
  return { owners: sorted(owners), tags: sorted(tags), segments: sorted(segments) };
}
