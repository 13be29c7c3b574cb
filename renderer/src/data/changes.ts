import Dexie from 'dexie';
import { getDb } from './db';

/**
 * "The store changed": fired after a write transaction has COMMITTED, with the names of the
 * tables it touched. Built on Dexie's own post-commit `storagemutated` event (the one liveQuery
 * uses), so no repository has to remember to call anything.
 */
export function onStoreChange(listener: (tables: readonly string[]) => void, dbName: string = getDb().name): () => void {
  const prefix = `idb://${dbName}/`;
  const handler = (parts: Readonly<Record<string, unknown>>) => {
    const tables = new Set<string>();
    for (const part of Object.keys(parts)) {
      if (!part.startsWith(prefix)) continue;
      const table = part.slice(prefix.length).split('/')[0];
      if (table) tables.add(table);
    }
    if (tables.size) listener([...tables]);
  };
  Dexie.on('storagemutated', handler);
  return () => Dexie.on.storagemutated.unsubscribe(handler);
}
