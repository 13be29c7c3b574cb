/// <reference lib="webworker" />
import type { ImportRequest } from './import-protocol';
import { createImportHost } from './import-host';

const host = createImportHost({ reply: (msg) => (self as unknown as Worker).postMessage(msg) });
self.onmessage = (event: MessageEvent<ImportRequest>) => void host.handle(event.data);
