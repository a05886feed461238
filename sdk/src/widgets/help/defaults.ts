import type { JsonSchema } from '../../schema-check';

/** The checker the event API hands to widgets (WidgetServices.checkSchema). */
export type Check = (schema: JsonSchema, value: unknown) => string[];

type Schema = JsonSchema & { default?: unknown };

/**
 * Fills in the `default`s that the generated JSON Schema carries (from the zod schema's
 * `.default()`), so checked data has the same shape zod's parse would give.
 */
export function withDefaults<T>(schemaJson: unknown, value: unknown): T {
  const schema = schemaJson as Schema;
  const filled = value === undefined && 'default' in schema ? structuredClone(schema.default) : value;
  if (Array.isArray(filled) && schema.items) return filled.map((item) => withDefaults(schema.items, item)) as T;
  if (filled && typeof filled === 'object' && schema.properties) {
    const out: Record<string, unknown> = { ...(filled as Record<string, unknown>) };
    for (const [key, child] of Object.entries(schema.properties)) {
      const next = withDefaults(child, out[key]);
      if (next !== undefined) out[key] = next;
    }
    return out as T;
  }
  return filled as T;
}

/** Checks, then fills defaults; the problems are prefixed with what was being read. */
export function parseWith<T>(
  check: Check,
  schema: unknown,
  input: unknown,
  what: string,
): { ok: true; value: T } | { ok: false; error: string } {
  const problems = check(schema as JsonSchema, input);
  if (problems.length) return { ok: false, error: `Cordial help: invalid ${what}.\n  ${problems.join('\n  ')}` };
  return { ok: true, value: withDefaults<T>(schema, input) };
}
