import { BackupFormatError, readBackupFile, type ParsedBackupFile } from '@shared/backup/format';
import type { BackupFileReply, BackupFileRequest } from './backup-file-host';

/**
 * Read and check a backup file (frame, versions, SHA-256 of the body) in a Web Worker, so a large
 * file never blocks the page (a 94 MB file took 2 s on the main thread). One worker per file,
 * ended when the file is read; `signal` ends it at once (the read rejects with 'cancelled').
 * Without Worker (Node tests) the same code runs inline, in the same steps.
 */
export function readBackupInWorker(
  file: Blob,
  current: { appVersion: string; schemaVersion: number },
  opts: Readonly<{ onProgress?: (fraction: number) => void; signal?: AbortSignal; workerFactory?: () => Worker }> = {},
): Promise<ParsedBackupFile> {
  const progress = (done: number, total: number) => opts.onProgress?.(total === 0 ? 1 : done / total);
  if (opts.signal?.aborted) return Promise.reject(new BackupFormatError('cancelled'));
  const factory = opts.workerFactory ?? (typeof Worker === 'undefined' ? null : () => new Worker(new URL('./backup-file.worker.ts', import.meta.url), { type: 'module' }));
  if (!factory) {
    // Loaded only here: hash-wasm stays out of the page's bundle (the worker has its own copy).
    return import('./backup-file-host').then(async ({ blobSource, wasmSha256 }) =>
      readBackupFile(blobSource(file), current, { hash: await wasmSha256(), onProgress: progress, isCancelled: () => opts.signal?.aborted === true }),
    );
  }
  const worker = factory();
  return new Promise<ParsedBackupFile>((resolve, reject) => {
    const finish = () => {
      worker.terminate();
      opts.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(new BackupFormatError('cancelled'));
    };
    opts.signal?.addEventListener('abort', onAbort);
    worker.addEventListener('message', (event: MessageEvent<BackupFileReply>) => {
      const msg = event.data;
      if (msg.type === 'progress') progress(msg.done, msg.total);
      else if (msg.type === 'done') {
        finish();
        resolve(msg.file);
      } else {
        finish();
        reject(msg.type === 'error' ? new BackupFormatError(msg.code, msg.detail, msg.reason) : new Error('backup worker failed'));
      }
    });
    worker.addEventListener('error', () => {
      finish();
      reject(new Error('backup worker failed'));
    });
    const request: BackupFileRequest = { type: 'read', file, ...current };
    worker.postMessage(request);
  });
}
