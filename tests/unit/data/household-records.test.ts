/**
 * householdRecords(db, id) is "every record of household X": a row in every household-scoped
 * table for two households, and each call returns exactly the rows of its own household, its
 * key included — nothing of the other household, nothing of the team's tables.
 */
import { describe, expect, it } from 'vitest';
import type { TableName } from '../../../renderer/src/data/db';
import { HOUSEHOLD_SCOPED } from '../../../renderer/src/data/records';
import { getSession } from '../../../renderer/src/data/session';
import { createHousehold } from '../../../renderer/src/data/stores/households/households';
import { newId, seal } from '../../../renderer/src/data/stores/kit';
import { HOUSEHOLD_TABLES, householdRecords } from '../../../renderer/src/data/stores/tables';
import { freshUnlockedDb } from '../../support/test-db';

const CHILD_TABLES = [...HOUSEHOLD_SCOPED].filter((t) => t !== 'households');

async function householdWithRows(name: string): Promise<string> {
  const h = await createHousehold({ displayName: name, members: [] });
  for (const table of CHILD_TABLES) {
    const record = table === 'assessments' ? { id: newId(), householdId: h.id, domainId: 'financien', date: '2020-01-01' } : { id: newId(), householdId: h.id };
    await getSession().db.rows(table).add(await seal(table, record));
  }
  return h.id;
}

describe('householdRecords', () => {
  it('returns one row per household-scoped table for each household, and only its own', async () => {
    const { db } = await freshUnlockedDb();
    const a = await householdWithRows('Familie A');
    const b = await householdWithRows('Familie B');
    await db.knelpunten.add(await seal('knelpunten', { id: newId(), title: 'team-breed' }));

    const ofA = await householdRecords(db, a);
    expect(Object.keys(ofA).sort()).toEqual([...HOUSEHOLD_TABLES].sort());
    for (const table of HOUSEHOLD_TABLES) {
      const rows = ofA[table as TableName];
      expect(rows, table).toHaveLength(1);
      expect(rows[0]?.[table === 'households' ? 'id' : 'householdId'], table).toBe(a);
    }
    const ofB = await householdRecords(db, b);
    expect(ofB.households[0]?.id).toBe(b);
    expect(ofB.householdKeys[0]?.householdId).toBe(b);
    expect(Object.keys(ofB)).not.toContain('knelpunten');
  });
});
