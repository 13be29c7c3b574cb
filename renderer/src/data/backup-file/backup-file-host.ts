import { createSHA256 } from 'hash-wasm';
import { BackupFormatError, readBackupFile, type ByteSource, type IncrementalHash, type ParsedBackupFile } from '@shared/backup/format';

/**
 * Reading and checking a backup file off the main thread (issue 14, point 4): the frame and the
 * SHA-256 of the (up to 2 GiB) body. backup-file.worker.ts hands every message to this host; unit
 * tests drive it directly. The file arrives as a Blob and is read in 4 MiB steps, so the worker
 * holds the body once. Only sealed bytes pass through here: nothing is decrypted.
 *
 * When adding a message: add it to both unions and to backup-file-client.ts.
 */
export type BackupFileRequest = { type: 'read'; file: Blob; appVersion: string; schemaVersion: number };
export type BackupFileReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; file: ParsedBackupFile }
  | { type: 'error'; code: BackupFormatError['code']; detail?: string; reason?: string }
  | { type: 'failed' };

export function blobSource(blob: Blob): ByteSource {
  return { size: blob.size, read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()) };
}

/** hash-wasm's SHA-256 (WebAssembly, incremental): WebCrypto's digest cannot be fed in steps. */
export async function wasmSha256(): Promise<IncrementalHash> {
  const h = await createSHA256();
  h.init();
  return { update: (bytes) => void h.update(bytes), digestHex: () => h.digest('hex') };
}

/** Read one file and answer with progress, then the checked file or the reason it is refused. */
export async function handleBackupFileRequest(
  msg: BackupFileRequest,
  reply: (msg: BackupFileReply, transfer?: Transferable[]) => void,
  opts: { chunkBytes?: number } = {},
): Promise<void> {
  try {
    const file = await readBackupFile(
      blobSource(msg.file),
      { appVersion: msg.appVersion, schemaVersion: msg.schemaVersion },
      { hash: await wasmSha256(), onProgress: (done, total) => reply({ type: 'progress', done, total }), ...(opts.chunkBytes ? { chunkBytes: opts.chunkBytes } : {}) },
    );
    reply({ type: 'done', file }, [file.body.buffer]);
  } catch (e) {
    if (e instanceof BackupFormatError) {
      reply({ type: 'error', code: e.code, ...(e.detail === undefined ? {} : { detail: e.detail }), ...(e.reason === undefined ? {} : { reason: e.reason }) });
    } else reply({ type: 'failed' });
  }
}
