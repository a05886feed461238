import type { DataRequest, DataResponse } from '../messaging/data-protocol';
import type { ResultOf } from './data-service';

/** Asks the background (owner of the customer database) to run one request. */
export async function callData<R extends DataRequest>(request: R): Promise<DataResponse<ResultOf<R>>> {
  try {
    const response = (await browser.runtime.sendMessage({ type: 'data', request })) as DataResponse<ResultOf<R>>;
    return response ?? { ok: false, message: 'the extension did not answer; reload the page' };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
