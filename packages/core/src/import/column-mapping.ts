/**
 * Column mapping: which CSV column feeds which field of a record. Detected from header
 * names (every field lists the headers it is known under, including the public exports of
 * Shopify, Stripe, HubSpot and Salesforce), shown in the preview, and overridable.
 */
import * as z from 'zod';
import { foldCase } from '../identity/match-names.ts';

export type FieldType =
  | 'text'
  | 'email'
  | 'phone'
  | 'amount'
  | 'number'
  | 'percent'
  | 'date'
  | 'boolean'
  | 'list'
  | 'currency';

export interface FieldSpec {
  type: FieldType;
  /** Header names this field is known under; compared after normalisation (case, spaces, punctuation). */
  aliases: readonly string[];
  /** What the preview shows. */
  label: string;
}

export type FieldSpecs = Readonly<Record<string, FieldSpec>>;

/** field → column index; `null` means "explicitly not imported" in an override. */
export const ColumnMappingSchema = z.record(z.string(), z.number().int().min(0).nullable());
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;

export interface DetectedMapping {
  /** field → column index (fields with no column are absent). */
  fields: Record<string, number>;
  /** Headers no field claimed, by column index: shown so the user can map them by hand. */
  unmapped: { column: number; header: string }[];
}

/** "Default Address Zip" → "defaultaddresszip", "Created (UTC)" → "createdutc", "E-mail" → "email". */
export function normalizeHeader(header: string): string {
  return foldCase(header).replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Maps headers to fields. Each field takes the first column whose normalised header is one
 * of its aliases, in the order of the aliases, so a more specific alias wins over a general
 * one ("Default Address Phone" is a fallback for "Phone"). A column feeds one field only.
 */
export function detectMapping(headers: readonly string[], specs: FieldSpecs): DetectedMapping {
  const normalized = headers.map(normalizeHeader);
  const taken = new Set<number>();
  const fields: Record<string, number> = {};
  // Exact alias matches, in field order; a field's earlier alias beats a later one.
  for (const [field, spec] of Object.entries(specs)) {
    for (const alias of spec.aliases) {
      const column = normalized.findIndex((h, i) => h === normalizeHeader(alias) && !taken.has(i));
      if (column === -1) continue;
      fields[field] = column;
      taken.add(column);
      break;
    }
  }
  const unmapped = headers.flatMap((header, column) =>
    taken.has(column) || header.trim() === '' ? [] : [{ column, header }],
  );
  return { fields, unmapped };
}

/** Applies a user's override on top of the detected mapping; `null` removes a field. */
export function applyOverride(
  detected: Record<string, number>,
  override: ColumnMapping | undefined,
): Record<string, number> {
  const fields = { ...detected };
  for (const [field, column] of Object.entries(override ?? {})) {
    if (column === null) delete fields[field];
    else fields[field] = column;
  }
  return fields;
}
