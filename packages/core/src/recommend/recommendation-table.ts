import * as z from 'zod';

const ScoredSchema = z.object({ id: z.string(), score: z.number() });

/**
 * Product recommendations derived from order history (`cordial recommend ORDERS.csv`).
 * The SDK's offer widget checks fetched tables against the JSON Schema generated from this.
 */
export const RecommendationTableSchema = z.object({
  version: z.literal(1),
  generatedAt: z.string(),
  /** Orders the table was built from. */
  orders: z.int().min(0),
  products: z.record(
    z.string(),
    z.object({
      name: z.optional(z.string()),
      category: z.optional(z.string()),
      price: z.optional(z.number()),
      orders: z.number(),
    }),
  ),
  /** Bought in the same order: confidence P(b | a), strongest first. */
  together: z.record(z.string(), z.array(ScoredSchema)),
  /** Bought by the same customers across orders (Jaccard similarity of buyers), strongest first. */
  related: z.record(z.string(), z.array(ScoredSchema)),
  /** Higher-priced products of the same category, most popular first (score = price ratio). */
  upsell: z.record(z.string(), z.array(ScoredSchema)),
  /** Most ordered in the last 30 days of the data, falling back to all time. */
  trending: z.array(z.string()),
});
export type RecommendationTable = z.infer<typeof RecommendationTableSchema>;

/** One product line of one order, as `buildRecommendationTable` reads it. */
export const OrderLineSchema = z.object({
  orderId: z.string().min(1),
  customerId: z.optional(z.string()),
  productId: z.string().min(1),
  name: z.optional(z.string()),
  category: z.optional(z.string()),
  price: z.optional(z.number()),
  /** ISO date or instant */
  date: z.optional(z.string()),
});
export type OrderLine = z.infer<typeof OrderLineSchema>;
