import type { OrderLine, RecommendationTable } from './recommendation-table.ts';

export interface RecommendOptions {
  /** Pairs seen in fewer orders than this are noise (default 2). */
  minSupport?: number;
  /** Recommendations kept per product (default 10). */
  limit?: number;
  /** Up-sell candidates cost at least this much more (default 1.15 = 15 % more). */
  minPriceRatio?: number;
  /** The instant the table is stamped with. */
  now: Date;
}

const DAY = 86_400_000;

/**
 * Builds the co-occurrence table from order lines: frequently bought together (same
 * order, confidence), related (same buyers across orders, Jaccard), up-sell (same
 * category, higher price, by popularity) and trending (recent order counts). Pure.
 */
export function buildRecommendationTable(lines: readonly OrderLine[], options: RecommendOptions): RecommendationTable {
  const minSupport = options.minSupport ?? 2;
  const limit = options.limit ?? 10;
  const minRatio = options.minPriceRatio ?? 1.15;

  const orders = new Map<string, { items: Set<string>; time: number }>();
  const buyers = new Map<string, Set<string>>();
  const info = new Map<string, { name?: string; category?: string; prices: number[] }>();
  for (const line of lines) {
    const time = line.date ? Date.parse(line.date) : Number.NaN;
    const order = orders.get(line.orderId) ?? { items: new Set<string>(), time };
    order.items.add(line.productId);
    orders.set(line.orderId, order);
    if (line.customerId) {
      const set = buyers.get(line.productId) ?? new Set<string>();
      set.add(line.customerId);
      buyers.set(line.productId, set);
    }
    const product = info.get(line.productId) ?? { prices: [] };
    if (line.name) product.name = line.name;
    if (line.category) product.category = line.category;
    if (line.price !== undefined && Number.isFinite(line.price)) product.prices.push(line.price);
    info.set(line.productId, product);
  }

  const orderCount = new Map<string, number>();
  const pairs = new Map<string, Map<string, number>>();
  for (const { items } of orders.values()) {
    for (const a of items) {
      orderCount.set(a, (orderCount.get(a) ?? 0) + 1);
      for (const b of items) {
        if (a === b) continue;
        const row = pairs.get(a) ?? new Map<string, number>();
        row.set(b, (row.get(b) ?? 0) + 1);
        pairs.set(a, row);
      }
    }
  }

  const top = (scored: { id: string; score: number; tie: number }[]) =>
    scored
      .sort((x, y) => y.score - x.score || y.tie - x.tie || x.id.localeCompare(y.id))
      .slice(0, limit)
      .map(({ id, score }) => ({ id, score: round(score) }));

  const products: RecommendationTable['products'] = {};
  const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const [id, product] of info) {
    const price = median(product.prices);
    products[id] = {
      ...(product.name !== undefined && { name: product.name }),
      ...(product.category !== undefined && { category: product.category }),
      ...(price !== undefined && { price }),
      orders: orderCount.get(id) ?? 0,
    };
  }

  const together: RecommendationTable['together'] = {};
  for (const [a, row] of pairs) {
    const count = orderCount.get(a) ?? 1;
    const list = top([...row].filter(([, n]) => n >= minSupport).map(([id, n]) => ({ id, score: n / count, tie: n })));
    if (list.length) together[a] = list;
  }

  const related: RecommendationTable['related'] = {};
  for (const [a, buyersA] of buyers) {
    const scored: { id: string; score: number; tie: number }[] = [];
    for (const [b, buyersB] of buyers) {
      if (a === b) continue;
      let shared = 0;
      for (const customer of buyersA) if (buyersB.has(customer)) shared++;
      if (shared < minSupport) continue;
      scored.push({ id: b, score: shared / (buyersA.size + buyersB.size - shared), tie: shared });
    }
    const list = top(scored);
    if (list.length) related[a] = list;
  }

  const upsell: RecommendationTable['upsell'] = {};
  for (const [a, pa] of Object.entries(products)) {
    if (pa.category === undefined || pa.price === undefined || pa.price <= 0) continue;
    const base = pa.price;
    // Most popular first (the up-sell a visitor is most likely to accept); the score is the price ratio.
    const list = Object.entries(products)
      .filter(([b, pb]) => b !== a && pb.category === pa.category && (pb.price ?? 0) >= base * minRatio)
      .sort(([x, px], [y, py]) => py.orders - px.orders || x.localeCompare(y))
      .slice(0, limit)
      .map(([id, pb]) => ({ id, score: round((pb.price ?? 0) / base) }));
    if (list.length) upsell[a] = list;
  }

  const times = [...orders.values()].map((o) => o.time).filter(Number.isFinite);
  const latest = times.length ? Math.max(...times) : Number.NaN;
  const recent = new Map<string, number>();
  for (const { items, time } of orders.values()) {
    if (Number.isFinite(latest) && time < latest - 30 * DAY) continue;
    for (const id of items) recent.set(id, (recent.get(id) ?? 0) + 1);
  }
  const trending = [...recent]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .slice(0, limit)
    .map(([id]) => id);

  return {
    version: 1,
    generatedAt: options.now.toISOString(),
    orders: orders.size,
    products,
    together,
    related,
    upsell,
    trending,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
