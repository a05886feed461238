import * as z from 'zod';
import { type CustomerHistory, CustomerHistorySchema, type PreparedCohort, prepareCohort } from './customer-history.ts';
import { type FitResult, fitFailure } from './fit-result.ts';
import { minimizeNelderMead } from './nelder-mead.ts';

/** Fewer customers than this cannot identify four parameters with any confidence. */
export const MIN_CUSTOMERS_TO_FIT = 20;

/** Parameters are searched in logs within ±LOG_BOUND, i.e. between 1e-7 and 1e7. */
const LOG_BOUND = Math.log(1e7);

/** A point moved into the box ±LOG_BOUND. */
function clampToBox(p: readonly number[]): number[] {
  return p.map((v) => Math.max(-LOG_BOUND, Math.min(LOG_BOUND, v)));
}

/**
 * Keeps the search in a box: when the data do not identify a parameter (homogeneous
 * purchase rates send r and α to ∞ together) an unbounded simplex walks forever. Outside
 * the box the objective is its value at the nearest point of the box plus a penalty that
 * grows with the distance, so the simplex slides back and converges at the wall, where
 * `finishFit` reports the runaway parameter. (+∞ outside would stall the simplex instead.)
 */
function boundedInLogs(f: (logParams: readonly number[]) => number) {
  return (p: readonly number[]) => {
    const inside = clampToBox(p);
    const distance = p.reduce((s, v, i) => s + Math.abs(v - (inside[i] as number)), 0);
    const value = f(inside);
    return distance === 0 ? value : value + distance * (1 + Math.abs(value));
  };
}

/**
 * Shared tail of the maximum-likelihood fits: a parameter that ran off to 0 or ∞ means
 * the data do not identify the model (e.g. nobody ever drops out), which we report.
 */
function finishFit<P extends Record<string, number>>(
  params: P,
  logLikelihood: number,
  customers: number,
  run: { converged: boolean; evaluations: number },
  hint: string,
): FitResult<P> {
  if (!run.converged || !Number.isFinite(logLikelihood)) {
    return fitFailure(
      'did-not-converge',
      `The optimiser stopped after ${run.evaluations} evaluations without converging.`,
    );
  }
  const runaway = Object.entries(params).find(([, v]) => !(v > 1.01e-7 && v < 0.99e7));
  if (runaway) {
    return fitFailure(
      'degenerate',
      `Parameter ${runaway[0]} ran to ${runaway[1].toPrecision(2)}: the data do not identify the model (${hint}).`,
    );
  }
  return { ok: true, params, logLikelihood, customers, evaluations: run.evaluations };
}

/**
 * Maximum likelihood in the logs of the parameters (which keeps them positive): Nelder–Mead
 * from `start`, bounded, with the result checked by `finishFit`.
 */
export function fitInLogs<P extends Record<string, number>>(
  names: readonly (keyof P & string)[],
  logLikelihood: (params: P) => number,
  start: readonly number[],
  customers: number,
  hint: string,
): FitResult<P> {
  const fromLog = (v: readonly number[]) =>
    Object.fromEntries(names.map((name, i) => [name, Math.exp(v[i] as number)])) as P;
  const run = minimizeNelderMead(
    boundedInLogs((v) => -logLikelihood(fromLog(v))),
    start.map((s) => Math.log(s)),
  );
  const best = clampToBox(run.point);
  return finishFit(fromLog(best), logLikelihood(fromLog(best)), customers, run, hint);
}

/** The first problem zod finds in a model's input, as "customer 12: t_x … cannot exceed T", or undefined. */
export function firstInvalid(schema: z.ZodType, input: unknown): string | undefined {
  const parsed = schema.safeParse(input);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0] as z.core.$ZodIssue;
  const [index, ...field] = issue.path;
  return `customer ${String(index)}${field.length > 0 ? ` (${field.join('.')})` : ''}: ${issue.message}`;
}

/** What a purchase-count model (BG/NBD, Pareto/NBD) tells the shared fitting routine. */
export interface CountModel<P extends Record<string, number>> {
  readonly label: string;
  readonly names: readonly (keyof P & string)[];
  readonly noRepeatMessage: string;
  /** Start point from the cohort's mean observation time. */
  readonly start: (meanT: number) => number[];
  readonly logLikelihood: (params: P, cohort: PreparedCohort) => number;
}

/** Fits a purchase-count model, refusing (typed) the cohorts that cannot identify it. */
export function fitCountModel<P extends Record<string, number>>(
  histories: readonly CustomerHistory[],
  model: CountModel<P>,
): FitResult<P> {
  if (histories.length < MIN_CUSTOMERS_TO_FIT) {
    return fitFailure(
      'too-little-data',
      `${model.label} needs at least ${MIN_CUSTOMERS_TO_FIT} customers; got ${histories.length}.`,
    );
  }
  const invalid = firstInvalid(z.array(CustomerHistorySchema), histories);
  if (invalid) return fitFailure('invalid-input', invalid);
  const cohort = prepareCohort(histories);
  if (cohort.repeatCustomers === 0) return fitFailure('no-repeat-buyers', model.noRepeatMessage);
  const meanT = cohort.T.reduce((s, t, i) => s + t * (cohort.weight[i] as number), 0) / cohort.customers;
  if (!(meanT > 0)) return fitFailure('degenerate', 'Every customer was observed for zero time (T = 0).');
  return fitInLogs<P>(
    model.names,
    (p) => model.logLikelihood(p, cohort),
    model.start(meanT),
    cohort.customers,
    'purchase rates that look the same for every customer, or too few repeat purchases or drop-outs',
  );
}
