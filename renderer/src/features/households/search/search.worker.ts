/// <reference lib="webworker" />
import { CaseSearch, type SearchRequest } from './search-core';

// Decrypted names and narratives reach this worker only as messages and live only in its memory.
const search = new CaseSearch();
self.onmessage = (event: MessageEvent<SearchRequest>) => {
  const reply = search.handle(event.data);
  if (reply) (self as unknown as Worker).postMessage(reply);
};
