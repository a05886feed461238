import { expose, transfer } from 'comlink';
import { type AnalysisInput, analyse, analysisBuffers, type Progress } from '../model/analyse';

/** The workbench's analytics worker: the only file that exposes it through comlink. */
const api = {
  analyse(input: AnalysisInput, progress: Progress) {
    // Progress is a comlink proxy: each call posts a message, so report only between steps.
    const result = analyse(input, (step, done) => void progress(step, done));
    return transfer(result, analysisBuffers(result));
  },
};
export type AnalysisWorkerApi = typeof api;

expose(api);
