import { proxy, type Remote, transfer, wrap } from 'comlink';
import type { Analysis, AnalysisInput, AnalysisOrders, Progress } from '../model/analyse';
import type { AnalysisWorkerApi } from './analysis.worker';

export class AnalysisCancelled extends Error {
  /** True when a newer run replaced this one (not the rep's doing, so nothing to tell them). */
  readonly superseded: boolean;
  constructor(superseded: boolean) {
    super(superseded ? 'A newer analysis replaced this one.' : 'The analysis was cancelled.');
    this.name = 'AnalysisCancelled';
    this.superseded = superseded;
  }
}

/**
 * Runs the analysis in a Web Worker, one run at a time. Cancelling terminates the worker (the
 * only way to stop a synchronous computation midway) and the next run starts a fresh one.
 */
export function createAnalysisRunner(
  spawn: () => Worker = () => new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' }),
) {
  let worker: Worker | undefined;
  let remote: Remote<AnalysisWorkerApi> | undefined;
  let stopCurrent: ((superseded: boolean) => void) | undefined;

  return {
    async run(input: AnalysisInput, progress: Progress = () => {}): Promise<Analysis> {
      stopCurrent?.(true);
      if (!worker || !remote) {
        worker = spawn();
        remote = wrap<AnalysisWorkerApi>(worker);
      }
      const call = remote.analyse(copyForTransfer(input), proxy(progress)) as Promise<Analysis>;
      let stop: (superseded: boolean) => void = () => {};
      const current = worker;
      const cancelled = new Promise<never>((_, reject) => {
        stop = (superseded) => {
          worker?.terminate();
          worker = undefined;
          remote = undefined;
          reject(new AnalysisCancelled(superseded));
        };
        // A worker that fails to load or crashes never answers through comlink: fail the run instead of waiting forever.
        current.addEventListener(
          'error',
          (event) => {
            event.preventDefault();
            worker = undefined;
            remote = undefined;
            reject(new Error(`the analytics worker failed: ${event.message || 'it could not be loaded'}`));
          },
          { once: true },
        );
      });
      stopCurrent = stop;
      try {
        return await Promise.race([call, cancelled]);
      } finally {
        // Only this run's own stopper is cleared: a newer run may already have installed its own.
        if (stopCurrent === stop) stopCurrent = undefined;
      }
    },
    /** Stops the running analysis, if any; its `run` rejects with AnalysisCancelled. */
    cancel(): void {
      stopCurrent?.(false);
    },
    dispose(): void {
      stopCurrent?.(true);
      worker?.terminate();
      worker = undefined;
    },
  };
}
export type AnalysisRunner = ReturnType<typeof createAnalysisRunner>;

/**
 * Structured clone of a million-element typed array is a memcpy, but on the page's thread; copies
 * are transferred instead, so the page keeps its own columns and pays only for the slice.
 */
function copyForTransfer(input: AnalysisInput): AnalysisInput {
  const o = input.orders;
  const orders: AnalysisOrders = {
    contactIds: o.contactIds,
    currencies: o.currencies,
    contact: o.contact.slice(),
    placedAt: o.placedAt.slice(),
    total: o.total.slice(),
    currency: o.currency.slice(),
    status: o.status.slice(),
  };
  const buffers = [orders.contact, orders.placedAt, orders.total, orders.currency, orders.status].map(
    (a) => a.buffer as ArrayBuffer,
  );
  return transfer({ ...input, orders }, buffers);
}
