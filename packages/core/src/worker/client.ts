// The page side of the analytics worker: comlink's wrap, with the order arrays transferred.
import { type Endpoint, type Remote, transfer, wrap } from 'comlink';
import type { OrderColumns, RfmOptions } from '../rfm/score-rfm.ts';
import { type AnalyticsApi, transferablesOf } from './api.ts';

export interface AnalyticsWorker {
  /** The whole api, called through comlink (arguments are structured-cloned). */
  readonly remote: Remote<AnalyticsApi>;
  /**
   * RFM on columnar orders without copying them: the arrays move to the worker (they are
   * detached here while it works) and come back, with the result, in the resolved value.
   */
  scoreRfmColumns(orders: OrderColumns, options: RfmOptions): ReturnType<Remote<AnalyticsApi>['scoreRfmColumns']>;
  /** Ends the worker (or closes the port). */
  terminate(): void;
}

export function connectAnalyticsWorker(worker: Worker | (Endpoint & { close(): void })): AnalyticsWorker {
  const remote = wrap<AnalyticsApi>(worker);
  return {
    remote,
    scoreRfmColumns: (orders, options) => remote.scoreRfmColumns(transfer(orders, transferablesOf(orders)), options),
    terminate: () => ('terminate' in worker ? worker.terminate() : worker.close()),
  };
}

/**
 * Starts the worker from this package (bundlers resolve the URL: Vite, WXT, esbuild with a plugin).
 * comlink's calls never settle if the worker script fails to load, so load errors go to `onError`.
 */
export function startAnalyticsWorker(onError?: (message: string) => void): AnalyticsWorker {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  if (onError)
    worker.addEventListener('error', (event) => onError(event.message || 'the analytics worker failed to load'));
  return connectAnalyticsWorker(worker);
}
