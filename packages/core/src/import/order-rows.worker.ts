// The import worker's entry (order-rows-worker.ts): one file's rows, read for the import that started it.
import { AHEAD, type MoreMessage, type StartMessage, serveOrderRows } from './order-rows-worker.ts';

/** The worker's global scope, as far as it is used here (the project's types have the DOM's, not a worker's). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<StartMessage | MoreMessage>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
};
let credits = AHEAD;
let waiting: (() => void) | undefined;

const credit = async () => {
  while (credits === 0) await new Promise<void>((resolve) => (waiting = resolve));
  credits--;
};

scope.onmessage = (event) => {
  if (event.data?.type === 'more') {
    credits++;
    waiting?.();
  } else if (event.data?.type === 'start') {
    void serveOrderRows(event.data, (message, transfer) => scope.postMessage(message, transfer ?? []), credit);
  }
};
