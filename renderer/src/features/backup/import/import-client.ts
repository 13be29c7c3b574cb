import type { ParsedHouseholdDraft } from '@shared/domain/household';
import type { ColumnMapping } from '@shared/import/mapping';
import { ImportFileError } from '@shared/import/text';
import type { ImportPhase, ImportReply, ImportRequest, PlanSummary, SheetPreview, WireError } from './import-protocol';

/**
 * The page's side of the import worker. Reading, parsing, checking and mapping a spreadsheet
 * (up to 50,000 rows) happen in the worker, so the window stays responsive and shows progress;
 * this module deliberately imports no parser (tests/unit/renderer/import-worker.test.ts checks
 * the import graph). `cancel()` terminates the worker: whatever it was doing stops, its rows are
 * gone with it, and a reply that was already on its way is ignored.
 */
export class ImportCancelledError extends Error {
  constructor() {
    super('import: cancelled');
    this.name = 'ImportCancelledError';
  }
}

type Pending = {
  id: number;
  onProgress: (phase: ImportPhase, fraction: number) => void;
  resolve: (reply: ImportReply) => void;
  reject: (e: unknown) => void;
};

function fromWire(e: WireError): Error {
  // The codes come from our own worker's ImportFileError; an unknown one still shows the generic message.
  if (e.kind === 'import-file') return new ImportFileError(e.code as ImportFileError['code'], e.detail);
  return new Error('import: the worker failed');
}

export class ImportWorkerClient {
  private worker: Worker | null = null;
  private pending: Pending | null = null;
  private nextId = 1;

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ImportReply>) => {
      // A reply from a worker that was cancelled, or for a request that is no longer pending, is dropped.
      if (worker !== this.worker) return;
      const p = this.pending;
      const msg = event.data;
      if (!p || msg.id !== p.id) return;
      if (msg.type === 'progress') {
        p.onProgress(msg.phase, msg.fraction);
        return;
      }
      this.pending = null;
      if (msg.type === 'failed') p.reject(fromWire(msg.error));
      else p.resolve(msg);
    };
    worker.onerror = () => {
      if (worker !== this.worker) return;
      const p = this.pending;
      this.stop();
      p?.reject(new Error('import: the worker failed'));
    };
    this.worker = worker;
    return worker;
  }

  private request(message: (id: number) => ImportRequest, onProgress: Pending['onProgress']): Promise<ImportReply> {
    // One request at a time: a new one replaces (and cancels) whatever was running.
    if (this.pending) this.cancel();
    const worker = this.ensure();
    const id = this.nextId++;
    return new Promise<ImportReply>((resolve, reject) => {
      this.pending = { id, onProgress, resolve, reject };
      worker.postMessage(message(id));
    });
  }

  async read(file: File, onProgress: Pending['onProgress']): Promise<SheetPreview> {
    const reply = await this.request((id) => ({ type: 'read', id, file, name: file.name }), onProgress);
    if (reply.type !== 'read-done') throw new Error('import: unexpected reply');
    return reply.preview;
  }

  async check(mapping: ColumnMapping, onProgress: Pending['onProgress']): Promise<PlanSummary> {
    const reply = await this.request((id) => ({ type: 'check', id, mapping }), onProgress);
    if (reply.type !== 'check-done') throw new Error('import: unexpected reply');
    return reply.summary;
  }

  /** The checked households, for writing (they stay in the worker until then). */
  async drafts(): Promise<ParsedHouseholdDraft[]> {
    const reply = await this.request((id) => ({ type: 'drafts', id }), () => undefined);
    if (reply.type !== 'drafts-done') throw new Error('import: unexpected reply');
    return reply.households;
  }

  private stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.pending = null;
  }

  /** Stop the work in progress (the pending call rejects with ImportCancelledError). */
  cancel(): void {
    const p = this.pending;
    this.stop();
    p?.reject(new ImportCancelledError());
  }

  /** Drop the worker and the rows it holds (leaving the screen). */
  dispose(): void {
    this.cancel();
  }
}
