/** Product recommendations from order history (subpath export `@cordial/core/recommend`). */
export { buildRecommendationTable, type RecommendOptions } from './build-recommendation-table.ts';
export {
  type OrderLine,
  OrderLineSchema,
  type RecommendationTable,
  RecommendationTableSchema,
} from './recommendation-table.ts';
