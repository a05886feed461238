// Build- and test-time only (imports zod): which zod schema becomes which shipped JSON Schema.
import { RecommendationTableSchema } from '@cordial/core/recommend';
import * as z from 'zod';
import { ClientConfigSchema } from '../config.schema';
import { CaseStatusSchema, HelpConfigSchema } from '../widgets/help/config.schema';
import { HelpContentSchema } from '../widgets/help/content.schema';
import { OfferConfigSchema } from '../widgets/offer/config.schema';

export const SCHEMAS: Record<string, z.ZodType> = {
  'client-config': ClientConfigSchema,
  'offer-config': OfferConfigSchema,
  'recommendation-table': RecommendationTableSchema,
  'help-content': HelpContentSchema,
  'help-config': HelpConfigSchema,
  'help-case-status': CaseStatusSchema,
};

/** The JSON Schema of the input shape, without the `$schema` key the checker does not need. */
export function toShippedSchema(schema: z.ZodType): unknown {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw' }) as Record<
    string,
    unknown
  >;
  return rest;
}
