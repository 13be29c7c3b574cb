import Dexie, { type IndexableType } from 'dexie';
import { getDb } from './db';

/**
 * Which primary keys a committed write touched, per table: a list of keys, or 'all' when the
 * write covered a range (a clear, a bulk write of 50 rows or more, a deleteRange) and the keys
 * are not known one by one.
 */
export type ChangedKeys = ReadonlyMap<string, readonly IndexableType[] | 'all'>;

/** More single keys than this in one table count as 'all': a listener would rather start over. */
const MAX_KEYS = 200;

/** A node of Dexie's RangeSet (an AVL tree of [from, to] ranges); plain objects after a cross-tab broadcast. */
type RangeNode = { from?: unknown; to?: unknown; l?: RangeNode | null; r?: RangeNode | null };

/** The single keys of a range set, or 'all' when it holds a real range or too many keys. */
function keysOf(set: unknown): readonly IndexableType[] | 'all' {
  const out: IndexableType[] = [];
  const stack: RangeNode[] = [];
  if (set && typeof set === 'object') stack.push(set as RangeNode);
  while (stack.length) {
    const node = stack.pop();
    if (!node) continue;
    if ('from' in node && node.from !== undefined) {
      // A single key is stored as from === to; anything wider is a range of unknown keys.
      if (node.from !== node.to || out.length >= MAX_KEYS) return 'all';
      out.push(node.from as IndexableType);
    }
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
  return out;
}

/**
 * "The store changed": fired after a write transaction has COMMITTED, with the names of the
 * tables it touched and, per table, the primary keys written. Built on Dexie's own post-commit
 * `storagemutated` event (the one liveQuery uses), so no repository has to remember to call
 * anything.
 */
export function onStoreChange(listener: (tables: readonly string[], keys: ChangedKeys) => void, dbName: string = getDb().name): () => void {
  const prefix = `idb://${dbName}/`;
  const handler = (parts: Readonly<Record<string, unknown>>) => {
    const keys = new Map<string, readonly IndexableType[] | 'all'>();
    for (const [part, set] of Object.entries(parts)) {
      if (!part.startsWith(prefix)) continue;
      const [table, index] = part.slice(prefix.length).split('/');
      if (!table) continue;
      if (!keys.has(table)) keys.set(table, []);
      // '' is the primary key's part; index parts (and ':dels') say nothing the primary key does not.
      if (index !== '') continue;
      const found = keysOf(set);
      const before = keys.get(table);
      keys.set(table, found === 'all' || before === 'all' ? 'all' : [...(before ?? []), ...found]);
    }
    if (keys.size) listener([...keys.keys()], keys);
  };
  Dexie.on('storagemutated', handler);
  return () => Dexie.on.storagemutated.unsubscribe(handler);
}
