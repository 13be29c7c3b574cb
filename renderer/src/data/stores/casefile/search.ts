import { getSession } from '../../session';
import { CHUNK, backgroundPass, yieldToEventLoop } from '../kit';
import { readNarrativesDirect, type NarrativeBatch } from './narrative-reader';

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
 * Decrypt every narrative record in batches for the in-memory search index on this thread,
 * reporting progress: where there is no search worker (unit tests) or it could not read them.
 * The same reader as the worker's; the event loop gets a turn between pages of CHUNK rows, so the
 * list answers while the index grows.
 */
export function loadAllNarratives(onBatch: (batch: NarrativeBatch, fraction: number) => void, opts: { batchSize?: number } = {}): Promise<void> {
  return backgroundPass(() => {
    const session = getSession();
    const keys = new Map(session.householdKeyEntries());
    return readNarrativesDirect({
      idb: indexedDB,
      dbName: session.db.name,
      keyFor: (householdId) => keys.get(householdId),
      onBatch,
      batchSize: opts.batchSize ?? CHUNK,
      between: yieldToEventLoop,
    });
  });
}
