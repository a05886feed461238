/**
 * New orders as columns, for bulk loads that skip building an object per order: the import's fast
 * path turns CSV cells straight into these. Row i is order `ids[i]` of contact `contactIds[i]`,
 * placed at `placedAt[i]` (epoch ms; stored and read back as the canonical ISO instant), with status
 * `ORDER_STATUSES[status[i]]`, paying `total[i]` in `currencies[i]`. Every row is a new order of version
 * 1 without line items or discounts, created and updated at `createdAt`, from `source`, known in `system`
 * as `externalIds[i]` when that is set.
 * Written with the `appendOrders` op of `Repository.write`: every row is new or nothing is written.
 */
export interface NewOrderColumns {
  createdAt: string;
  source?: string;
  system?: string;
  ids: string[];
  contactIds: string[];
  numbers: (string | undefined)[];
  externalIds: (string | undefined)[];
  placedAt: Float64Array;
  status: Uint8Array;
  currencies: string[];
  total: Float64Array;
}
