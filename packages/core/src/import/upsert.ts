/**
 * Upserts without surprises: an imported record laid over the stored one keeps what the
 * file doesn't say (tags a rep added, emails merged from a duplicate), and an import that
 * changes nothing writes nothing, which is what makes re-importing a file idempotent.
 */
import type { AnyRecord, StoreName } from '../model/stores.ts';

/** List fields that accumulate instead of being replaced: a file lists what it knows, not everything. */
const UNION_FIELDS: Partial<Record<StoreName, readonly string[]>> = {
  contacts: ['emails', 'phones', 'tags'],
  accounts: ['domains', 'tags'],
};
/** Object fields merged key by key. */
const MERGED_OBJECTS = new Set(['customFields', 'externalIds', 'attributes', 'properties']);
const META = new Set(['id', 'createdAt', 'updatedAt', 'version']);

/**
 * `replace`: the incoming values win (same record re-imported or updated at its source).
 * `fill`: the stored values win and the incoming ones only fill gaps (a duplicate merged in).
 */
export type UpsertMode = 'replace' | 'fill';

export function layer(
  store: StoreName,
  base: Record<string, unknown>,
  incoming: Record<string, unknown>,
  mode: UpsertMode,
) {
  const out: Record<string, unknown> = { ...base };
  const unions = UNION_FIELDS[store];
  // for…in rather than Object.entries: this runs once per imported record, a million times an import.
  for (const key in incoming) {
    const value = incoming[key];
    if (value === undefined || META.has(key)) continue;
    const current = out[key];
    if (unions?.includes(key) && Array.isArray(current) && Array.isArray(value)) {
      out[key] = [...new Set([...current, ...value])];
    } else if (MERGED_OBJECTS.has(key) && isPlainObject(current) && isPlainObject(value)) {
      out[key] = mode === 'replace' ? { ...current, ...value } : { ...value, ...current };
    } else if (mode === 'replace' || current === undefined) {
      out[key] = value;
    }
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep equality of JSON-like values, ignoring key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keysA = Object.keys(a).filter((k) => a[k] !== undefined);
    const keysB = Object.keys(b).filter((k) => b[k] !== undefined);
    return keysA.length === keysB.length && keysA.every((k) => sameValue(a[k], b[k]));
  }
  return false;
}

/** Equal apart from the bookkeeping fields (times and version). */
export function sameContent(a: AnyRecord, b: AnyRecord): boolean {
  const strip = (r: AnyRecord) =>
    Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'updatedAt' && k !== 'version'));
  return sameValue(strip(a), strip(b));
}
