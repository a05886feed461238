import { type Endpoint, expose, transfer } from 'comlink';
import { analyticsApi, transferablesOf } from './api.ts';

/** Serves the analytics api on an endpoint (the worker's global scope, or a MessagePort in tests). */
export function serveAnalytics(endpoint: Endpoint): void {
  expose(
    {
      ...analyticsApi,
      scoreRfmColumns: (...args: Parameters<typeof analyticsApi.scoreRfmColumns>) => {
        const out = analyticsApi.scoreRfmColumns(...args);
        return transfer(out, transferablesOf(out));
      },
    },
    endpoint,
  );
}
