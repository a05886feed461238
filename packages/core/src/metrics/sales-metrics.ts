import type { Contact } from '../model/contact.ts';
import type { Opportunity } from '../model/opportunity.ts';
import type { Order } from '../model/order.ts';
import type { Touchpoint } from '../model/touchpoint.ts';
import { purchaseHistories } from './campaign-metrics.ts';
import { type Amounts, addAmount, isPurchase, type MetricsWindow, toSpan } from './metrics-window.ts';

export interface SalesData {
  readonly contacts: readonly Contact[];
  readonly orders: readonly Order[];
  readonly opportunities: readonly Opportunity[];
  readonly touchpoints: readonly Touchpoint[];
}

export interface SalesMetrics {
  /** Contacts known by the end of the window who have never bought. */
  readonly prospectiveCustomers: number;
  /** Contacts whose first purchase falls in the window. */
  readonly newCustomers: number;
  /** Contacts who bought before the window and again in it. */
  readonly retainedCustomers: number;
  /** Opportunities at lead or qualified stage, open at the end of the window. */
  readonly openLeads: number;
  /** Sales touchpoints by phone, meeting or in person in the window. */
  readonly salesCalls: number;
  /** Revenue in the window from new customers, per currency. */
  readonly newRevenue: Amounts;
  /** Revenue in the window from customers who had bought before, per currency. */
  readonly recurringRevenue: Amounts;
  /**
   * Opportunities that reached the proposal stage or beyond (proposal, negotiation, won) and
   * were last changed in the window — the record keeps its current stage, not its history.
   */
  readonly proposalsGiven: number;
}

const CALL_CHANNELS = new Set(['phone', 'meeting', 'in-person']);
const LEAD_STAGES = new Set(['lead', 'qualified']);
const PROPOSAL_STAGES = new Set(['proposal', 'negotiation', 'won']);

/** The sales metrics of CRM.md for a window, optionally for one owner (the contact's or the record's owner). */
export function computeSalesMetrics(data: SalesData, window: MetricsWindow): SalesMetrics {
  const span = toSpan(window);
  const owned = (ownerId: string | undefined) => span.ownerId === undefined || ownerId === span.ownerId;
  const contacts = data.contacts.filter((c) => owned(c.ownerId) && Date.parse(c.createdAt) < span.to);
  const ids = new Set(contacts.map((c) => c.id));

  // First purchase per contact, and who bought before the window.
  const histories = purchaseHistories(data.orders);
  const firstPurchase = (contactId: string) => histories.get(contactId)?.firstPurchaseAt;
  const newRevenue: Amounts = {};
  const recurringRevenue: Amounts = {};
  const boughtInWindow = new Set<string>();
  for (const order of data.orders) {
    if (!ids.has(order.contactId) || !isPurchase(order) || !span.contains(order.placedAt)) continue;
    boughtInWindow.add(order.contactId);
    const first = firstPurchase(order.contactId) as number;
    addAmount(first >= span.from ? newRevenue : recurringRevenue, order.total.currency, order.total.amount);
  }
  let newCustomers = 0;
  let retainedCustomers = 0;
  for (const id of boughtInWindow) {
    if ((firstPurchase(id) as number) >= span.from) newCustomers++;
    else retainedCustomers++;
  }
  const prospectiveCustomers = contacts.filter((c) => {
    const first = firstPurchase(c.id);
    return first === undefined || first >= span.to;
  }).length;

  const opportunities = data.opportunities.filter((o) => owned(o.ownerId));
  const openAtEnd = (o: Opportunity) =>
    Date.parse(o.createdAt) < span.to && (o.closedAt === undefined || Date.parse(o.closedAt) >= span.to);
  return {
    prospectiveCustomers,
    newCustomers,
    retainedCustomers,
    openLeads: opportunities.filter((o) => LEAD_STAGES.has(o.stage) && openAtEnd(o)).length,
    salesCalls: data.touchpoints.filter(
      (t) => owned(t.ownerId) && t.purpose === 'sales' && CALL_CHANNELS.has(t.channel) && span.contains(t.occurredAt),
    ).length,
    newRevenue,
    recurringRevenue,
    proposalsGiven: opportunities.filter((o) => PROPOSAL_STAGES.has(o.stage) && span.contains(o.updatedAt)).length,
  };
}
