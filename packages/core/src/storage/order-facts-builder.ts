import type { Order } from '../model/order.ts';
import { ORDER_STATUSES, type OrderFacts } from '../ports/order-facts.ts';
import { createInterner } from './interner.ts';
import type { OrderBlock } from './order-block.ts';

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
  const contactIndex = createInterner(facts.contactIds);
  const currencyIndex = createInterner(facts.currencies);
  let row = 0;
  return {
    addOrder(order: Order) {
      facts.orderIds.push(order.id);
      facts.contact[row] = contactIndex(order.contactId);
      facts.placedAt[row] = Date.parse(order.placedAt);
      facts.total[row] = order.total.amount;
      facts.currency[row] = currencyIndex(order.currency);
      facts.status[row] = ORDER_STATUSES.indexOf(order.status);
      facts.lineCount[row] = order.lineItems.length;
      row++;
    },
    /** Every row of a block; dictionary indices are mapped once per distinct string, not per row. */
    addBlock(block: OrderBlock) {
      const contactOf = new Int32Array(block.strings.length).fill(-1);
      const currencyOf = new Int32Array(block.strings.length).fill(-1);
      for (let r = 0; r < block.ids.length; r++) {
        const c = block.contact[r] as number;
        const k = block.currency[r] as number;
        if ((contactOf[c] as number) < 0) contactOf[c] = contactIndex(block.strings[c] as string);
        if ((currencyOf[k] as number) < 0) currencyOf[k] = currencyIndex(block.strings[k] as string);
        facts.orderIds.push(block.ids[r] as string);
        facts.contact[row] = contactOf[c] as number;
        facts.placedAt[row] = block.placedAt[r] as number;
        facts.total[row] = block.total[r] as number;
        facts.currency[row] = currencyOf[k] as number;
        facts.status[row] = block.status[r] as number;
        facts.lineCount[row] = (block.lineStart[r + 1] as number) - (block.lineStart[r] as number);
        row++;
      }
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
