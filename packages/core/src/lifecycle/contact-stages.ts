import { isPurchase } from '../metrics/metrics-window.ts';
import type { Contact } from '../model/contact.ts';
import type { Order } from '../model/order.ts';
import { type BgNbdParams, bgNbdProbabilityAlive } from '../models/bg-nbd.ts';
import { assessChurnRisk, type ChurnRisk } from './churn-risk.ts';
import { type CustomerStage, classifyCustomerStage } from './lifecycle-stage.ts';

export interface ContactStage {
  readonly contactId: string;
  readonly stage: CustomerStage;
  /** Undefined for prospects (nothing to lose yet). */
  readonly churnRisk: ChurnRisk | undefined;
  readonly purchases: number;
  readonly spend: number;
}

export interface ContactStageOptions {
  /** The moment the stages describe (ISO instant). */
  readonly asOf: string;
  /** Only orders in this currency count towards spend (amounts in different currencies do not add up). */
  readonly currency: string;
  /** Fitted BG/NBD parameters (weeks), when a fit succeeded: they add P(alive) to both judgements. */
  readonly bgNbd?: BgNbdParams;
  /** Share of repeat customers counted as high-value, by spend (default the top 20 %). */
  readonly highValueShare?: number;
}

const DAY = 86_400_000;

/**
 * The life-cycle stage and churn risk of every contact from the model records: purchases
 * (paid or fulfilled orders up to `asOf`, same day merged as one purchase), their rhythm, and
 * P(alive) when a BG/NBD fit is given. Repeat customers are split into high and low value at
 * the spend of the top `highValueShare` of them.
 */
export function classifyContacts(
  contacts: readonly Contact[],
  orders: readonly Order[],
  options: ContactStageOptions,
): ContactStage[] {
  const asOf = Date.parse(options.asOf);
  const purchaseDays = new Map<string, Set<number>>();
  const spend = new Map<string, number>();
  for (const order of orders) {
    const at = Date.parse(order.placedAt);
    if (!isPurchase(order) || at > asOf) continue;
    const days = purchaseDays.get(order.contactId) ?? new Set<number>();
    days.add(Math.floor(at / DAY));
    purchaseDays.set(order.contactId, days);
    if (order.total.currency === options.currency) {
      spend.set(order.contactId, (spend.get(order.contactId) ?? 0) + order.total.amount);
    }
  }
  const today = Math.floor(asOf / DAY);
  const repeatSpend = contacts
    .filter((c) => (purchaseDays.get(c.id)?.size ?? 0) > 1)
    .map((c) => spend.get(c.id) ?? 0)
    .sort((a, b) => b - a);
  const share = options.highValueShare ?? 0.2;
  const highValueFrom =
    repeatSpend.length === 0 ? undefined : repeatSpend[Math.max(0, Math.ceil(repeatSpend.length * share) - 1)];
  // The typical gap between purchases across repeat customers: the yardstick for one-time buyers.
  const gaps = contacts.flatMap((c) => {
    const days = [...(purchaseDays.get(c.id) ?? [])];
    return days.length > 1 ? [(Math.max(...days) - Math.min(...days)) / (days.length - 1)] : [];
  });
  const typicalGapDays = gaps.length === 0 ? undefined : gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 2)];

  return contacts.map((contact): ContactStage => {
    const days = [...(purchaseDays.get(contact.id) ?? [])];
    const total = spend.get(contact.id) ?? 0;
    if (days.length === 0) {
      return { contactId: contact.id, stage: 'prospect', churnRisk: undefined, purchases: 0, spend: total };
    }
    const first = Math.min(...days);
    const last = Math.max(...days);
    const history = { x: days.length - 1, tx: (last - first) / 7, T: (today - first) / 7 };
    const pAlive = options.bgNbd ? bgNbdProbabilityAlive(options.bgNbd, history) : undefined;
    const stage = classifyCustomerStage(
      { orders: days.length, daysSinceLastOrder: today - last, pAlive, value: total },
      { highValueFrom },
    );
    const churnRisk = assessChurnRisk(
      { x: history.x, daysFirstToLast: last - first, daysSinceFirst: today - first, pAlive },
      typicalGapDays && typicalGapDays > 0 ? { typicalGapDays } : {},
    );
    return { contactId: contact.id, stage, churnRisk, purchases: days.length, spend: total };
  });
}
