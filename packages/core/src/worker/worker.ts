// The analytics Web Worker's entry: serve the api on the worker's global scope.
import type { Endpoint } from 'comlink';
import { serveAnalytics } from './serve.ts';

serveAnalytics(self as unknown as Endpoint);
