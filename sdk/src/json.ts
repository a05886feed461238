/**
 * A JSON serialiser of our own for what we send and store. Host pages replace `JSON.stringify`
 * or add `Array.prototype.toJSON` (Prototype.js did), which corrupts batches; this one
 * depends on neither, nor on any Array.prototype method. For plain data (what `toPlain` returns, and our own
 * records): the same output as JSON.stringify; undefined properties are skipped, non-finite numbers are null.
 */
const ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be escaped.
const UNSAFE = /["\\\u0000-\u001f\u2028\u2029]/g;

export function toJson(value: unknown): string {
  if (typeof value === 'string')
    return `"${value.replace(UNSAFE, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
  let out = '';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) out += `${i ? ',' : ''}${toJson(value[i] ?? null)}`;
    return `[${out}]`;
  }
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out += `${out ? ',' : ''}${toJson(key)}:${toJson(item)}`;
    }
    return `{${out}}`;
  }
  // null, booleans and numbers (NaN and ±Infinity are null, as in JSON.stringify)
  return typeof value === 'number' && !Number.isFinite(value) ? 'null' : String(value);
}

/**
 * A JSON-safe deep copy of what the host page passed us (functions, symbols and
 * undefined dropped, Dates as ISO strings, cycles as null), so that stored and sent
 * messages are plain data the page can no longer mutate and IndexedDB can clone.
 */
export function toPlain(value: unknown, seen: unknown[] = []): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value || 0 : null; // -0 is 0, as in JSON
  if (typeof value !== 'object' || value === null)
    return typeof value === 'string' || typeof value === 'boolean' ? value : null;
  // No Array.prototype methods here (indexOf, push, pop): pages replace them.
  for (let i = 0; i < seen.length; i++) if (seen[i] === value) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  seen[seen.length] = value;
  let out: unknown;
  if (Array.isArray(value)) {
    const list: unknown[] = [];
    for (let i = 0; i < value.length; i++) list[i] = toPlain(value[i], seen);
    out = list;
  } else {
    const record: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      // "__proto__" would set the copy's prototype (its properties then seen by every reader): dropped.
      if (item !== undefined && typeof item !== 'function' && typeof item !== 'symbol' && key !== '__proto__')
        record[key] = toPlain(item, seen);
    }
    out = record;
  }
  seen.length--;
  return out;
}
