/// <reference lib="webworker" />
import { buildIndex, type IndexedDoc } from './search';

/** Builds the search index off the main thread and answers with its serialised form. */
self.onmessage = (event: MessageEvent<IndexedDoc[]>) => {
  self.postMessage(JSON.stringify(buildIndex(event.data)));
};
