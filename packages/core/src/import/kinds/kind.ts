/**
 * What a record kind tells the importer: its fields (with the header names they are known
 * under) and how to build a record draft from one row. The engine (import-csv.ts) turns
 * drafts into stored records: ids, times and versions, links to contacts and accounts,
 * de-duplication and idempotent upserts. Adding a kind is one file plus one line in index.ts.
 */
import type { LineItem } from '../../model/order.ts';
import type { RecordMap } from '../../model/stores.ts';
import type { FieldSpecs } from '../column-mapping.ts';
import type { RowValues } from '../row-values.ts';

export type ImportStore = 'contacts' | 'accounts' | 'products' | 'orders' | 'opportunities' | 'cases';

/** The fields a draft sets; meta, ids and links are the engine's. */
export type DraftFields<S extends ImportStore> = Partial<
  Omit<RecordMap[S], 'id' | 'createdAt' | 'updatedAt' | 'version'>
>;

/** Who a record belongs to, as the row names them. */
export interface PersonRef {
  externalId?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  fullName?: string | undefined;
  company?: string | undefined;
}

export interface CompanyRef {
  externalId?: string | undefined;
  name?: string | undefined;
  domain?: string | undefined;
}

export interface Draft<S extends ImportStore> {
  /** The row's identity in its source: an external id or a natural key; the record id derives from it. */
  key: string;
  /** Whether `key` is the source system's id (stored in externalIds) or a natural key. */
  external: boolean;
  fields: DraftFields<S>;
  /** When the source says the record was created. */
  createdAt?: string | undefined;
  person?: PersonRef | undefined;
  company?: CompanyRef | undefined;
  /** Orders exported one row per line item: this row's line (rows with the same key form one order). */
  lineItem?: LineItem | undefined;
}

export interface BuildContext {
  /** The system the file came from: `shopify`, `stripe`, `hubspot`, `salesforce` or `csv`. */
  source: string;
}

export interface ImportKind<S extends ImportStore> {
  store: S;
  fields: FieldSpecs;
  /** Header names characteristic of an exporting system: two of them present (or the only one) name it. */
  signatures?: readonly { source: string; headers: readonly string[] }[];
  /**
   * A draft from one row, or undefined when the row can't make one (the row's `problems`
   * say why). Problems recorded on the row reject it even when a draft is returned.
   */
  build(row: RowValues, context: BuildContext): Draft<S> | undefined;
}
