/**
 * Checks plain data against the JSON Schema that `sdk/scripts/gen-schemas.ts` generates
 * from our zod schemas (zod stays the single source of truth; `schemas.test.ts` proves
 * the two agree). We ship this ~1 KB checker instead of zod/mini because zod/mini's
 * runtime alone is 7.2 KB gzip (measured), which the SDK's 8 KB and 12 KB budgets cannot
 * carry. It covers exactly the keywords zod's toJSONSchema emits for our schemas (the generator refuses any other).
 */
export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

const show = (value: unknown) =>
  typeof value === 'string'
    ? `"${value}"`
    : Array.isArray(value)
      ? 'a list'
      : value === null
        ? 'null'
        : typeof value === 'object'
          ? 'an object'
          : String(value);

const kind = (value: unknown) =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : // zod's int() means a safe integer; its JSON Schema bounds are left out of the shipped files.
        Number.isSafeInteger(value)
        ? 'integer'
        : typeof value;

/** Array.prototype.includes without it (a host page may have replaced it). */
const oneOf = (list: unknown[], value: unknown) => {
  for (const item of list) if (item === value) return true;
  return false;
};

/** Every problem as "path: what is wrong"; an empty list means valid. */
export function checkSchema(schema: JsonSchema, value: unknown, path = ''): string[] {
  const at = path || '(root)';
  if (schema.anyOf) {
    let best: string[] | null = null;
    for (const option of schema.anyOf) {
      const problems = checkSchema(option, value, path);
      if (problems.length === 0) return [];
      if (!best || problems.length < best.length) best = problems;
    }
    return best ?? [];
  }
  if ('const' in schema && value !== schema.const) return [`${at}: must be ${show(schema.const)}, got ${show(value)}`];
  if (schema.enum && !oneOf(schema.enum, value))
    return [`${at}: must be one of ${schema.enum.map(show).join(', ')}, got ${show(value)}`];
  const type = schema.type;
  const actual = kind(value);
  if (type && type !== actual && !(type === 'number' && actual === 'integer'))
    return [
      `${at}: must be ${type === 'integer' ? 'a whole number' : `a${/^[aeiou]/.test(type) ? 'n' : ''} ${type}`}, got ${show(value)}`,
    ];
  const problems: string[] = [];
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength)
      problems.push(
        `${at}: must not be ${schema.minLength === 1 ? 'empty' : `shorter than ${schema.minLength} characters`}`,
      );
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      problems.push(`${at}: must be at most ${schema.maxLength} characters long`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value))
      problems.push(`${at}: ${show(value)} is not in the expected format`);
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) problems.push(`${at}: must be a finite number`);
    if (schema.minimum !== undefined && value < schema.minimum)
      problems.push(`${at}: must be at least ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum)
      problems.push(`${at}: must be at most ${schema.maximum}`);
  } else if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      problems.push(`${at}: needs at least ${schema.minItems} item(s)`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      problems.push(`${at}: takes at most ${schema.maxItems} item(s)`);
    for (let i = 0; i < value.length; i++) {
      const item = schema.prefixItems ? schema.prefixItems[i] : schema.items;
      if (item) problems.push(...checkSchema(item, value[i], `${path}[${i}]`));
    }
  } else if (actual === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? [])
      if (record[key] === undefined) problems.push(`${path ? `${path}.` : ''}${key}: is required`);
    for (const key of Object.keys(record)) {
      const child = `${path ? `${path}.` : ''}${key}`;
      const known = schema.properties?.[key];
      if (known) {
        if (record[key] !== undefined) problems.push(...checkSchema(known, record[key], child));
      } else if (schema.additionalProperties === false) problems.push(`${child}: is not a known field`);
      else if (typeof schema.additionalProperties === 'object') {
        if (schema.propertyNames) problems.push(...checkSchema(schema.propertyNames, key, child));
        problems.push(...checkSchema(schema.additionalProperties, record[key], child));
      }
    }
  }
  return problems;
}
