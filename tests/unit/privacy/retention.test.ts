import { describe, expect, it } from 'vitest';
import type { TableName, WijktafelDB } from '../../../renderer/src/data/db';
import { HOUSEHOLD_SCOPED } from '../../../renderer/src/data/records';
import { listAudit } from '../../../renderer/src/data/stores/audit/audit';
import { createHousehold, getHousehold, saveHousehold } from '../../../renderer/src/data/stores/households/households';
import { newId, seal } from '../../../renderer/src/data/stores/kit';
import {
  addMonths,
  eraseHousehold,
  listAnonymousAggregates,
  NotDueError,
  retentionCandidates,
} from '../../../renderer/src/data/usecases/retention';
import { getSession, setSession } from '../../../renderer/src/data/session';
import { unlockVault } from '../../../renderer/src/data/vault';
import { freshUnlockedDb, TEST_PASSPHRASE } from '../../support/test-db';

const CANARY = 'Bewaarkanarie-Roodborst-4417';
const CHILD_TABLES = [...HOUSEHOLD_SCOPED].filter((t) => t !== 'households');

/** A closed household with a row in every household-scoped table, each holding the canary. */
async function closedHousehold(closedAt: string, name = `Familie ${CANARY}`) {
  const h = await createHousehold({ displayName: name, wijk: 'Noord', members: [{ role: 'ouder', firstName: CANARY, bsn: '111222333' }] });
  for (const table of CHILD_TABLES) {
    const record =
      table === 'assessments'
        ? { id: newId(), householdId: h.id, domainId: 'financien', narrative: CANARY, date: '2020-01-01' }
        : { id: newId(), householdId: h.id, text: CANARY };
    const row = await seal(table, record);
    await getSession().db.rows(table).add(row);
  }
  const current = await getHousehold(h.id);
  if (!current) throw new Error('household missing');
  await saveHousehold({ ...current, status: 'afgesloten', closedAt }, 'household.close');
  return h.id;
}

/** Every row of every table, plain parts only (ciphertext is opaque), as one string. */
async function plainDump(db: WijktafelDB): Promise<string> {
  const out: unknown[] = [];
  for (const t of db.tables) {
    for (const row of await t.toArray()) {
      const { enc: _enc, wrapped: _w, ...plain } = row as Record<string, unknown>;
      out.push(t.name, plain);
    }
  }
  return JSON.stringify(out);
}

describe('retention (bewaartermijn)', () => {
  it('adds calendar months, clamping to the end of the month', () => {
    expect(addMonths('2024-01-31T10:00:00.000Z', 1)).toBe('2024-02-29');
    expect(addMonths('2023-05-15', 24)).toBe('2025-05-15');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
  });

  it('proposes only closed households past the term (default 24 months)', async () => {
    await freshUnlockedDb();
    const old = await closedHousehold('2022-03-01T09:00:00.000Z', 'Familie Oud');
    await closedHousehold('2025-06-01T09:00:00.000Z', 'Familie Recent');
    await createHousehold({ displayName: 'Familie Open', members: [] });
    expect((await retentionCandidates('2024-02-29')).map((c) => c.id)).toEqual([]);
    const due = await retentionCandidates('2024-03-01');
    expect(due.map((c) => c.id)).toEqual([old]);
    expect(due[0]?.expiredOn).toBe('2024-03-01');
  });

  it("uses the team's own term when it is set", async () => {
    const { db } = await freshUnlockedDb();
    const id = await closedHousehold('2025-01-10T09:00:00.000Z');
    await db.settings.put(await seal('settings', { id: 'team', name: 'Team Noord', retentionMonths: 6 }));
    expect((await retentionCandidates('2025-07-09')).map((c) => c.id)).toEqual([]);
    expect((await retentionCandidates('2025-07-10')).map((c) => c.id)).toEqual([id]);
  });

  it('after a confirmed delete nothing of the household remains in any table, and its key is destroyed', async () => {
    const { db, session } = await freshUnlockedDb();
    const keep = await createHousehold({ displayName: 'Familie Blijft', members: [] });
    const id = await closedHousehold('2020-01-01T00:00:00.000Z');
    const sealedBefore = await db.households.get(id);
    if (!sealedBefore) throw new Error('row missing');
    for (const t of CHILD_TABLES) expect(await db.rows(t).where('householdId').equals(id).count(), t).toBe(1);
    expect(await plainDump(db)).toContain(id);

    const { rowsRemoved } = await eraseHousehold(id, 'delete', '2026-01-01');
    expect(rowsRemoved).toBe(1 + CHILD_TABLES.length);

    for (const t of [...HOUSEHOLD_SCOPED, 'householdKeys'] as TableName[]) {
      const left = await db.rows(t).filter((r) => r.householdId === id || r.id === id).count();
      expect(left, `${t} still holds rows of the household`).toBe(0);
    }
    // The id only lives on inside the sealed audit entry; no plain field of any row names it.
    expect(await plainDump(db)).not.toContain(id);
    // Crypto-shredding: the old ciphertext (which LevelDB may keep on disk) can no longer be opened.
    await expect(session.householdKey(id)).rejects.toThrow('no key');
    setSession(await unlockVault(db, TEST_PASSPHRASE));
    await expect(getSession().householdKey(id)).rejects.toThrow('no key');
    expect((await getHousehold(keep.id))?.displayName).toBe('Familie Blijft');

    const entries = await listAudit();
    const del = entries.find((e) => e.action === 'household.delete');
    expect(del).toMatchObject({ entity: 'household', entityId: id, details: { reason: 'bewaartermijn', closedYear: 2020 } });
    expect(JSON.stringify(entries)).not.toContain(CANARY);
    expect(JSON.stringify(entries)).not.toContain('Familie');
  });

  it('anonymise keeps only aggregates (no id, no name, no text), then deletes everything else', async () => {
    const { db } = await freshUnlockedDb();
    const id = await closedHousehold('2021-05-20T00:00:00.000Z');
    await db.knelpunten.add(await seal('knelpunten', { id: newId(), title: 'Wachtlijst schuldhulp', householdIds: [id] }));
    await db.knelpunten.add(await seal('knelpunten', { id: newId(), title: 'Iets anders', householdIds: [] }));
    await eraseHousehold(id, 'anonymise', '2026-01-01');
    const aggregates = await listAnonymousAggregates();
    expect(aggregates).toHaveLength(1);
    expect(aggregates[0]).toMatchObject({ closedYear: 2021, wijk: 'Noord', memberCount: 1, domainIds: ['financien'], knelpuntLinks: 1 });
    const text = JSON.stringify(aggregates);
    expect(text).not.toContain(id);
    expect(text).not.toContain(CANARY);
    for (const t of HOUSEHOLD_SCOPED) expect(await db.rows(t).filter((r) => r.householdId === id || r.id === id).count()).toBe(0);
    expect(await db.householdKeys.get(id)).toBeUndefined();
    expect((await listAudit()).some((e) => e.action === 'household.anonymise' && e.entityId === id)).toBe(true);
  });

  it('refuses a household that is not due, and writes nothing', async () => {
    const { db } = await freshUnlockedDb();
    const open = await createHousehold({ displayName: 'Familie Open', members: [] });
    const recent = await closedHousehold('2025-12-01T00:00:00.000Z');
    const before = await plainDump(db);
    await expect(eraseHousehold(open.id, 'delete', '2026-01-01')).rejects.toBeInstanceOf(NotDueError);
    await expect(eraseHousehold(recent, 'delete', '2026-01-01')).rejects.toBeInstanceOf(NotDueError);
    expect(await plainDump(db)).toBe(before);
  });
});
