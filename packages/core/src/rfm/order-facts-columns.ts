import { ORDER_STATUSES, type OrderFacts } from '../ports/order-facts.ts';
import type { OrderColumns } from './score-rfm.ts';

export interface OrderFactsColumns extends OrderColumns {
  /** Contact id of each dense customer index. */
  readonly contactIds: string[];
  /** Rows left out: not a purchase (pending, cancelled, refunded) or in another currency. */
  readonly skipped: number;
}

const PURCHASE = new Set(['paid', 'fulfilled'].map((s) => ORDER_STATUSES.indexOf(s as never)));

/**
 * Order facts from the repository (epoch ms, every status, several currencies) as the
 * columns RFM scores: purchases only, in one currency, dated by UTC day.
 */
export function orderFactsToColumns(facts: OrderFacts, currency: string): OrderFactsColumns {
  const wanted = facts.currencies.indexOf(currency);
  const n = facts.contact.length;
  let kept = 0;
  for (let i = 0; i < n; i++) if (facts.currency[i] === wanted && PURCHASE.has(facts.status[i] as number)) kept++;
  const customer = new Uint32Array(kept);
  const day = new Int32Array(kept);
  const amount = new Float64Array(kept);
  let j = 0;
  for (let i = 0; i < n; i++) {
    if (facts.currency[i] !== wanted || !PURCHASE.has(facts.status[i] as number)) continue;
    customer[j] = facts.contact[i] as number;
    day[j] = Math.floor((facts.placedAt[i] as number) / 86_400_000);
    amount[j] = facts.total[i] as number;
    j++;
  }
  return { customers: facts.contactIds.length, contactIds: facts.contactIds, customer, day, amount, skipped: n - kept };
}
