/**
 * Reading a plain order file in a Web Worker, while the import links and stores on its own thread:
 * the worker decodes and parses the CSV (readCsv) and reads each row with the fast order reader
 * (fast-order-rows.ts), and sends batches of rows in file order, the fast ones as columns (numbers and
 * the cells' own strings) and the others as their cells, for the import's full path. On two cores this
 * takes the CSV work (about a third of a million-order import) off the thread that writes.
 *
 * Everything the full path would do with a fast row (grouping it with the rows of the same order,
 * linking, rejecting a repeated order id) is done by the import (import-csv.ts), which also counts,
 * reports and batches every row exactly as when it reads the file itself.
 *
 * Messages are typed here and checked on arrival (`checkWorkerMessage`): the worker is this package's own
 * code, so the check is of shape (a bug, not an attack), and cheap (columns, not a million values).
 */
import { createInterner } from '../storage/interner.ts';
import { createFastOrderRows, type FastOrderRow } from './fast-order-rows.ts';
import { CsvFormatError, type CsvIssue, type CsvRow, readCsv } from './read-csv.ts';
import type { ValueFormats } from './row-values.ts';
import { streamChunks } from './stream-chunks.ts';

/** What the import asks of the worker. */
export interface StartMessage {
  type: 'start';
  file: Blob;
  delimiter?: string | undefined;
  fields: Record<string, number>;
  formats: ValueFormats;
  /** The header's number of columns. */
  width: number;
  /** Rows up to this line were read by the import itself: the worker sends the rows after it. */
  after: number;
}

/** A batch of rows in file order (`lines`); fast rows in the columns, by their rank among the fast ones. */
export interface RowsMessage {
  type: 'rows';
  lines: Uint32Array;
  /** 1 for a fast row. */
  fast: Uint8Array;
  keys: string[];
  /** Each fast row's customer, by its number in the file (the worker numbers them as they appear). */
  customer: Uint32Array;
  /** The customers first seen in this batch, numbered from `firstCustomer` on. */
  newCustomers: string[];
  firstCustomer: number;
  placedAt: Float64Array;
  total: Float64Array;
  status: Uint8Array;
  /** Index into `codes` of each fast row's currency and total currency. */
  currency: Uint16Array;
  totalCurrency: Uint16Array;
  codes: string[];
  /** The cells of the other rows, in order. */
  slow: string[][];
  issues: CsvIssue[];
  consumed: number;
}

export type WorkerMessage =
  | RowsMessage
  | { type: 'done' }
  | { type: 'error'; name: string; message: string; line?: number | undefined };

/** The import's acknowledgement of a batch: the worker stays at most a few batches ahead. */
export interface MoreMessage {
  type: 'more';
}

/** Batches the worker may send before the import has taken them (a bound on the memory they hold). */
export const AHEAD = 4;

/**
 * Packs rows (each fast or with its cells) into one message. `customers` numbers the file's customers
 * (an interner over `customerNames`, kept across batches); each message carries the names it added.
 */
function pack(
  rows: readonly { row: CsvRow; fast?: FastOrderRow | undefined }[],
  issues: CsvIssue[],
  consumed: number,
  customerNames: string[],
  customers: (name: string) => number,
): RowsMessage {
  const n = rows.length;
  const fastCount = rows.reduce((c, r) => c + (r.fast ? 1 : 0), 0);
  const firstCustomer = customerNames.length;
  const codes: string[] = [];
  const code = createInterner(codes);
  const batch: RowsMessage = {
    type: 'rows',
    lines: new Uint32Array(n),
    fast: new Uint8Array(n),
    keys: [],
    customer: new Uint32Array(fastCount),
    newCustomers: [],
    firstCustomer,
    placedAt: new Float64Array(fastCount),
    total: new Float64Array(fastCount),
    status: new Uint8Array(fastCount),
    currency: new Uint16Array(fastCount),
    totalCurrency: new Uint16Array(fastCount),
    codes,
    slow: [],
    issues,
    consumed,
  };
  let f = 0;
  rows.forEach(({ row, fast }, i) => {
    batch.lines[i] = row.line;
    if (!fast) {
      batch.slow.push(row.cells);
      return;
    }
    batch.fast[i] = 1;
    batch.keys.push(fast.key);
    batch.customer[f] = customers(fast.customer);
    batch.placedAt[f] = fast.placedAt;
    batch.total[f] = fast.total;
    batch.status[f] = fast.status;
    batch.currency[f] = code(fast.currency);
    batch.totalCurrency[f] = code(fast.totalCurrency);
    f++;
  });
  batch.newCustomers = customerNames.slice(firstCustomer);
  return batch;
}

const transferables = (m: RowsMessage) =>
  [m.lines, m.fast, m.placedAt, m.total, m.status, m.currency, m.totalCurrency, m.customer].map(
    (a) => a.buffer as ArrayBuffer,
  );

/**
 * The worker's side: answers one start message with batches, then `done` (or `error`). `post` is the
 * worker's postMessage; `credit` resolves when the import has room for another batch (the entry file
 * counts the `more` messages).
 */
export async function serveOrderRows(
  start: StartMessage,
  post: (message: WorkerMessage, transfer?: Transferable[]) => void,
  credit: () => Promise<void>,
): Promise<void> {
  try {
    const reader = createFastOrderRows(start.fields, start.formats, start.width);
    if (!reader) throw new Error('the file maps fields the fast order rows do not read');
    let consumed = 0;
    const customerNames: string[] = [];
    const customers = createInterner(customerNames);
    for await (const batch of readCsv(streamChunks(start.file.stream() as ReadableStream<Uint8Array>), {
      ...(start.delimiter && { delimiter: start.delimiter }),
    })) {
      consumed = batch.consumed;
      const out: { row: CsvRow; fast?: FastOrderRow | undefined }[] = [];
      for (const row of batch.rows) {
        if (row.line <= start.after) continue;
        // The reader's object is reused: each fast row gets its own copy.
        const fast = reader.read(row.cells);
        out.push({ row, fast: fast && { ...fast } });
      }
      const issues = batch.issues.filter((issue) => issue.line > start.after);
      if (out.length === 0 && issues.length === 0) continue;
      await credit();
      const message = pack(out, issues, consumed, customerNames, customers);
      post(message, transferables(message));
    }
    post({ type: 'done' });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    post({ type: 'error', name: e.name, message: e.message, line: e instanceof CsvFormatError ? e.line : undefined });
  }
}

/** A message from the worker that has the shape it claims (lengths agree), else undefined. */
export function checkWorkerMessage(value: unknown): WorkerMessage | undefined {
  const m = value as Partial<WorkerMessage> | null;
  if (m?.type === 'done') return { type: 'done' };
  if (m?.type === 'error') return typeof m.message === 'string' ? (m as WorkerMessage) : undefined;
  if (m?.type !== 'rows') return undefined;
  const r = m as RowsMessage;
  const n = r.lines instanceof Uint32Array ? r.lines.length : -1;
  const fast = r.fast instanceof Uint8Array && r.fast.length === n ? r.fast.reduce((c, x) => c + x, 0) : -1;
  const columns = [r.placedAt, r.total, r.status, r.currency, r.totalCurrency, r.customer];
  const ok =
    fast >= 0 &&
    columns.every((c) => ArrayBuffer.isView(c) && (c as Uint8Array).length === fast) &&
    Array.isArray(r.keys) &&
    r.keys.length === fast &&
    Array.isArray(r.newCustomers) &&
    typeof r.firstCustomer === 'number' &&
    Array.isArray(r.codes) &&
    Array.isArray(r.slow) &&
    r.slow.length === n - fast &&
    Array.isArray(r.issues) &&
    typeof r.consumed === 'number';
  return ok ? r : undefined;
}

/** What the import needs to hand the rest of a file to the worker. */
export type OrderRowsRequest = Omit<StartMessage, 'type'>;

/**
 * The import's side: starts the worker on the rows after `after` at once (so it reads while the import
 * prepares), and gives their batches as they come; a failure of the worker is thrown by the iteration.
 * `close` ends the worker (the iteration's end does too).
 */
export function startWorkerRows(
  worker: Worker,
  request: OrderRowsRequest,
): {
  rows: AsyncIterable<RowsMessage>;
  /** What the worker has sent and the import not yet taken first: rows, the end, a failure, or nothing yet. */
  waiting: () => WorkerMessage['type'] | undefined;
  close: () => void;
} {
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | undefined;
  const arrive = (message: WorkerMessage) => {
    queue.push(message);
    wake?.();
  };
  worker.onmessage = (event: MessageEvent) =>
    arrive(
      checkWorkerMessage(event.data) ?? {
        type: 'error',
        name: 'Error',
        message: 'the import worker sent a malformed message',
      },
    );
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    arrive({
      type: 'error',
      name: 'Error',
      message: `the import worker failed: ${event.message || 'it did not load'}`,
    });
  };
  const start: StartMessage = { type: 'start', ...request };
  worker.postMessage(start);
  const close = () => worker.terminate();
  async function* rows(): AsyncGenerator<RowsMessage> {
    try {
      for (;;) {
        while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        const message = queue.shift() as WorkerMessage;
        if (message.type === 'done') return;
        if (message.type === 'error')
          throw message.name === 'CsvFormatError'
            ? new CsvFormatError(message.message, message.line)
            : new Error(message.message);
        yield message;
        worker.postMessage({ type: 'more' } satisfies MoreMessage);
      }
    } finally {
      close();
    }
  }
  return { rows: rows(), waiting: () => queue[0]?.type, close };
}
