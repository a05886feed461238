/**
 * The small tests of the direct checks (check-contact.ts, storage/parse-order-columns.ts): what a zod
 * schema would accept, proved without zod's walk for the hundred thousands of values an import or a
 * full read validates. Each mirrors one zod rule; the checks' property tests hold them to zod.
 */

/** A plain object (what z.object accepts and walks). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
/** z.string().min(min). */
export const isText = (value: unknown, min = 0): value is string => typeof value === 'string' && value.length >= min;
/** IdSchema: z.string().min(1).max(256). */
export const isId = (value: unknown) => isText(value, 1) && value.length <= 256;
/** An array whose every element passes (holes included: `Array.prototype.every` would skip them, zod does not). */
export function every(value: unknown, test: (item: unknown) => boolean): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!test(value[i])) return false;
  return true;
}
