import * as z from 'zod';

/**
 * Why a model could not be fitted. A failed fit is data, not an exception, so callers
 * (the sidebar, the CLI) can say why instead of showing numbers that merely look right.
 */
export const FitFailureReasonSchema = z.enum([
  'too-little-data',
  'no-repeat-buyers',
  'invalid-input',
  'did-not-converge',
  'degenerate',
]);
export type FitFailureReason = z.infer<typeof FitFailureReasonSchema>;

export interface FitFailure {
  readonly ok: false;
  readonly reason: FitFailureReason;
  readonly message: string;
}

export interface FitSuccess<P> {
  readonly ok: true;
  readonly params: P;
  readonly logLikelihood: number;
  /** Customers the fit used (for Gamma-Gamma: the repeat buyers). */
  readonly customers: number;
  readonly evaluations: number;
}

export type FitResult<P> = FitSuccess<P> | FitFailure;

export function fitFailure(reason: FitFailureReason, message: string): FitFailure {
  return { ok: false, reason, message };
}
