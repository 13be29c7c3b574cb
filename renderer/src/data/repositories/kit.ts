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
