import type { TableName } from '../db';
import { getSession } from '../session';
import { CHUNK, backgroundPass, openChunked, yieldToEventLoop } from './kit';
import { NARRATIVE_TABLES, type NarrativeBatch, type NarrativeTable } from './narrative-reader';

export type { NarrativeBatch } from './narrative-reader';

/** What a reader in another thread needs to read the narratives itself: the database and the household keys. */
export type NarrativeSource = Readonly<{ dbName: string; keys: readonly (readonly [string, CryptoKey])[] }>;

/**
 * Run a narrative pass that happens elsewhere (the search worker reads and decrypts them itself,
 * see narrative-reader.ts) in its turn among the passes over the whole store after unlock.
 */
export function loadNarrativesElsewhere<T>(run: (source: NarrativeSource) => Promise<T>): Promise<T> {
  return backgroundPass(() => {
    const session = getSession();
    return run({ dbName: session.db.name, keys: session.householdKeyEntries() });
  });
}

/**
 * Decrypt every narrative record in batches for the in-memory search index, reporting progress.
 * Batches are keyed on the primary key (no offset scans) and opened in short chunks; the event
 * loop gets a turn between chunks, so the list answers while the index grows at 10,000 households.
 */
export function loadAllNarratives(
  onBatch: (batch: NarrativeBatch, fraction: number) => void,
  opts: { batchSize?: number; shouldStop?: () => boolean } = {},
): Promise<void> {
  return backgroundPass(() => readNarratives(onBatch, opts));
}

async function readNarratives(onBatch: (batch: NarrativeBatch, fraction: number) => void, opts: { batchSize?: number; shouldStop?: () => boolean }): Promise<void> {
  const db = getSession().db;
  const size = opts.batchSize ?? CHUNK * 2;
  const tables = Object.keys(NARRATIVE_TABLES) as NarrativeTable[];
  const counts = await Promise.all(tables.map((t) => db.rows(t as TableName).count()));
  const total = counts.reduce((a, b) => a + b, 0) || 1;
  let done = 0;
  for (const table of tables) {
    let last: string | undefined;
    for (;;) {
      if (opts.shouldStop?.()) return;
      const rows = await (last === undefined
        ? db.rows(table).orderBy(':id').limit(size).toArray()
        : db.rows(table).where(':id').above(last).limit(size).toArray());
      if (rows.length === 0) break;
      last = String(rows[rows.length - 1]?.id);
      const records = await openChunked(table, rows, NARRATIVE_TABLES[table]);
      done += rows.length;
      onBatch({ table, records } as NarrativeBatch, Math.min(1, done / total));
      if (rows.length < size) break;
      await yieldToEventLoop();
    }
  }
  onBatch({ table: 'notes', records: [] }, 1);
}
