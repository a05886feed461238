import { isRepositoryError, RepositoryError } from '../../ports/repository-error.ts';

/** Turns what IndexedDB throws into a RepositoryError a caller can act on. */
export function toRepositoryError(error: unknown, txError?: DOMException | null): unknown {
  if (isRepositoryError(error)) return error;
  const names = [errorName(error), errorName((error as { cause?: unknown } | null)?.cause), txError?.name];
  if (names.includes('QuotaExceededError'))
    return new RepositoryError(
      'quota',
      'the browser has no room left for this data (storage quota exceeded); nothing of this write was stored',
      { cause: error },
    );
  if (names.includes('InvalidStateError'))
    return new RepositoryError('closed', 'the database connection is closed', { cause: error });
  return error;
}

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : undefined;
}
