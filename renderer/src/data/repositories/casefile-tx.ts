import { assertOpen, isOpen } from '@shared/domain/casefile-rules';
import type { Household, HouseholdStatus } from '@shared/domain/household';
import type { WijktafelDB } from '../db';
import { isSourceOf, SourceChanged, sourceOf } from './kit';

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
