import type { Campaign } from '../model/campaign.ts';
import type { CampaignResponse } from '../model/campaign-response.ts';
import type { Order } from '../model/order.ts';
import { type Amounts, addAmount, isPurchase } from './metrics-window.ts';

const DAY = 86_400_000;

/** A delivery or an open is not a response: the contact has to click, answer or buy. */
const RESPONSES = new Set<CampaignResponse['response']>(['clicked', 'responded', 'converted']);

/** What one response record says about its contact: did they respond, did they buy, for how much. */
export interface ResponseOutcome {
  readonly responded: boolean;
  readonly bought: boolean;
  /** The purchase's money: the response's own revenue, else the total of the order it names when that is a purchase. */
  readonly money: { readonly amount: number; readonly currency: string } | undefined;
}

export function responseOutcome(
  response: CampaignResponse,
  order: (orderId: string) => Order | undefined,
): ResponseOutcome {
  const named = response.orderId === undefined ? undefined : order(response.orderId);
  const money = response.revenue ?? (named && isPurchase(named) ? named.total : undefined);
  return { responded: RESPONSES.has(response.response), bought: response.response === 'converted' || !!money, money };
}

/** A customer's purchases (paid or fulfilled orders): when the first was placed and how many there are. */
export interface PurchaseHistory {
  /** Epoch milliseconds. */
  readonly firstPurchaseAt: number;
  readonly purchases: number;
}

/** Every customer's purchase history, from their orders (an analysis that already has it may supply its own). */
export function purchaseHistories(orders: readonly Order[]): Map<string, PurchaseHistory> {
  const histories = new Map<string, { firstPurchaseAt: number; purchases: number }>();
  for (const o of orders) {
    if (!isPurchase(o)) continue;
    const at = Date.parse(o.placedAt);
    const h = histories.get(o.contactId);
    if (h) {
      h.purchases++;
      h.firstPurchaseAt = Math.min(h.firstPurchaseAt, at);
    } else histories.set(o.contactId, { firstPurchaseAt: at, purchases: 1 });
  }
  return histories;
}

export interface CampaignPerformanceData {
  readonly campaigns: readonly Campaign[];
  readonly campaignResponses: readonly CampaignResponse[];
  /** Each contact's purchase history; undefined for a contact who never bought. */
  readonly purchases: (contactId: string) => PurchaseHistory | undefined;
  /** The order a response names (`orderId`), whose total is its revenue when the response records none. */
  readonly order?: (orderId: string) => Order | undefined;
}

export interface CampaignPerformanceOptions {
  /**
   * A contact whose first purchase comes within this many days after their first response was acquired
   * by the campaign (30 by default).
   */
  readonly acquisitionWindowDays?: number;
}

export interface CampaignPerformance {
  readonly campaignId: string;
  readonly name: string;
  /** Contacts the campaign reached: anyone with a response record, a delivery ("sent") included. */
  readonly reached: number;
  /** Contacts who clicked, responded or converted. */
  readonly responses: number;
  /** responses / reached; null when it reached no one. */
  readonly responseRate: number | null;
  /** Contacts who bought through the campaign (a conversion, or a response with revenue or a purchase order). */
  readonly purchases: number;
  /** Revenue attributed to the campaign, per currency (never summed across currencies). */
  readonly revenue: Amounts;
  /** Responders whose first purchase came within the acquisition window after their first response. */
  readonly acquired: number;
  /** Of the acquired customers, those who bought again. */
  readonly retained: number;
  /** retained / acquired: the retention of the customers the campaign acquired; null when it acquired none. */
  readonly retentionRate: number | null;
}

/**
 * The marketing metrics of each campaign over its whole life (computeMarketingMetrics gives them per
 * time window): reach, responses and response rate, purchases and revenue attributed, and how many
 * customers it acquired and kept.
 */
export function computeCampaignPerformance(
  data: CampaignPerformanceData,
  options: CampaignPerformanceOptions = {},
): CampaignPerformance[] {
  const windowMs = (options.acquisitionWindowDays ?? 30) * DAY;
  const order = data.order ?? (() => undefined);
  const byCampaign = new Map<string, CampaignResponse[]>();
  for (const r of data.campaignResponses) {
    const list = byCampaign.get(r.campaignId);
    if (list) list.push(r);
    else byCampaign.set(r.campaignId, [r]);
  }
  return data.campaigns.map((campaign): CampaignPerformance => {
    const reached = new Set<string>();
    const firstResponse = new Map<string, number>();
    const buyers = new Set<string>();
    const revenue: Amounts = {};
    for (const r of byCampaign.get(campaign.id) ?? []) {
      reached.add(r.contactId);
      const outcome = responseOutcome(r, order);
      if (outcome.responded) {
        const at = Date.parse(r.respondedAt);
        firstResponse.set(r.contactId, Math.min(at, firstResponse.get(r.contactId) ?? at));
      }
      if (outcome.bought) buyers.add(r.contactId);
      if (outcome.money) addAmount(revenue, outcome.money.currency, outcome.money.amount);
    }
    let acquired = 0;
    let retained = 0;
    for (const [contactId, at] of firstResponse) {
      const history = data.purchases(contactId);
      if (!history || history.firstPurchaseAt < at || history.firstPurchaseAt > at + windowMs) continue;
      acquired++;
      if (history.purchases >= 2) retained++;
    }
    return {
      campaignId: campaign.id,
      name: campaign.name,
      reached: reached.size,
      responses: firstResponse.size,
      responseRate: reached.size > 0 ? firstResponse.size / reached.size : null,
      purchases: buyers.size,
      revenue,
      acquired,
      retained,
      retentionRate: acquired > 0 ? retained / acquired : null,
    };
  });
}
