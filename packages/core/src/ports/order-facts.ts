import type { OrderStatus } from '../model/order.ts';

/**
 * Orders as columns, for analytics over a million orders without building a million objects.
 * Row i is order `orderIds[i]` by contact `contactIds[contact[i]]`, placed at `placedAt[i]` (epoch ms),
 * totalling `total[i]` (decimal major units) of currency `currencies[currency[i]]`,
 * with status `ORDER_STATUSES[status[i]]` and `lineCount[i]` line items. Rows are in no particular order.
 */
export interface OrderFacts {
  orderIds: string[];
  contactIds: string[];
  contact: Uint32Array;
  placedAt: Float64Array;
  total: Float64Array;
  currencies: string[];
  currency: Uint16Array;
  status: Uint8Array;
  lineCount: Uint32Array;
}

export const ORDER_STATUSES: readonly OrderStatus[] = ['pending', 'paid', 'fulfilled', 'cancelled', 'refunded'];
