import { assertOpen } from '@shared/domain/casefile-rules';
import type { HouseholdStatus } from '@shared/domain/household';
import type { WijktafelDB } from '../db';

/**
 * Inside a case-file write transaction: the household must exist and be open (read from its
 * plain `status` index, no decryption needed), and the write counts as activity for the case
 * list's "last activity" sort (a plain index field, so updating it needs no re-sealing).
 */
export async function touchOpenHousehold(db: WijktafelDB, householdId: string, now: string): Promise<void> {
  const row = await db.households.get(householdId);
  if (!row) throw new Error('household not found');
  assertOpen({ status: row.status as HouseholdStatus });
  // put of the row just read, not update(): update would read it a second time.
  await db.households.put({ ...row, lastActivityAt: now });
}
