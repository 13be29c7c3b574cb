/// <reference lib="webworker" />
import type { WorkerRequest } from './search-core';
import { createSearchHost } from './search-host';

const host = createSearchHost({ idb: indexedDB, reply: (msg) => (self as unknown as Worker).postMessage(msg) });
self.onmessage = (event: MessageEvent<WorkerRequest>) => void host.handle(event.data);
