import type { Campaign } from '../model/campaign.ts';
import type { CampaignResponse } from '../model/campaign-response.ts';
import type { Contact } from '../model/contact.ts';
import type { Order } from '../model/order.ts';
import { responseOutcome } from './campaign-metrics.ts';
import { type Amounts, addAmount, isPurchase, type MetricsWindow, toSpan } from './metrics-window.ts';

export interface MarketingData {
  readonly contacts: readonly Contact[];
  readonly orders: readonly Order[];
  readonly campaigns: readonly Campaign[];
  readonly campaignResponses: readonly CampaignResponse[];
}

export interface CampaignResult {
  readonly campaignId: string;
  readonly name: string;
  /** Contacts who clicked, responded or converted (a delivery or an open is not a response). */
  readonly responses: number;
  /** Responses that led to a purchase. */
  readonly purchases: number;
  readonly revenue: Amounts;
}

export interface MarketingMetrics {
  /** Campaigns running at some point of the window (planned and cancelled ones are not run). */
  readonly campaignsRun: number;
  readonly campaigns: CampaignResult[];
  /**
   * Of the customers whose first purchase fell in the window of the same length just before
   * this one, the share who bought again in this window; null when there were none.
   */
  readonly newCustomerRetentionRate: number | null;
  /** Of all customers who bought in the previous window, the share who bought in this one; null when none did. */
  readonly customerRetentionRate: number | null;
}

/** The marketing metrics of CRM.md for a window; an owner narrows responses and customers to their contacts. */
export function computeMarketingMetrics(data: MarketingData, window: MetricsWindow): MarketingMetrics {
  const span = toSpan(window);
  const owned = new Set(
    data.contacts.filter((c) => span.ownerId === undefined || c.ownerId === span.ownerId).map((c) => c.id),
  );
  const running = data.campaigns.filter((c) => {
    if (c.status === 'planned' || c.status === 'cancelled') return false;
    const starts = c.startsAt === undefined ? Number.NEGATIVE_INFINITY : Date.parse(c.startsAt);
    const ends = c.endsAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(c.endsAt);
    return starts < span.to && ends >= span.from;
  });
  const ordersById = new Map(data.orders.map((o) => [o.id, o]));
  const order = (id: string) => ordersById.get(id);
  const campaigns = running.map((campaign): CampaignResult => {
    const responders = new Set<string>();
    const buyers = new Set<string>();
    const revenue: Amounts = {};
    for (const r of data.campaignResponses) {
      if (r.campaignId !== campaign.id || !owned.has(r.contactId) || !span.contains(r.respondedAt)) continue;
      const outcome = responseOutcome(r, order);
      if (outcome.responded) responders.add(r.contactId);
      if (outcome.bought) buyers.add(r.contactId);
      if (outcome.money) addAmount(revenue, outcome.money.currency, outcome.money.amount);
    }
    return {
      campaignId: campaign.id,
      name: campaign.name,
      responses: responders.size,
      purchases: buyers.size,
      revenue,
    };
  });

  // Retention compares this window with the one of the same length right before it.
  const previousFrom = span.from - (span.to - span.from);
  const first = new Map<string, number>();
  const boughtBefore = new Set<string>();
  const boughtNow = new Set<string>();
  for (const o of data.orders) {
    if (!owned.has(o.contactId) || !isPurchase(o)) continue;
    const t = Date.parse(o.placedAt);
    if (t < (first.get(o.contactId) ?? Number.POSITIVE_INFINITY)) first.set(o.contactId, t);
    if (t >= previousFrom && t < span.from) boughtBefore.add(o.contactId);
    if (t >= span.from && t < span.to) boughtNow.add(o.contactId);
  }
  const share = (group: string[]) =>
    group.length === 0 ? null : group.filter((id) => boughtNow.has(id)).length / group.length;
  const newBefore = [...boughtBefore].filter((id) => (first.get(id) as number) >= previousFrom);
  return {
    campaignsRun: running.length,
    campaigns,
    newCustomerRetentionRate: share(newBefore),
    customerRetentionRate: share([...boughtBefore]),
  };
}
