import type { RecommendationTable } from '@cordial/core/recommend';
import { html, nothing, type TemplateResult } from 'lit';
import type { WidgetServices } from '../../loader';
import type { ProfileSummary } from '../../profile';
import type { JsonSchema } from '../../schema-check';
import tableSchema from '../../schemas/recommendation-table.json';
import type { Offer } from './config';

/**
 * Product lists inside offers. This module is imported on demand, only when the
 * configuration has an offer with `products`, so that offers without them load less.
 */
export interface Recommender {
  /** The offer's product list (`part="products"`), or nothing when there is none to show. */
  render(
    spec: NonNullable<Offer['content']['products']>,
    summary: ProfileSummary | null,
    productUrl: (id: string) => string | null,
    onClick: () => void,
  ): TemplateResult | typeof nothing;
}

/** Checks the table `cordial recommend` wrote; without a valid one, lists fall back to the owner's ids. */
export function createRecommender(
  input: unknown,
  check: WidgetServices['checkSchema'],
  fail: (error: Error) => void,
): Recommender {
  let table: RecommendationTable | null = null;
  if (input) {
    const problems = check(tableSchema as unknown as JsonSchema, input);
    if (problems.length === 0) table = input as RecommendationTable;
    else fail(new Error(`Cordial: the recommendation table is invalid.\n  ${problems.slice(0, 10).join('\n  ')}`));
  }
  return {
    render(spec, summary, productUrl, onClick) {
      const products = pickProducts(spec, table, summary).products;
      return products.length
        ? html`<ul part="products">${products.map((p) => {
            const url = productUrl(p.id);
            const label = `${p.name}${p.price === undefined ? '' : ` — ${p.price.toFixed(2).replace(/\.00$/, '')}`}`;
            return html`<li>${url ? html`<a href=${url} @click=${onClick}>${label}</a>` : label}</li>`;
          })}</ul>`
        : nothing;
    },
  };
}

export interface ShownProduct {
  id: string;
  name: string;
  price?: number;
}

/**
 * The products an offer shows: from the co-occurrence table (anchored on the cart, past
 * orders and recently viewed products), the visitor's recently viewed list, or trending.
 * A visitor without history, or a table without an answer, falls back to trending and then
 * to the owner's `ids`, so a slot is never empty because the visitor is new.
 */
export function pickProducts(
  spec: NonNullable<Offer['content']['products']>,
  table: RecommendationTable | null,
  summary: ProfileSummary | null,
): { products: ShownProduct[]; source: string } {
  const limit = spec.limit ?? 3;
  const owned = new Set([...(summary?.purchased ?? []), ...(summary?.cart ?? [])]);
  const viewed = summary?.viewed ?? [];
  const anchors = [...(summary?.cart ?? []), ...viewed.map((v) => v.id), ...(summary?.purchased ?? [])];
  const fromTable = (key: 'together' | 'related' | 'upsell') => {
    const score = new Map<string, number>();
    for (const anchor of anchors)
      for (const { id, score: s } of table?.[key][anchor] ?? [])
        if (!owned.has(id)) score.set(id, Math.max(score.get(id) ?? 0, s));
    return [...score].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  };
  const sources: [string, () => string[]][] = [];
  if (spec.source === 'recently-viewed') sources.push(['recently-viewed', () => viewed.map((v) => v.id)]);
  else if (spec.source !== 'ids' && spec.source !== 'trending')
    sources.push([spec.source, () => fromTable(spec.source as 'together')]);
  if (spec.source !== 'ids') sources.push(['trending', () => (table?.trending ?? []).filter((id) => !owned.has(id))]);
  sources.push(['ids', () => spec.ids ?? []]);
  for (const [source, list] of sources) {
    const products = list()
      .slice(0, limit)
      .map((id) => describe(id, table, viewed));
    if (products.length) return { products, source };
  }
  return { products: [], source: 'none' };
}

function describe(id: string, table: RecommendationTable | null, viewed: ProfileSummary['viewed']): ShownProduct {
  const known = table?.products[id];
  const seen = viewed.find((v) => v.id === id);
  const price = known?.price ?? seen?.price;
  return { id, name: known?.name ?? seen?.name ?? id, ...(price !== undefined && { price }) };
}
