import * as z from 'zod';
import {
  CurrencySchema,
  ExternalIdsSchema,
  IdSchema,
  InstantSchema,
  MoneySchema,
  recordMeta,
  SourceSchema,
} from './common.ts';

export const OrderStatusSchema = z.enum(['pending', 'paid', 'fulfilled', 'cancelled', 'refunded']);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

export const LineItemSchema = z.object({
  productId: IdSchema.optional(),
  sku: z.string().min(1).optional(),
  name: z.string().min(1),
  category: z.string().min(1).optional(),
  quantity: z.number().positive().finite(),
  unitPrice: MoneySchema,
  /** Discount on this line as a whole (not per unit). */
  discount: MoneySchema.optional(),
});
export type LineItem = z.infer<typeof LineItemSchema>;

export const DiscountSchema = z.object({
  code: z.string().min(1).optional(),
  description: z.string().optional(),
  amount: MoneySchema,
});
export type Discount = z.infer<typeof DiscountSchema>;

/**
 * A purchase by a contact. `total` is what the customer paid (after discounts, with tax and shipping),
 * as the shop reported it; every amount in the order is in the order's currency.
 */
export const OrderSchema = z
  .object({
    ...recordMeta,
    contactId: IdSchema,
    accountId: IdSchema.optional(),
    /** The number the customer sees (`#1042`). */
    number: z.string().min(1).optional(),
    placedAt: InstantSchema,
    status: OrderStatusSchema,
    currency: CurrencySchema,
    lineItems: z.array(LineItemSchema),
    discounts: z.array(DiscountSchema),
    total: MoneySchema,
    source: SourceSchema.optional(),
    externalIds: ExternalIdsSchema,
  })
  .superRefine((order, ctx) => {
    const amounts: [string, string][] = [['total', order.total.currency]];
    order.lineItems.forEach((line, i) => {
      amounts.push([`lineItems.${i}.unitPrice`, line.unitPrice.currency]);
      if (line.discount) amounts.push([`lineItems.${i}.discount`, line.discount.currency]);
    });
    order.discounts.forEach((d, i) => {
      amounts.push([`discounts.${i}.amount`, d.amount.currency]);
    });
    for (const [path, currency] of amounts)
      if (currency !== order.currency)
        ctx.addIssue({
          code: 'custom',
          path: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
          message: `currency ${currency} differs from the order currency ${order.currency}`,
        });
  });
export type Order = z.infer<typeof OrderSchema>;
