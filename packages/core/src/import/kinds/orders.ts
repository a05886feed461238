import type { Discount, LineItem, OrderStatus } from '../../model/order.ts';
import type { Amount } from '../parse-values.ts';
import type { DraftFields, ImportKind } from './kind.ts';

/** Payment and order statuses of Shopify, Stripe and plain files folded onto Cordial's five. */
export const STATUSES: Record<string, OrderStatus> = {
  pending: 'pending',
  authorized: 'pending',
  partiallypaid: 'pending',
  unpaid: 'pending',
  open: 'pending',
  paid: 'paid',
  succeeded: 'paid',
  partiallyrefunded: 'paid',
  captured: 'paid',
  fulfilled: 'fulfilled',
  shipped: 'fulfilled',
  delivered: 'fulfilled',
  complete: 'fulfilled',
  completed: 'fulfilled',
  refunded: 'refunded',
  voided: 'cancelled',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  failed: 'cancelled',
};

const round = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * Orders, one row per order or one row per line item (rows with the same order id, one after
 * the other, form one order, as Shopify exports them): Shopify's orders export, Stripe's
 * payments export and plain order files such as `customer_id, order_date, revenue`.
 */
export const ordersKind: ImportKind<'orders'> = {
  store: 'orders',
  signatures: [
    { source: 'shopify', headers: ['Lineitem name', 'Lineitem quantity', 'Financial Status', 'Fulfillment Status'] },
    { source: 'stripe', headers: ['Created (UTC)', 'Amount Refunded', 'Seller Message'] },
  ],
  fields: {
    orderId: {
      type: 'text',
      label: 'Order id',
      aliases: [
        'Order ID',
        'Order Number',
        'order_id',
        'Order No',
        'Order Name',
        'Order',
        'Name',
        'Id',
        'Transaction ID',
      ],
    },
    customerId: {
      type: 'text',
      label: 'Customer id',
      aliases: ['Customer ID', 'customer_id', 'Customer', 'Contact ID', 'Client ID'],
    },
    email: {
      type: 'email',
      label: 'Customer email',
      aliases: ['Email', 'Customer Email', 'Billing Email', 'E-mail', 'email_address'],
    },
    firstName: { type: 'text', label: 'First name', aliases: ['First Name', 'first_name', 'Billing First Name'] },
    lastName: { type: 'text', label: 'Last name', aliases: ['Last Name', 'last_name', 'Billing Last Name'] },
    fullName: {
      type: 'text',
      label: 'Customer name',
      aliases: ['Billing Name', 'Customer Name', 'Customer Description', 'Shipping Name'],
    },
    phone: { type: 'phone', label: 'Phone', aliases: ['Phone', 'Billing Phone', 'Customer Phone'] },
    placedAt: {
      type: 'date',
      label: 'Order date',
      aliases: [
        'Created at',
        'Order Date',
        'order_date',
        'Created (UTC)',
        'Date',
        'Created',
        'Purchase Date',
        'Paid at',
      ],
    },
    status: {
      type: 'text',
      label: 'Status',
      aliases: ['Financial Status', 'Status', 'Order Status', 'Payment Status'],
    },
    fulfillment: { type: 'text', label: 'Fulfilment status', aliases: ['Fulfillment Status', 'Fulfilment Status'] },
    cancelledAt: { type: 'date', label: 'Cancelled at', aliases: ['Cancelled at', 'Canceled at'] },
    currency: { type: 'currency', label: 'Currency', aliases: ['Currency', 'currency_code'] },
    total: {
      type: 'amount',
      label: 'Total',
      aliases: ['Total', 'Amount', 'Order Total', 'revenue', 'Total Price', 'Grand Total', 'Sales', 'Order Amount'],
    },
    refunded: { type: 'amount', label: 'Refunded', aliases: ['Refunded Amount', 'Amount Refunded'] },
    discountCode: { type: 'text', label: 'Discount code', aliases: ['Discount Code', 'Coupon', 'Coupon Code'] },
    discountAmount: { type: 'amount', label: 'Discount amount', aliases: ['Discount Amount', 'Discount'] },
    lineName: {
      type: 'text',
      label: 'Item name',
      aliases: ['Lineitem name', 'Product Name', 'product_name', 'Item Name', 'Product', 'Item'],
    },
    lineQuantity: { type: 'number', label: 'Item quantity', aliases: ['Lineitem quantity', 'Quantity', 'Qty'] },
    linePrice: {
      type: 'amount',
      label: 'Item price',
      aliases: ['Lineitem price', 'Unit Price', 'unit_price', 'Item Price', 'Price'],
    },
    lineSku: { type: 'text', label: 'Item SKU', aliases: ['Lineitem sku', 'SKU', 'Product SKU', 'Variant SKU'] },
    lineProductId: { type: 'text', label: 'Product id', aliases: ['Product ID', 'product_id', 'Lineitem product id'] },
    lineCategory: {
      type: 'text',
      label: 'Item category',
      aliases: ['Product Category', 'Category', 'Product Type', 'Lineitem category'],
    },
    lineDiscount: { type: 'amount', label: 'Item discount', aliases: ['Lineitem discount', 'Item Discount'] },
  },
  build(row, { source }) {
    const currencyColumn = row.currency('currency');
    const total = row.amount('total');
    const orderId = row.text('orderId');
    const lineItem = buildLine(row, currencyColumn);
    const currency = currencyColumn ?? total?.currency ?? lineItem?.unitPrice.currency;
    const placedAt = row.date('placedAt');
    const cancelledAt = row.date('cancelledAt');
    let status = row.oneOf('status', STATUSES);
    if (status === 'paid' && row.text('fulfillment')?.toLowerCase() === 'fulfilled') status = 'fulfilled';
    const refunded = row.amount('refunded');
    if (refunded && total && refunded.amount >= total.amount && total.amount > 0) status = 'refunded';
    if (cancelledAt) status = 'cancelled';
    const discounts: Discount[] = [];
    const discountAmount = row.amount('discountAmount');
    if (discountAmount && discountAmount.amount !== 0) {
      const code = row.text('discountCode');
      discounts.push({
        ...(code && { code }),
        amount: { amount: Math.abs(discountAmount.amount), currency: discountAmount.currency ?? currency ?? '' },
      });
    }
    const externalId = row.text('customerId');
    const email = row.email('email');
    const phone = row.phone('phone');
    const firstName = row.text('firstName');
    const lastName = row.text('lastName');
    const fullName = row.text('fullName');
    const named = externalId ?? email ?? phone ?? firstName ?? lastName ?? fullName;
    // A continuation row of a line-item export carries only its line (and the order id).
    const orderLevel = placedAt !== undefined || total !== undefined;
    if (!orderLevel && !lineItem) {
      row.problems.push('the row has neither an order date and total nor a line item');
      return undefined;
    }
    if (orderLevel && !placedAt) row.problems.push('the order has no date');
    if (orderLevel && !currency)
      row.problems.push('the order names no currency: add a Currency column or set a default currency');
    // Assigned field by field: this runs for every row of a million-order file.
    const fields: DraftFields<'orders'> = {};
    if (orderLevel) {
      if (orderId) fields.number = orderId;
      if (placedAt) fields.placedAt = placedAt;
      fields.status = status ?? 'paid';
      if (currency) {
        fields.currency = currency;
        if (total) fields.total = { amount: total.amount, currency: total.currency ?? currency };
      }
      fields.discounts = discounts;
      fields.lineItems = [];
      fields.source = `import:${source}`;
    }
    return {
      key: orderId ?? '',
      external: orderId !== undefined,
      fields,
      person: named === undefined ? undefined : { externalId, email, phone, firstName, lastName, fullName },
      lineItem,
    };
  },
};

function buildLine(
  row: Parameters<ImportKind<'orders'>['build']>[0],
  currency: string | undefined,
): LineItem | undefined {
  const name = row.text('lineName') ?? row.text('lineSku');
  if (!name) return undefined;
  const price = row.amount('linePrice');
  const quantity = row.number('lineQuantity') ?? 1;
  if (!price) {
    row.problems.push(`the line item "${name}" has no price`);
    return undefined;
  }
  // '' = "the order's currency", filled in when the order's rows are put together.
  const lineCurrency = price.currency ?? currency ?? '';
  const money = (a: Amount) => ({ amount: round(a.amount), currency: a.currency ?? lineCurrency });
  const discount = row.amount('lineDiscount');
  const sku = row.text('lineSku');
  const productId = row.text('lineProductId');
  const category = row.text('lineCategory');
  return {
    name,
    quantity,
    unitPrice: money(price),
    ...(sku && { sku }),
    ...(productId && { productId }),
    ...(category && { category }),
    ...(discount && discount.amount !== 0 && { discount: money({ ...discount, amount: Math.abs(discount.amount) }) }),
  };
}

/** Sum of the lines after their discounts, for orders exported without a total. */
export function linesTotal(lines: readonly LineItem[]): number {
  return round(lines.reduce((sum, l) => sum + l.quantity * l.unitPrice.amount - (l.discount?.amount ?? 0), 0));
}
