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

const SAFE = Number.MAX_SAFE_INTEGER;

/** The keywords schema-check.ts understands (plus `default`, which the help widget fills in). */
const KNOWN = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'enum',
  'const',
  'anyOf',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'pattern',
  'default',
]);

/**
 * The JSON Schema of the input shape, minus what the checker does not need (it ships in
 * size-budgeted bundles): `$schema`, the safe-integer bounds zod puts on every int,
 * `type` next to `enum`/`const` (the checker tests those first) and `format` (its `pattern` is what is checked).
 * Any other keyword is an error: the checker would silently ignore it and accept what zod refuses.
 */
export function toShippedSchema(schema: z.ZodType): unknown {
  return strip(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw' }));
}

function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (!node || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (
      key === '$schema' ||
      key === 'format' ||
      (key === 'maximum' && value === SAFE) ||
      (key === 'minimum' && value === -SAFE)
    )
      continue;
    if (!KNOWN.has(key)) throw new Error(`schema-check.ts does not know the JSON Schema keyword "${key}"`);
    if (key === 'type' && ('enum' in record || 'const' in record)) continue;
    if (key === 'enum' || key === 'const' || key === 'default') out[key] = value;
    else if (key === 'properties')
      out[key] = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, strip(v)]));
    else out[key] = strip(value);
  }
  return out;
}
