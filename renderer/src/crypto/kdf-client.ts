import { deriveKeyBytes, type KdfParams } from './kdf';

type Reply = { id: number; ok: true; bytes: Uint8Array; ms: number } | { id: number; ok: false };

let worker: Worker | null = null;
let seq = 0;

/** Derive key bytes off the main thread when Workers exist (browser), inline otherwise (Node tests). */
export async function deriveInWorker(passphrase: string, params: KdfParams): Promise<{ bytes: Uint8Array; ms: number }> {
  if (typeof Worker === 'undefined') {
    const t0 = performance.now();
    const bytes = await deriveKeyBytes({ passphrase, params });
    return { bytes, ms: performance.now() - t0 };
  }
  worker ??= new Worker(new URL('./kdf.worker.ts', import.meta.url), { type: 'module' });
  const w = worker;
  const id = ++seq;
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<Reply>) => {
      if (event.data.id !== id) return;
      w.removeEventListener('message', onMessage);
      if (event.data.ok) resolve({ bytes: event.data.bytes, ms: event.data.ms });
      else reject(new Error('kdf failed'));
    };
    w.addEventListener('message', onMessage);
    w.postMessage({ id, passphrase, params });
  });
}
