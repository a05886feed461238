/**
 * One CSV row to a draft of its kind, or the reasons it can't be one: the row's shape checked against
 * the header, its cells read through the mapping (RowValues), the kind's `build`, and the columns no
 * field claims kept as custom fields or attributes. The preview shows the drafts the import makes.
 */
import { IMPORT_KINDS } from './kinds/index.ts';
import type { Draft, ImportKind, ImportStore } from './kinds/kind.ts';
import type { CsvRow } from './read-csv.ts';
import { RowValues, type ValueFormats } from './row-values.ts';

export type Drafted = { draft: Draft<ImportStore> } | { reasons: string[] };

export interface DraftSetup {
  kind: ImportStore;
  headers: readonly string[];
  /** field → column. */
  fields: Record<string, number>;
  formats: ValueFormats;
  /** The system the file came from (the kinds' build context). */
  system: string;
  /** Columns no field claims, kept on the record when `keepUnmapped` and the kind has a place for them. */
  unmapped: readonly { column: number; header: string }[];
  keepUnmapped: boolean;
}

/** Where a kind keeps the columns no field claims, if it keeps them. */
export function unmappedTarget(kind: ImportStore): 'customFields' | 'attributes' | undefined {
  return kind === 'contacts' || kind === 'accounts' ? 'customFields' : kind === 'products' ? 'attributes' : undefined;
}

/** Why a row can't be read at all: its number of cells is not the header's. */
function shapeProblem(row: CsvRow, width: number): string | undefined {
  if (row.cells.length === width) return undefined;
  return row.cells.length > width
    ? `the row has ${row.cells.length} fields but the header has ${width} (a value with an unquoted delimiter?)`
    : `the row has ${row.cells.length} fields but the header has ${width}`;
}

/** Drafts rows of one file (one RowValues reused for every row). */
export function createRowDrafter(setup: DraftSetup): (row: CsvRow) => Drafted {
  const kind = IMPORT_KINDS[setup.kind] as ImportKind<ImportStore>;
  const values = new RowValues([], setup.headers, setup.fields, kind.fields, setup.formats);
  const target = setup.keepUnmapped ? unmappedTarget(setup.kind) : undefined;
  const context = { source: setup.system };
  return (row) => {
    const problem = shapeProblem(row, setup.headers.length);
    if (problem) return { reasons: [problem] };
    values.read(row.cells);
    const draft = kind.build(values, context);
    if (values.problems.length > 0 || !draft) return { reasons: [...values.problems] };
    if (target && setup.unmapped.length > 0) {
      const kept: Record<string, string> = {};
      for (const { column, header } of setup.unmapped)
        if (row.cells[column]?.trim()) kept[header] = (row.cells[column] as string).trim();
      draft.fields = {
        ...draft.fields,
        [target]: { ...kept, ...(draft.fields as Record<string, Record<string, string>>)[target] },
      };
    }
    return { draft };
  };
}
