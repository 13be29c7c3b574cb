import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../renderer/src/data/migrations';
import { createHousehold } from '../../../renderer/src/data/repositories/households';
import { HOUSEHOLD_SCOPED, KEY_TABLES, PLAIN_FIELDS, openRecord, sealRecord } from '../../../renderer/src/data/records';
import { HouseholdSchema } from '../../../shared/domain/household';
import { freshUnlockedDb } from '../../support/test-db';

const CANARY = 'Kanarie-Zwaluwstaart-7781';

describe('records at rest', () => {
  it('every index of every table is on the plain-field allowlist', () => {
    const latest = MIGRATIONS[MIGRATIONS.length - 1];
    expect(latest).toBeDefined();
    for (const [table, spec] of Object.entries(latest?.stores ?? {})) {
      if (!spec) continue;
      const allow: readonly string[] = PLAIN_FIELDS[table as keyof typeof PLAIN_FIELDS];
      expect(allow, `table ${table} has no allowlist`).toBeDefined();
      for (const idx of spec.split(',').map((s) => s.trim().replace(/^(\+\+|&|\*)/, '').replace(/^\[|\]$/g, ''))) {
        for (const part of idx.split('+')) expect(allow, `${table}.${part} is indexed but not allowlisted`).toContain(part);
      }
    }
  });

  it('stores nothing but allowlisted plain fields and the sealed payload', async () => {
    const { db } = await freshUnlockedDb();
    await createHousehold({
      displayName: `Familie ${CANARY}`,
      wijk: 'Oost',
      members: [{ role: 'ouder', firstName: CANARY, lastName: CANARY, bsn: '111222333', birthDate: '1980-01-01' }],
    });
    for (const table of db.tables) {
      const allow: readonly string[] = PLAIN_FIELDS[table.name as keyof typeof PLAIN_FIELDS];
      for (const row of await table.toArray()) {
        for (const key of Object.keys(row as object)) {
          if (key === 'enc') continue;
          expect(allow, `${table.name}.${key} is stored in plain text`).toContain(key);
        }
        if (!KEY_TABLES.has(table.name as never)) expect((row as { enc?: unknown }).enc).toBeInstanceOf(Uint8Array);
        expect(JSON.stringify(row)).not.toContain(CANARY);
        expect(JSON.stringify(row)).not.toContain('111222333');
      }
    }
  });

  it('binds a ciphertext to its table and id', async () => {
    const { session } = await freshUnlockedDb();
    const h = HouseholdSchema.parse({
      id: 'a',
      displayName: 'X',
      status: 'actief',
      members: [],
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      lastActivityAt: '2026-01-01T00:00:00.000Z',
    });
    const row = await sealRecord('households', h, session.dataKey);
    expect((await openRecord('households', row, session.dataKey, HouseholdSchema)).displayName).toBe('X');
    await expect(openRecord('households', { ...row, id: 'b' }, session.dataKey, HouseholdSchema)).rejects.toThrow();
    await expect(openRecord('intakes', row, session.dataKey, HouseholdSchema)).rejects.toThrow();
  });

  it('household-scoped tables are sealed with a per-household key', async () => {
    const { db, session } = await freshUnlockedDb();
    const h = await createHousehold({ displayName: 'Familie Smit', members: [] });
    expect(HOUSEHOLD_SCOPED.has('households')).toBe(true);
    const row = await db.households.get(h.id);
    if (!row) throw new Error('row missing');
    // The data key alone cannot open it: it needs the household key.
    await expect(openRecord('households', row, session.dataKey, HouseholdSchema)).rejects.toThrow();
    const hk = await session.householdKey(h.id);
    expect((await openRecord('households', row, hk, HouseholdSchema)).displayName).toBe('Familie Smit');
  });
});
