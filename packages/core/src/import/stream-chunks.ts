/**
 * A WHATWG ReadableStream (a File's or Blob's `.stream()`, a fetch body) as the async
 * iterable the importers read. Chromium only recently made streams async-iterable, so this
 * uses a reader, and releases it (cancelling the stream) when the import stops early.
 */
export async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
