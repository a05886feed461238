import type { Account, CampaignResponse, Contact, Opportunity, Task, Touchpoint } from '@cordial/core';
import type { CustomerRow } from './customers';

const DAY = 86_400_000;

/** Open follow-ups: overdue (oldest first) and due today (soonest first). */
export function followUps(tasks: readonly Task[], now: Date) {
  const endOfDay = new Date(now);
  endOfDay.setHours(23, 59, 59, 999);
  const open = tasks.filter((t) => !t.done && t.dueAt !== undefined);
  const byDue = (a: Task, b: Task) => (a.dueAt as string).localeCompare(b.dueAt as string);
  return {
    overdue: open.filter((t) => Date.parse(t.dueAt as string) < now.getTime()).sort(byDue),
    dueToday: open
      .filter((t) => {
        const due = Date.parse(t.dueAt as string);
        return due >= now.getTime() && due <= endOfDay.getTime();
      })
      .sort(byDue),
  };
}

/** Segments that mean "valuable and slipping": a move into one of them is news. */
export const AT_RISK_SEGMENTS = ["Can't Lose Them", 'At Risk'];
/** P(alive) under which a customer counts as at risk. */
export const AT_RISK_BELOW = 0.5;

export interface AtRisk {
  row: CustomerRow;
  /** Why now, in words: what changed since last month, then the churn-risk reason. */
  reason: string;
}

/**
 * Customers who became at risk in the last month: P(alive) fell below the threshold, or they moved
 * into "Can't Lose Them" / "At Risk". Most valuable first, since those are the calls worth making.
 */
export function newlyAtRisk(rows: readonly CustomerRow[], threshold = AT_RISK_BELOW): AtRisk[] {
  const found: AtRisk[] = [];
  for (const row of rows) {
    const changes: string[] = [];
    if (
      row.pAlive !== undefined &&
      row.pAliveBefore !== undefined &&
      row.pAlive < threshold &&
      row.pAliveBefore >= threshold
    )
      changes.push(
        `chance still active fell from ${Math.round(row.pAliveBefore * 100)}% to ${Math.round(row.pAlive * 100)}%`,
      );
    if (row.segment && AT_RISK_SEGMENTS.includes(row.segment) && row.segment !== row.segmentBefore)
      changes.push(`moved to “${row.segment}”${row.segmentBefore ? ` from “${row.segmentBefore}”` : ''}`);
    if (changes.length === 0) continue;
    found.push({ row, reason: [...changes, row.riskReason].filter(Boolean).join('; ') });
  }
  return found.sort((a, b) => (b.row.clv ?? b.row.monetary) - (a.row.clv ?? a.row.monetary));
}

export interface LeadFactor {
  factor: 'engagement' | 'fit' | 'recency';
  /** Points earned out of `max`. */
  points: number;
  max: number;
  why: string;
}

export interface Lead {
  contact: Contact;
  opportunity: Opportunity | undefined;
  score: number;
  factors: LeadFactor[];
}

const SENIOR_TITLE = /\b(chief|ceo|cto|cfo|coo|founder|owner|president|vp|vice president|head|director|partner)\b/i;
const MANAGER_TITLE = /\b(manager|lead|principal)\b/i;
const ENGAGED_RESPONSES = new Set<CampaignResponse['response']>(['opened', 'clicked', 'responded', 'converted']);

export interface LeadInputs {
  touchpoints: readonly Touchpoint[];
  responses: readonly CampaignResponse[];
  account: Account | undefined;
  opportunity: Opportunity | undefined;
}

/**
 * A lead score out of 100 from three explained parts (lead management, CRM.md):
 * engagement (40: inbound touchpoints and campaign responses in the last 90 days),
 * fit (35: seniority of the title, company size, consent to be emailed),
 * recency (25: how recently they were in touch, losing a point every few days).
 */
export function scoreLead(contact: Contact, inputs: LeadInputs, now: number): Omit<Lead, 'contact' | 'opportunity'> {
  const recent = inputs.touchpoints.filter((t) => now - Date.parse(t.occurredAt) <= 90 * DAY);
  const inbound = recent.filter((t) => t.direction === 'inbound').length;
  const engagedResponses = inputs.responses.filter(
    (r) => ENGAGED_RESPONSES.has(r.response) && now - Date.parse(r.respondedAt) <= 90 * DAY,
  ).length;
  const engagement = Math.min(40, inbound * 8 + engagedResponses * 6 + (recent.length - inbound) * 2);

  const fitParts: string[] = [];
  let fit = 0;
  const title = contact.title ?? '';
  if (SENIOR_TITLE.test(title)) {
    fit += 15;
    fitParts.push(`decision maker (${title})`);
  } else if (MANAGER_TITLE.test(title)) {
    fit += 9;
    fitParts.push(`manager (${title})`);
  } else fitParts.push(title ? `title “${title}” not senior` : 'no title');
  const size = inputs.account?.size;
  if (size) {
    const points = { '1-10': 3, '11-50': 6, '51-200': 10, '201-1000': 12, '1001-5000': 12, '5001+': 10 }[size];
    fit += points;
    fitParts.push(`company of ${size} people`);
  } else if (contact.company) {
    fit += 4;
    fitParts.push(`works at ${contact.company}`);
  } else fitParts.push('no company');
  if (contact.consent.email.status === 'granted' && !contact.marketing.doNotContact) {
    fit += 8;
    fitParts.push('agreed to email');
  } else fitParts.push(contact.marketing.doNotContact ? 'do not contact' : 'no email consent');

  const last = Math.max(
    -Infinity,
    ...inputs.touchpoints.map((t) => Date.parse(t.occurredAt)),
    ...inputs.responses.map((r) => Date.parse(r.respondedAt)),
  );
  const days = Number.isFinite(last) ? Math.max(0, Math.floor((now - last) / DAY)) : undefined;
  const recency = days === undefined ? 0 : Math.max(0, 25 - Math.floor(days / 4));

  const factors: LeadFactor[] = [
    {
      factor: 'engagement',
      points: engagement,
      max: 40,
      why: `${inbound} inbound contact${inbound === 1 ? '' : 's'} and ${engagedResponses} campaign response${engagedResponses === 1 ? '' : 's'} in 90 days`,
    },
    { factor: 'fit', points: Math.min(35, fit), max: 35, why: fitParts.join(', ') },
    {
      factor: 'recency',
      points: recency,
      max: 25,
      why: days === undefined ? 'never in touch' : days === 0 ? 'in touch today' : `last in touch ${days} days ago`,
    },
  ];
  return { score: factors.reduce((s, f) => s + f.points, 0), factors };
}

const OPEN_LEAD_STAGES = new Set<Opportunity['stage']>(['lead', 'qualified']);

/**
 * Open leads, best first: prospects (contacts who never bought) and contacts with an opportunity still
 * at the lead or qualified stage. Do-not-contact people are left out: nobody should call them to sell.
 */
export function prioritiseLeads(
  contacts: readonly Contact[],
  byContact: (id: string) => Omit<LeadInputs, 'opportunity'>,
  opportunities: readonly Opportunity[],
  customerIds: ReadonlySet<string>,
  now: number,
): Lead[] {
  const openOpportunity = new Map<string, Opportunity>();
  for (const o of opportunities)
    if (o.contactId && OPEN_LEAD_STAGES.has(o.stage) && !openOpportunity.has(o.contactId))
      openOpportunity.set(o.contactId, o);
  const leads: Lead[] = [];
  for (const contact of contacts) {
    const opportunity = openOpportunity.get(contact.id);
    if (contact.marketing.doNotContact) continue;
    if (!opportunity && customerIds.has(contact.id)) continue;
    const inputs = { ...byContact(contact.id), opportunity };
    leads.push({ contact, opportunity, ...scoreLead(contact, inputs, now) });
  }
  return leads.sort((a, b) => b.score - a.score);
}
