import type { IndexableType, Table } from 'dexie';
import { bytesEqual } from '@shared/backup/bytes';
import type { z } from 'zod';
import type { StoredRow, TableName } from '../db';
import { openRecord, sealRecord } from '../records';
import { getSession } from '../session';

/**
 * The small toolkit every repository uses. WebCrypto is asynchronous and an IndexedDB
 * transaction auto-commits on a foreign await, so: seal BEFORE the transaction, open AFTER it.
 */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}

export function nowIso(): string {
  return new Date().toISOString();
}

/** Seal a record with the key its table calls for. */
export async function seal(table: TableName, record: Readonly<Record<string, unknown>>): Promise<StoredRow> {
  const householdId = table === 'households' ? record.id : record.householdId;
  const key = await getSession().keyFor(table, typeof householdId === 'string' ? householdId : undefined);
  return sealRecord(table, record, key);
}

/** Open one stored row with the key its table calls for, and validate it. */
export async function open<S extends z.ZodType>(table: TableName, row: StoredRow, schema: S): Promise<z.output<S>> {
  const householdId = table === 'households' ? row.id : row.householdId;
  const key = await getSession().keyFor(table, typeof householdId === 'string' ? householdId : undefined);
  return openRecord(table, row, key, schema);
}

export async function openAll<S extends z.ZodType>(
  table: TableName,
  rows: readonly StoredRow[],
  schema: S,
): Promise<z.output<S>[]> {
  return Promise.all(rows.map((r) => open(table, r, schema)));
}

/**
 * The stored row a decrypted record was opened from (or sealed into), by object. A write that
 * starts from a record on screen can then check, inside its transaction, that the stored row is
 * still exactly the one that record came from — instead of reading (and decrypting) it first and
 * writing in a second round trip. Rows hold only ciphertext and plain index fields; an entry
 * lives as long as its record object.
 */
const sources = new WeakMap<object, StoredRow>();

/** Remember that `record` was opened from (or sealed into) `row`. */
export function noteSource(record: object, row: StoredRow): void {
  sources.set(record, row);
}

/** The stored row `record` came from, if noted. */
export function sourceOf(record: object): StoredRow | undefined {
  return sources.get(record);
}

const sameValue = (a: unknown, b: unknown): boolean => (a instanceof Uint8Array && b instanceof Uint8Array ? bytesEqual(a, b) : a === b);

/** Is `stored` still exactly the row `record` came from (every field, the ciphertext byte for byte)? False when unknown. */
export function isSourceOf(record: object, stored: StoredRow | undefined): boolean {
  const seen = sources.get(record);
  if (!seen || !stored) return false;
  const keys = Object.keys(seen);
  if (keys.length !== Object.keys(stored).length) return false;
  return keys.every((k) => sameValue(seen[k], stored[k]));
}

/** Thrown inside a transaction when a stored row is no longer a record's source: the caller starts over from what is stored. */
export class SourceChanged extends Error {
  constructor() {
    super('the stored row changed since it was read');
  }
}

/**
 * Background work over the whole store (the attention list, the search index) runs in short
 * tasks: CHUNK rows are read or opened, then the event loop gets a turn, so a keystroke or a click
 * is answered between chunks. (Reading or opening 10,000 rows in one go blocked the page for up
 * to a second after unlock; docs/adr/0004-performance.md.)
 */
export const CHUNK = 250;

/**
 * The passes over the whole store after unlock (the attention list, the search index's
 * narratives) run one after the other, not interleaved: each finishes sooner, and the first
 * (queued first: the attention badge) is there in seconds instead of both near the end.
 */
let backgroundQueue: Promise<unknown> = Promise.resolve();
export function backgroundPass<T>(pass: () => Promise<T>): Promise<T> {
  const run = backgroundQueue.then(pass, pass);
  backgroundQueue = run.catch(() => undefined);
  return run;
}

/** Give input and rendering a turn. `scheduler.yield` where it exists; a message-channel task otherwise (not clamped like setTimeout). */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Rows of a table by primary key, read CHUNK at a time with a yield in between. `keys` narrows
 * the read (from an index: `table.where(...).primaryKeys()`); without it the whole table.
 * Not one transaction: for derived views that are recomputed after writes anyway.
 */
export async function readChunked<K extends IndexableType>(table: Table<StoredRow, K>, keys?: Promise<K[]>): Promise<StoredRow[]> {
  const all = await (keys ?? table.toCollection().primaryKeys());
  const out: StoredRow[] = [];
  for (let i = 0; i < all.length; i += CHUNK) {
    for (const row of await table.bulkGet(all.slice(i, i + CHUNK))) if (row) out.push(row);
    if (i + CHUNK < all.length) await yieldToEventLoop();
  }
  return out;
}

/**
 * Every row of a table (that `keep` accepts), CHUNK rows at a time in primary-key order: one
 * getAll per chunk, a yield in between. For a whole table this is the cheapest way to read in
 * short tasks (measured at 10,000 households: ~40 % faster than one get per key, and no task of
 * hundreds of milliseconds like one getAll of the whole table).
 */
export async function readTable<K extends IndexableType>(table: Table<StoredRow, K>, keep?: (row: StoredRow) => boolean): Promise<StoredRow[]> {
  const keyPath = table.schema.primKey.keyPath;
  if (typeof keyPath !== 'string') throw new Error(`readTable: ${table.name} has no simple primary key`);
  const out: StoredRow[] = [];
  let after: K | undefined;
  for (;;) {
    const rows = await (after === undefined ? table.orderBy(':id').limit(CHUNK).toArray() : table.where(':id').above(after).limit(CHUNK).toArray());
    for (const r of rows) if (!keep || keep(r)) out.push(r);
    const last = rows[rows.length - 1];
    if (rows.length < CHUNK || !last) return out;
    after = last[keyPath] as K;
    await yieldToEventLoop();
  }
}

/** Open many rows CHUNK at a time with a yield in between; `lenient` skips a row that does not open or validate. */
export async function openChunked<S extends z.ZodType>(table: TableName, rows: readonly StoredRow[], schema: S, lenient = false): Promise<z.output<S>[]> {
  const out: z.output<S>[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const slice = rows.slice(i, i + CHUNK);
    if (lenient) {
      for (const r of await Promise.allSettled(slice.map((row) => open(table, row, schema)))) if (r.status === 'fulfilled') out.push(r.value);
    } else out.push(...(await Promise.all(slice.map((row) => open(table, row, schema)))));
    if (i + CHUNK < rows.length) await yieldToEventLoop();
  }
  return out;
}
