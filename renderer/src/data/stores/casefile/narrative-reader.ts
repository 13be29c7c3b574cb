import { ActionSchema, AssessmentSchema, GoalSchema, HandoverSchema, IntakeSchema, NoteSchema } from '@shared/domain/casefile';
import type { z } from 'zod';
import type { StoredRow } from '../../db';
import { openRecord } from '../../records';

/** The sealed tables whose narratives are searchable, with their schemas. */
export const NARRATIVE_TABLES = {
  intakes: IntakeSchema,
  assessments: AssessmentSchema,
  goals: GoalSchema,
  actions: ActionSchema,
  notes: NoteSchema,
  handovers: HandoverSchema,
} as const;
export type NarrativeTable = keyof typeof NARRATIVE_TABLES;
export type NarrativeBatch = {
  [T in NarrativeTable]: { table: T; records: z.output<(typeof NARRATIVE_TABLES)[T]>[] };
}[NarrativeTable];

export type DirectReadOptions = Readonly<{
  idb: IDBFactory;
  dbName: string;
  /** The household's key, or undefined when this reader was not given it. */
  keyFor: (householdId: string) => CryptoKey | undefined;
  onBatch: (batch: NarrativeBatch, fraction: number) => void;
  batchSize?: number;
  /** Awaited between pages (on the page's thread: give input and rendering a turn). */
  between?: () => Promise<void>;
}>;

/** Ended early because the app is replacing or upgrading the database (a restore, a newer tab). */
export class ReaderClosedError extends Error {
  constructor() {
    super('the database is being replaced');
    this.name = 'ReaderClosedError';
  }
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openExisting(idb: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    // No version: open the database as the app made it. A database that does not exist would be
    // created by this call, so the upgrade that would create it is aborted instead.
    const req = idb.open(name);
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    req.onblocked = () => reject(new ReaderClosedError());
  });
}

/**
 * Every narrative record, decrypted, in batches — read straight from IndexedDB, by the search
 * index's own worker (docs/adr/0004-performance.md, finding 11) or, where it cannot, on the
 * page (loadAllNarratives). Read-only: it opens the app's
 * database without a version, never writes, and closes it when done or when the app asks for
 * the database (a restore, an upgrade): then it stops with ReaderClosedError. Rows are read in
 * primary-key pages; each is opened with its household's key and validated with its schema, as
 * in the app. A row whose household key it was not given (a household deleted meanwhile) is
 * skipped; a row that does not open or validate is an error, as in the app.
 */
export async function readNarrativesDirect(opts: DirectReadOptions): Promise<void> {
  const size = opts.batchSize ?? 500;
  const db = await openExisting(opts.idb, opts.dbName);
  let closed = false;
  db.onversionchange = () => {
    closed = true;
    db.close();
  };
  const store = (table: NarrativeTable) => {
    if (closed) throw new ReaderClosedError();
    return db.transaction(table, 'readonly').objectStore(table);
  };
  try {
    const tables = Object.keys(NARRATIVE_TABLES) as NarrativeTable[];
    const counts = await Promise.all(tables.map((t) => request(store(t).count())));
    const total = counts.reduce((a, b) => a + b, 0) || 1;
    let done = 0;
    for (const table of tables) {
      let after: IDBValidKey | undefined;
      for (;;) {
        const range = after === undefined ? null : IDBKeyRange.lowerBound(after, true);
        const rows = (await request(store(table).getAll(range, size))) as StoredRow[];
        if (rows.length === 0) break;
        after = rows[rows.length - 1]?.id as IDBValidKey;
        const opened = await Promise.all(
          rows.map((row) => {
            const key = opts.keyFor(String(row.householdId));
            return key ? openRecord(table, row, key, NARRATIVE_TABLES[table]) : null;
          }),
        );
        done += rows.length;
        const records = opened.filter((r) => r !== null);
        opts.onBatch({ table, records } as NarrativeBatch, Math.min(1, done / total));
        if (rows.length < size) break;
        await opts.between?.();
      }
    }
    opts.onBatch({ table: 'notes', records: [] }, 1);
  } catch (e) {
    throw closed ? new ReaderClosedError() : e;
  } finally {
    if (!closed) db.close();
  }
}
