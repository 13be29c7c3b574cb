/// <reference lib="webworker" />
import { deriveKeyBytes, type KdfRequest } from './kdf';

// Argon2id blocks for about half a second: it runs here so the unlock screen can show progress.
// The passphrase and key bytes only pass through postMessage, never storage or logs.
self.onmessage = async (event: MessageEvent<KdfRequest & { id: number }>) => {
  const { id, ...request } = event.data;
  try {
    const t0 = performance.now();
    const bytes = await deriveKeyBytes(request);
    (self as unknown as Worker).postMessage({ id, ok: true, bytes, ms: performance.now() - t0 }, [bytes.buffer]);
  } catch {
    (self as unknown as Worker).postMessage({ id, ok: false });
  }
};
