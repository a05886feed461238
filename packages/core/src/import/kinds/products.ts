import type { ImportKind } from './kind.ts';

/** Products: Shopify's products export (one row per variant), plain catalogues. */
export const productsKind: ImportKind<'products'> = {
  store: 'products',
  signatures: [{ source: 'shopify', headers: ['Variant SKU', 'Handle'] }],
  fields: {
    sku: {
      type: 'text',
      label: 'SKU',
      aliases: ['Variant SKU', 'SKU', 'Product SKU', 'Item Number', 'product_id', 'Product ID'],
    },
    name: { type: 'text', label: 'Name', aliases: ['Title', 'Product Name', 'Name', 'Product'] },
    category: { type: 'text', label: 'Category', aliases: ['Product Category', 'Category', 'Type', 'Product Type'] },
    price: { type: 'amount', label: 'Price', aliases: ['Variant Price', 'Price', 'Unit Price', 'List Price'] },
    currency: { type: 'currency', label: 'Currency', aliases: ['Currency'] },
    active: { type: 'text', label: 'Active', aliases: ['Status', 'Published', 'Active', 'Available'] },
    vendor: { type: 'text', label: 'Vendor', aliases: ['Vendor', 'Brand', 'Manufacturer'] },
    option1: { type: 'text', label: 'Option 1', aliases: ['Option1 Value'] },
    option1Name: { type: 'text', label: 'Option 1 name', aliases: ['Option1 Name'] },
  },
  build(row) {
    const sku = row.text('sku');
    const name = row.text('name');
    if (!sku || !name) {
      row.problems.push(`a product needs ${!sku ? 'a SKU' : 'a name'}`);
      return undefined;
    }
    const price = row.amount('price');
    const currency = row.currency('currency') ?? price?.currency;
    if (price && !currency)
      row.problems.push('the price names no currency: add a Currency column or set a default currency');
    const activeText = row.text('active')?.toLowerCase();
    const active = activeText === undefined || ['active', 'true', 'yes', '1', 'published'].includes(activeText);
    const attributes: Record<string, string> = {};
    const vendor = row.text('vendor');
    if (vendor) attributes.vendor = vendor;
    const option = row.text('option1');
    if (option) attributes[row.text('option1Name')?.toLowerCase() ?? 'option'] = option;
    const category = row.text('category');
    return {
      key: `sku:${sku}`,
      external: false,
      fields: {
        sku,
        name,
        ...(category && { category }),
        ...(price && currency && { price: { amount: price.amount, currency } }),
        attributes,
        active,
      },
    };
  },
};
