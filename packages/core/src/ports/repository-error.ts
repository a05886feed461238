/**
 * Why a repository call failed:
 * - `invalid`: a record does not match its schema (nothing was written);
 * - `conflict`: `expectVersion` did not match the stored version (nothing was written);
 * - `quota`: the browser refused to store more (nothing of the batch was written, earlier data intact);
 * - `blocked`: opening needs a newer schema but another tab keeps the old one open;
 * - `closed`: the connection was closed, by us or because another tab upgraded the database.
 */
export type RepositoryErrorCode = 'invalid' | 'conflict' | 'quota' | 'blocked' | 'closed';

export class RepositoryError extends Error {
  override name = 'RepositoryError';
  constructor(
    readonly code: RepositoryErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True when `error` is a RepositoryError, optionally of the given code. */
export function isRepositoryError(error: unknown, code?: RepositoryErrorCode): error is RepositoryError {
  return error instanceof RepositoryError && (code === undefined || error.code === code);
}
