import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../renderer/src/data/stores/audit/audit';
import { applyRestore, createBackup, openBackup } from '../../../renderer/src/data/usecases/backup';
import { createHousehold, getHousehold, listHouseholds, saveHousehold } from '../../../renderer/src/data/stores/households/households';
import { eraseHousehold } from '../../../renderer/src/data/usecases/retention';
import { setSession } from '../../../renderer/src/data/session';
import { unlockVault } from '../../../renderer/src/data/vault';
import { freshUnlockedDb, TEST_PASSPHRASE } from '../../support/test-db';

/** A household closed long enough ago that retention proposes it (default term 24 months). */
async function closedLongAgo(name: string): Promise<string> {
  const h = await createHousehold({ displayName: name, members: [{ role: 'ouder', firstName: 'Ans' }] });
  const current = await getHousehold(h.id);
  if (!current) throw new Error('household missing');
  await saveHousehold({ ...current, status: 'afgesloten', closedAt: '2020-01-01T09:00:00.000Z' }, 'household.close');
  return h.id;
}

/**
 * A store that made a backup, then deleted a household under retention and went on working.
 * Returns the backup and the ids involved; the session is the current store's.
 */
async function storeWithBackupThenRetentionDelete() {
  const { db } = await freshUnlockedDb();
  const kept = await createHousehold({ displayName: 'Familie Blijft', members: [] });
  const doomed = await closedLongAgo('Familie Bewaartermijn');
  const { bytes } = await createBackup();
  await eraseHousehold(doomed, 'delete', '2026-03-01');
  await createHousehold({ displayName: 'Familie Na De Back-up', members: [] });
  const auditBefore = await listAudit(10_000);
  return { db, bytes, kept: kept.id, doomed, auditBefore };
}

describe('restore keeps the audit log and the retention deletes', () => {
  it('the plan names households deleted under retention since the backup; by default they stay deleted', async () => {
    const { db, bytes, kept, doomed, auditBefore } = await storeWithBackupThenRetentionDelete();
    const plan = await openBackup(bytes, TEST_PASSPHRASE);
    expect(plan.retentionDeleted).toEqual([doomed]);

    const result = await applyRestore(plan, db);
    expect(result.leftOut).toBe(1);
    setSession(await unlockVault(db, TEST_PASSPHRASE));
    const ids = (await listHouseholds()).map((h) => h.id);
    expect(ids).toContain(kept);
    expect(ids).not.toContain(doomed);
    // Nothing of it came back: no row of any household-scoped table, and no key.
    expect(await db.householdKeys.get(doomed)).toBeUndefined();
    for (const t of ['intakes', 'plans', 'events', 'notes'] as const) expect(await db.rows(t).where('householdId').equals(doomed).count()).toBe(0);

    // Every audit entry of before the restore is still there (opened with the restored vault's key) …
    const after = await listAudit(10_000);
    const afterIds = new Set(after.map((e) => e.id));
    for (const e of auditBefore) expect(afterIds.has(e.id), `${e.action} kept`).toBe(true);
    expect(after.filter((e) => e.action === 'household.delete' && e.entityId === doomed)).toHaveLength(1);
    // … each once, and the restore event is the newest entry, saying what happened.
    expect(after.length).toBe(new Set(after.map((e) => e.id)).size);
    const restore = after.find((e) => e.action === 'backup.restore');
    expect(restore?.details).toMatchObject({ keptAuditEntries: expect.any(Number), retentionDeletedLeftOut: 1, retentionDeletedReintroduced: 0 });
    expect(Math.max(...after.map((e) => e.seq ?? 0))).toBe(restore?.seq);
  });

  it('brings deleted households back only when the user confirms it', async () => {
    const { db, bytes, doomed } = await storeWithBackupThenRetentionDelete();
    const plan = await openBackup(bytes, TEST_PASSPHRASE);
    await applyRestore(plan, db, undefined, { reintroduceDeleted: true });
    setSession(await unlockVault(db, TEST_PASSPHRASE));
    expect((await listHouseholds()).map((h) => h.id)).toContain(doomed);
    const restore = (await listAudit(10_000)).find((e) => e.action === 'backup.restore');
    expect(restore?.details).toMatchObject({ retentionDeletedLeftOut: 0, retentionDeletedReintroduced: 1 });
  });

  it('keeps the audit log of a store whose vault differs from the backup (entries re-sealed with the restored key)', async () => {
    // A backup from another installation: its own vault and data key.
    await freshUnlockedDb();
    await createHousehold({ displayName: 'Familie Elders', members: [] });
    const { bytes } = await createBackup();
    // The current store: a different vault, its own history.
    const { db } = await freshUnlockedDb();
    await createHousehold({ displayName: 'Familie Hier', members: [] });
    const before = await listAudit(10_000);
    expect(before.length).toBeGreaterThan(0);
    await applyRestore(await openBackup(bytes, TEST_PASSPHRASE), db);
    setSession(await unlockVault(db, TEST_PASSPHRASE));
    const after = await listAudit(10_000);
    for (const e of before) expect(after.some((a) => a.id === e.id && a.action === e.action && a.at === e.at)).toBe(true);
    expect((await listHouseholds()).map((h) => h.displayName)).toEqual(['Familie Elders']);
  });
});
