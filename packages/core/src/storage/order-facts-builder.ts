import type { Order } from '../model/order.ts';
import { ORDER_STATUSES, type OrderFacts } from '../ports/order-facts.ts';

/** Builds OrderFacts row by row, interning contact ids and currencies. */
export function createOrderFactsBuilder(capacity: number) {
  const facts: OrderFacts = {
    orderIds: [],
    contactIds: [],
    contact: new Uint32Array(capacity),
    placedAt: new Float64Array(capacity),
    total: new Float64Array(capacity),
    currencies: [],
    currency: new Uint16Array(capacity),
    status: new Uint8Array(capacity),
    lineCount: new Uint32Array(capacity),
  };
  const contacts = new Map<string, number>();
  const currencies = new Map<string, number>();
  const intern = (map: Map<string, number>, list: string[], value: string) => {
    let index = map.get(value);
    if (index === undefined) {
      index = list.length;
      map.set(value, index);
      list.push(value);
    }
    return index;
  };
  let row = 0;
  return {
    add(
      orderId: string,
      contactId: string,
      placedAt: number,
      total: number,
      currency: string,
      /** Index into ORDER_STATUSES. */
      status: number,
      lineCount: number,
    ) {
      facts.orderIds.push(orderId);
      facts.contact[row] = intern(contacts, facts.contactIds, contactId);
      facts.placedAt[row] = placedAt;
      facts.total[row] = total;
      facts.currency[row] = intern(currencies, facts.currencies, currency);
      facts.status[row] = status;
      facts.lineCount[row] = lineCount;
      row++;
    },
    addOrder(order: Order) {
      this.add(
        order.id,
        order.contactId,
        Date.parse(order.placedAt),
        order.total.amount,
        order.currency,
        ORDER_STATUSES.indexOf(order.status),
        order.lineItems.length,
      );
    },
    /** The facts, trimmed to the rows added. */
    finish(): OrderFacts {
      return {
        ...facts,
        contact: facts.contact.subarray(0, row),
        placedAt: facts.placedAt.subarray(0, row),
        total: facts.total.subarray(0, row),
        currency: facts.currency.subarray(0, row),
        status: facts.status.subarray(0, row),
        lineCount: facts.lineCount.subarray(0, row),
      };
    },
  };
}
