import type {
  Account,
  Campaign,
  CampaignResponse,
  Case,
  Contact,
  MergeRecord,
  Note,
  Opportunity,
  Order,
  Repository,
  Task,
  Touchpoint,
} from '@cordial/core';
import { displayName } from '../ui/format';
import type { ValueSignals } from './signals-store';
import type { ContactSuggestion } from './suggest-contact';
import { suggestContact } from './suggest-contact';

/** How many of each list the sidebar shows before "show all". */
export const LIMITS = { orders: 5, notes: 5, timeline: 20, campaignResponses: 10 } as const;

export interface KnownContactView {
  kind: 'known';
  email: string;
  contact: Contact;
  account: Account | undefined;
  /** Newest first, at most LIMITS.orders; `orderCount` is all of them. */
  orders: Order[];
  orderCount: number;
  openOpportunities: Opportunity[];
  openCases: Case[];
  /** Not done, soonest due first (tasks without a due time last). */
  openTasks: Task[];
  /** Pinned first, then newest. */
  notes: Note[];
  /** Every touchpoint, newest first. */
  timeline: Touchpoint[];
  campaignResponses: { response: CampaignResponse; campaign: Campaign | undefined }[];
  /** Records that failed their schema on read: shown as a count, never silently dropped. */
  corrupt: number;
  /** RFM, churn risk and CLV from the background's last run (attached by the data service). */
  value?: ValueSignals;
  /** The last merge into this contact, while it can still be undone. */
  merge?: MergeSummary;
}

/** What the sidebar says about a stored merge: enough to name it and undo it, not its before-image. */
export interface MergeSummary {
  id: string;
  mergedAt: string;
  /** How many contacts became this one, the survivor included. */
  contacts: number;
  into: string;
}

export function summarizeMerge(merge: MergeRecord): MergeSummary {
  return {
    id: merge.id,
    mergedAt: merge.mergedAt,
    contacts: merge.mergedIds.length + 1,
    into: displayName(merge.before.survivor),
  };
}

/**
 * The newest stored merge into this contact, offered for undoing only while the contact is
 * as the merge left it: once it is edited, core's undo would refuse anyway.
 */
function undoableMerge(contact: Contact, merges: readonly MergeRecord[]): MergeSummary | undefined {
  const last = merges.find((m) => m.survivorId === contact.id);
  return last && last.after.survivorVersion === contact.version ? summarizeMerge(last) : undefined;
}

export type ContactView =
  | KnownContactView
  | { kind: 'unknown'; email: string; suggestion: ContactSuggestion }
  | { kind: 'duplicates'; email: string; contacts: Contact[] };

const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

/** Everything the sidebar shows about the person behind one address. */
export async function loadContactView(repo: Repository, email: string, name: string | undefined): Promise<ContactView> {
  const found = await repo.findContactsByEmail(email);
  if (found.records.length === 0)
    return { kind: 'unknown', email, suggestion: await suggestContact(repo, email, name) };
  if (found.records.length > 1) return { kind: 'duplicates', email, contacts: found.records };
  const contact = found.records[0] as Contact;
  return loadKnownContact(repo, contact, email, found.corrupt.length);
}

export async function loadKnownContact(
  repo: Repository,
  contact: Contact,
  email = contact.emails[0] ?? '',
  corruptContacts = 0,
): Promise<KnownContactView> {
  const id = contact.id;
  const [orders, opportunities, cases, tasks, notes, touchpoints, responses, merges, account] = await Promise.all([
    repo.listByContact('orders', id),
    repo.listByContact('opportunities', id),
    repo.listByContact('cases', id),
    repo.listByContact('tasks', id),
    repo.listByContact('notes', id),
    repo.listByContact('touchpoints', id),
    repo.listByContact('campaignResponses', id),
    repo.listMerges({ contactId: id }),
    contact.accountId ? repo.get('accounts', contact.accountId) : undefined,
  ]);
  const recentResponses = [...responses.records]
    .sort((a, b) => newestFirst(a.respondedAt, b.respondedAt))
    .slice(0, LIMITS.campaignResponses);
  const campaigns = new Map<string, Campaign>();
  for (const campaignId of new Set(recentResponses.map((r) => r.campaignId))) {
    const read = await repo.get('campaigns', campaignId);
    if (read.ok) campaigns.set(campaignId, read.value);
  }
  const corrupt =
    corruptContacts +
    [orders, opportunities, cases, tasks, notes, touchpoints, responses].reduce((n, r) => n + r.corrupt.length, 0);
  return {
    kind: 'known',
    email,
    contact,
    account: account?.ok ? account.value : undefined,
    orders: [...orders.records].sort((a, b) => newestFirst(a.placedAt, b.placedAt)).slice(0, LIMITS.orders),
    orderCount: orders.records.length,
    openOpportunities: opportunities.records.filter((o) => o.stage !== 'won' && o.stage !== 'lost'),
    openCases: cases.records.filter((c) => c.status !== 'resolved' && c.status !== 'closed'),
    openTasks: tasks.records
      .filter((t) => !t.done)
      .sort((a, b) => (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff')),
    notes: [...notes.records]
      .sort((a, b) => Number(b.pinned) - Number(a.pinned) || newestFirst(a.createdAt, b.createdAt))
      .slice(0, LIMITS.notes),
    timeline: [...touchpoints.records].sort((a, b) => newestFirst(a.occurredAt, b.occurredAt)),
    campaignResponses: recentResponses.map((response) => ({ response, campaign: campaigns.get(response.campaignId) })),
    corrupt,
    ...(undoableMerge(contact, merges.records) ? { merge: undoableMerge(contact, merges.records) } : {}),
  };
}
