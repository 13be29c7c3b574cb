import { assertOpen, isOpen } from '@shared/domain/casefile-rules';
import { HouseholdSchema, type Household, type HouseholdStatus } from '@shared/domain/household';
import type { StoredRow, WijktafelDB } from '../../db';
import { getSession } from '../../session';
import { isSourceOf, nowIso, open, seal, SourceChanged, sourceOf } from '../kit';

/**
 * Inside a case-file write transaction: the household must exist and be open (read from its
 * plain `status` index, no decryption needed), and the write counts as activity for the case
 * list's "last activity" sort (a plain index field, so updating it needs no re-sealing).
 * With `seen` (the household as on screen, its source noted) no read comes first: see below;
 * the caller catches SourceChanged and starts over without it.
 */
export async function touchOpenHousehold(db: WijktafelDB, householdId: string, now: string, seen?: Household): Promise<void> {
  const known = seen?.id === householdId ? sourceOf(seen) : undefined;
  if (seen && known && isOpen({ status: known.status as HouseholdStatus })) {
    // The row the worker's screen came from is written back at once, next to the read that
    // checks it is still what is stored (the read runs first); a mismatch aborts the transaction.
    const [stored] = await Promise.all([db.households.get(householdId), db.households.put({ ...known, lastActivityAt: now })]);
    if (!isSourceOf(seen, stored)) throw new SourceChanged();
    return;
  }
  const row = await db.households.get(householdId);
  if (!row) throw new Error('household not found');
  assertOpen({ status: row.status as HouseholdStatus });
  // put of the row just read, not update(): update would read it a second time.
  await db.households.put({ ...row, lastActivityAt: now });
}

/** The stored household row (plain status index, sealed payload), for a use case's transaction. */
export function householdRow(db: WijktafelDB, householdId: string): Promise<StoredRow | undefined> {
  return db.households.get(householdId);
}

/** Count a write as activity on a household row just read in the same transaction (no re-sealing). */
export function markActivity(db: WijktafelDB, row: StoredRow, now: string): Promise<unknown> {
  // put of the row just read, not update(): update would read it a second time.
  return db.households.put({ ...row, lastActivityAt: now });
}

/** The household record with lastActivityAt set to now, sealed (for the caller's transaction); null when it is gone. */
export async function sealHouseholdActivity(householdId: string): Promise<StoredRow | null> {
  const row = await getSession().db.households.get(householdId);
  if (!row) return null;
  const h = await open('households', row, HouseholdSchema);
  return seal('households', HouseholdSchema.parse({ ...h, lastActivityAt: nowIso() }));
}

/** Write a sealed household row inside a use case's transaction. */
export function putHouseholdRow(db: WijktafelDB, row: StoredRow): Promise<unknown> {
  return db.households.put(row);
}

/** The stored rows of some households (plain status index), inside a use case's transaction. */
export function householdRowsOf(db: WijktafelDB, ids: readonly string[]): Promise<(StoredRow | undefined)[]> {
  return db.households.bulkGet([...ids]);
}

/** The ids of closed households, from the plain status index (nothing decrypted). */
export async function closedHouseholdIds(db: WijktafelDB): Promise<string[]> {
  return (await db.households.where('status').equals('afgesloten').primaryKeys()).map(String);
}
