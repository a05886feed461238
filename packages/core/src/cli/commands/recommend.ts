import Papa from 'papaparse';
import { buildRecommendationTable } from '../../recommend/build-recommendation-table.ts';
import { type OrderLine, OrderLineSchema } from '../../recommend/recommendation-table.ts';
import { defineCommand, UsageError } from '../command.ts';
import { numberOption } from '../read-input.ts';

/** Header names for each field, compared lower-case without punctuation. */
const COLUMNS: Record<keyof OrderLine, string[]> = {
  orderId: ['orderid', 'order', 'invoiceno', 'invoice', 'transactionid'],
  customerId: ['customerid', 'customer', 'userid', 'clientid'],
  productId: ['productid', 'product', 'sku', 'stockcode', 'itemid'],
  name: ['productname', 'name', 'description', 'title'],
  category: ['category', 'productcategory'],
  price: ['price', 'unitprice'],
  date: ['date', 'orderdate', 'invoicedate', 'timestamp', 'createdat'],
};
const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

export default defineCommand({
  name: 'recommend',
  summary: 'Product recommendations (bought together, related, up-sell, trending) from order lines',
  usage: `cordial recommend ORDERS.csv [--min-support 2] [--limit 10] > recommendations.json

  ORDERS.csv has one row per product line with a header: order_id, product_id (or sku) and,
  when available, customer_id, name, category, price, date. Writes the recommendation table
  (JSON, RecommendationTableSchema) that the SDK's offers read through data-recommendations.`,
  options: { 'min-support': { type: 'string' }, limit: { type: 'string' } },
  async run({ positionals, values }, io) {
    const path = positionals[0];
    if (!path) throw new UsageError('cordial recommend needs an orders file (or - for standard input).');
    const minSupport = numberOption('min-support', values['min-support'], 2);
    const limit = numberOption('limit', values.limit, 10);
    if (!Number.isInteger(minSupport) || minSupport < 1) throw new UsageError('--min-support is a whole number ≥ 1.');
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit is a whole number ≥ 1.');
    let text: string;
    try {
      text = await io.readText(path);
    } catch (error) {
      io.stderr(`cordial recommend: cannot read ${path}: ${(error as Error).message}\n`);
      return 1;
    }
    const parsed = Papa.parse<Record<string, string>>(text.trim(), { header: true, skipEmptyLines: true });
    const header = parsed.meta.fields ?? [];
    const column = (field: keyof OrderLine) => header.find((h) => COLUMNS[field].includes(normalise(h)));
    const orderCol = column('orderId');
    const productCol = column('productId');
    if (!orderCol || !productCol) {
      io.stderr(
        `cordial recommend: ${path} needs an order_id and a product_id (or sku) column; found ${header.join(', ')}.\n`,
      );
      return 1;
    }
    const lines: OrderLine[] = [];
    let skipped = 0;
    parsed.data.forEach((row, i) => {
      const pick = (field: keyof OrderLine) => {
        const col = column(field);
        const value = col ? row[col]?.trim() : undefined;
        return value ? value : undefined;
      };
      const price = pick('price');
      const candidate = {
        orderId: pick('orderId'),
        productId: pick('productId'),
        customerId: pick('customerId'),
        name: pick('name'),
        category: pick('category'),
        price: price === undefined ? undefined : Number(price),
        date: pick('date'),
      };
      const line = OrderLineSchema.safeParse(
        Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined)),
      );
      if (line.success) lines.push(line.data);
      else if (++skipped <= 20)
        io.stderr(
          `${path}:${i + 2}: skipped: ${line.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}\n`,
        );
    });
    if (skipped > 20) io.stderr(`${path}: … ${skipped - 20} more bad rows skipped\n`);
    if (lines.length === 0) {
      io.stderr(`cordial recommend: ${path} has no usable order line.\n`);
      return 1;
    }
    const table = buildRecommendationTable(lines, { minSupport, limit, now: new Date() });
    io.stdout(`${JSON.stringify(table, null, 2)}\n`);
    io.stderr(`cordial recommend: ${table.orders} orders, ${Object.keys(table.products).length} products\n`);
    return 0;
  },
});
