import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BackupFormatError, bytesSource, encodeBackupFile, parseBackupFile, readBackupFile, type IncrementalHash, type ParsedBackupFile } from '../../../shared/backup/format';
import { handleBackupFileRequest, type BackupFileReply } from '../../../renderer/src/data/backup-file/backup-file-host';
import { readBackupInWorker } from '../../../renderer/src/data/backup-file/backup-file-client';

const current = { appVersion: '0.1.0', schemaVersion: 1 };
const fields = { appVersion: '0.1.0', schemaVersion: 1, createdAt: '2026-12-01T10:00:00.000Z', counts: { households: 1, vault: 1 }, vault: {} };
/** A frame with a body of `n` pseudo-random bytes (the shell and the worker never open the body). */
function file(n: number): Uint8Array {
  const body = new Uint8Array(n);
  for (let i = 0; i < n; i++) body[i] = (i * 131 + 7) & 0xff;
  return encodeBackupFile(fields, body);
}
const nodeHash = (): IncrementalHash => {
  const h = createHash('sha256');
  return { update: (b) => void h.update(b), digestHex: () => h.digest('hex') };
};
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof BackupFormatError ? `${e.code}${e.reason ? `/${e.reason}` : ''}` : 'other'),
  );

describe('reading a backup file in steps (issue 14, point 4)', () => {
  it('hashes the body step by step, reports each step, and gives what the whole-file check gives', async () => {
    const bytes = file(10_000);
    const steps: number[] = [];
    const read = await readBackupFile(bytesSource(bytes), current, { hash: nodeHash(), chunkBytes: 1_000, onProgress: (done) => steps.push(done) });
    expect(steps).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10_000]);
    const whole = parseBackupFile(bytes, current);
    expect(read.header).toEqual(whole.header);
    expect(read.aad).toBe(whole.aad);
    expect(read.body).toEqual(whole.body);
  });

  it('refuses damage with the same codes as the whole-file check', async () => {
    const bytes = file(5_000);
    const flipped = bytes.slice();
    flipped[flipped.length - 10] = (flipped[flipped.length - 10] ?? 0) ^ 1;
    for (const [name, b] of [['flipped', flipped], ['cut', bytes.subarray(0, bytes.length - 1)], ['extra', new Uint8Array([...bytes, 0])], ['empty', new Uint8Array()], ['pdf', new TextEncoder().encode('%PDF-1.7 nope nope')]] as const) {
      const whole = await outcome(Promise.resolve().then(() => parseBackupFile(b, current)));
      expect(await outcome(readBackupFile(bytesSource(b), current, { hash: nodeHash(), chunkBytes: 700 })), name).toBe(whole);
      expect(whole, name).not.toBe('ok');
    }
  });

  it('a cancel stops the read at the next step: no further bytes are read', async () => {
    const bytes = file(10_000);
    const source = bytesSource(bytes);
    let reads = 0;
    let cancelled = false;
    const counting = { size: source.size, read: (o: number, l: number) => (reads++, source.read(o, l)) };
    const result = await outcome(
      readBackupFile(counting, current, {
        hash: nodeHash(),
        chunkBytes: 1_000,
        onProgress: (done) => {
          if (done >= 2_000) cancelled = true;
        },
        isCancelled: () => cancelled,
      }),
    );
    expect(result).toBe('cancelled');
    expect(reads).toBe(3); // the head and two body steps
  });

  it('the worker host answers with progress per step, then the checked file (its body transferred), hashed with hash-wasm', async () => {
    const bytes = file(9_000);
    const replies: { msg: BackupFileReply; transfer: number }[] = [];
    await handleBackupFileRequest({ type: 'read', file: new Blob([bytes.slice()]), ...current }, (msg, transfer) => replies.push({ msg, transfer: transfer?.length ?? 0 }), { chunkBytes: 3_000 });
    expect(replies.map((r) => (r.msg.type === 'progress' ? r.msg.done : r.msg.type))).toEqual([0, 3000, 6000, 9000, 'done']);
    const done = replies.at(-1);
    expect(done?.transfer).toBe(1);
    expect(done?.msg.type === 'done' ? done.msg.file.header : null).toEqual(parseBackupFile(bytes, current).header);
    const bad = bytes.slice();
    bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 1;
    const errors: BackupFileReply[] = [];
    await handleBackupFileRequest({ type: 'read', file: new Blob([bad]), ...current }, (msg) => errors.push(msg));
    expect(errors.at(-1)).toMatchObject({ type: 'error', code: 'checksum' });
  });

  it('the client gives the file to a worker, passes its progress on, and a cancel ends the worker at once', async () => {
    const posted: unknown[] = [];
    let terminated = 0;
    const target = new EventTarget();
    const fake = Object.assign(target, {
      postMessage: (m: unknown) => posted.push(m),
      terminate: () => void terminated++,
    }) as unknown as Worker;
    const controller = new AbortController();
    const fractions: number[] = [];
    const blob = new Blob([file(100) as Uint8Array<ArrayBuffer>]);
    const reading = readBackupInWorker(blob, current, { workerFactory: () => fake, signal: controller.signal, onProgress: (f) => fractions.push(f) });
    expect(posted).toEqual([{ type: 'read', file: blob, ...current }]);
    target.dispatchEvent(new MessageEvent('message', { data: { type: 'progress', done: 50, total: 100 } satisfies BackupFileReply }));
    expect(fractions).toEqual([0.5]);
    controller.abort();
    expect(await outcome(reading)).toBe('cancelled');
    expect(terminated).toBe(1);

    // And a read that finishes resolves with what the worker sent, ending the worker too.
    const parsed: ParsedBackupFile = parseBackupFile(file(100), current);
    const target2 = new EventTarget();
    const fake2 = Object.assign(target2, { postMessage: () => undefined, terminate: () => void terminated++ }) as unknown as Worker;
    const ok = readBackupInWorker(blob, current, { workerFactory: () => fake2 });
    target2.dispatchEvent(new MessageEvent('message', { data: { type: 'done', file: parsed } satisfies BackupFileReply }));
    expect((await ok).header).toEqual(parsed.header);
    expect(terminated).toBe(2);
  });
});
