import type { IndexableType, Table } from 'dexie';
import type { StoredRow, TableName, WijktafelDB } from '../db';
import type { StoreTables } from './scope';
import { tables as audit } from './audit/tables';
import { tables as casefile } from './casefile/tables';
import { tables as feedback } from './feedback/tables';
import { tables as households } from './households/tables';
import { tables as meetings } from './meetings/tables';
import { tables as partners } from './partners/tables';
import { tables as team } from './team/tables';
import { tables as vault } from './vault/tables';

/**
 * Which store owns which table, and which tables hold records of one household.
 *
 * Every table has exactly one owning store (renderer/src/data/stores/<store>/); only that
 * store's files read or write it. ESLint holds this (tools/eslint/table-ownership.js, wired in
 * eslint.config.js with the same lists; tests/unit/data/table-ownership.test.ts checks that the
 * two agree). A transaction over several stores' tables is a use case (data/usecases/), which
 * declares the tables and calls store writers that take the transaction.
 *
 * 'household-scoped': every row belongs to one household and carries its id (`householdId`, or
 * `id` for the household itself), so "every record of household X" is householdRecords() below,
 * used by retention (erase), inzage and — next — handover and sync.
 *
 * When adding a table: add it to db.ts and a migration, to records.ts (plain fields), to the
 * owning store's tables.ts, and to that store's list in eslint.config.js.
 */
export type { StoreTables, TableScope } from './scope';

export const STORES = { households, casefile, partners, team, meetings, feedback, audit, vault } as const;
export type StoreName = keyof typeof STORES;

type Owned = { [S in StoreName]: keyof (typeof STORES)[S] }[StoreName];
// A compile error here means a table has no owning store (or a name is misspelt).
const everyTableOwned: Record<TableName, true> = Object.fromEntries(
  Object.values(STORES).flatMap((t) => Object.keys(t).map((name) => [name, true])),
) as Record<Owned, true>;

/** The store that owns each table. */
export const TABLE_OWNER: Readonly<Record<TableName, StoreName>> = Object.fromEntries(
  (Object.entries(STORES) as [StoreName, StoreTables][]).flatMap(([store, t]) => Object.keys(t).map((name) => [name, store])),
) as Record<TableName, StoreName>;

/** The tables whose every row belongs to one household, in the order the stores declare them. */
export const HOUSEHOLD_TABLES: readonly TableName[] = (Object.values(STORES) as StoreTables[]).flatMap((t) =>
  (Object.keys(t) as TableName[]).filter((name) => t[name] === 'household-scoped'),
);
void everyTableOwned;

/** The field that names the household in a household-scoped table. */
export function householdKeyOf(table: TableName): 'id' | 'householdId' {
  return table === 'households' ? 'id' : 'householdId';
}

/** One household-scoped table narrowed to the rows of one household (a Dexie collection). */
export function householdRows(db: WijktafelDB, table: TableName, householdId: string) {
  return (db.table(table) as Table<StoredRow, IndexableType>).where(householdKeyOf(table)).equals(householdId);
}

/**
 * Every stored record of one household, per table, still sealed: "which records make up this
 * household?" in one place. Call it inside a transaction over HOUSEHOLD_TABLES for a consistent
 * view (retention erases with it; handover and sync will move it).
 */
export async function householdRecords(db: WijktafelDB, householdId: string): Promise<Record<TableName, StoredRow[]>> {
  const entries = await Promise.all(HOUSEHOLD_TABLES.map(async (t) => [t, await householdRows(db, t, householdId).toArray()] as const));
  return Object.fromEntries(entries) as Record<TableName, StoredRow[]>;
}
