import { MergeRecordSchema } from '../model/merge-record.ts';
import { issuesOf, parseRecord, wasParsed } from '../model/parse-record.ts';
import type { WriteOp } from '../ports/repository.ts';
import { RepositoryError } from '../ports/repository-error.ts';
import { parseOrderColumns } from './parse-order-columns.ts';

/**
 * Validates every record of a write before anything is stored, so an invalid record fails the whole
 * write with one error that names each bad record (up to ten) and why. Records that come straight from
 * `parseRecord` are not parsed twice. Returns the parsed ops.
 */
export function validateOps(ops: readonly WriteOp[]): WriteOp[] {
  const problems: string[] = [];
  const parsed = ops.map((op) => {
    if (op.type === 'putMerge') {
      const result = MergeRecordSchema.safeParse(op.merge);
      if (result.success) return { ...op, merge: result.data };
      problems.push(`merge ${op.merge?.id ?? '(no id)'}: ${issuesOf(result.error)}`);
      return op;
    }
    if (op.type === 'appendOrders') {
      const result = parseOrderColumns(op.orders);
      if (!result.ok) problems.push(`orders (columns): ${result.issues}`);
      return op;
    }
    if (op.type === 'delete' || op.type === 'deleteMerge' || wasParsed(op.record)) return op;
    const result = parseRecord(op.store, op.record);
    if (!result.ok) {
      const id = (op.record as { id?: unknown } | null)?.id;
      problems.push(`${op.store} ${typeof id === 'string' ? id : '(no id)'}: ${result.issues}`);
      return op;
    }
    return { ...op, record: result.value } as WriteOp;
  });
  if (problems.length > 0)
    throw new RepositoryError(
      'invalid',
      `${problems.length} invalid record(s), nothing written: ${problems.slice(0, 10).join(' | ')}`,
    );
  return parsed;
}

export function conflictError(
  store: string,
  id: string,
  expected: number,
  actual: number | undefined,
): RepositoryError {
  return new RepositoryError(
    'conflict',
    `${store} ${id} is at version ${actual ?? 'none'} but the write expected ${expected === 0 ? 'none' : expected}; nothing written`,
  );
}
