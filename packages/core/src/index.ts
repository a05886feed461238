export const VERSION = '0.1.0';

// Recommendations (sdk-events): co-occurrence tables from order history.
export {
  buildRecommendationTable,
  type OrderLine,
  OrderLineSchema,
  type RecommendationTable,
  RecommendationTableSchema,
  type RecommendOptions,
} from './recommend/index.ts';
