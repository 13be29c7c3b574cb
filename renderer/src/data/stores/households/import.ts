import { HouseholdSchema, type Household, type ParsedHouseholdDraft } from '@shared/domain/household';
import type { StoredRow } from '../../db';
import { getSession } from '../../session';
import { sealAudit, writeAudit } from '../audit/audit';
import { newId, nowIso, seal } from '../kit';

/**
 * Import households and members from a spreadsheet (CSV or XLSX). Reading and validating are
 * pure (shared/import) and run in the import worker (features/backup/import); this module only
 * writes: all valid households in ONE transaction after every one of them was sealed, so an
 * import is either wholly written or not at all (a full disk aborts it as a whole).
 */
export type ImportProgress = (phase: 'seal' | 'write', fraction: number) => void;

/** Write validated drafts as new households. Returns the ids written, in order. */
export async function importHouseholds(drafts: readonly ParsedHouseholdDraft[], onProgress?: ImportProgress): Promise<string[]> {
  const session = getSession();
  const rows: { key: StoredRow; household: StoredRow }[] = [];
  const now = nowIso();
  const created: Household[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const draft = drafts[i];
    if (!draft) continue;
    const id = newId();
    const household = HouseholdSchema.parse({
      ...draft,
      id,
      status: 'aangemeld',
      members: draft.members.map((m) => ({ ...m, id: m.id ?? newId() })),
      createdAt: now,
      updatedAt: now,
      lastActivityAt: now,
    });
    const { row: keyRow } = await session.newHouseholdKey(id);
    rows.push({ key: keyRow, household: await seal('households', household) });
    created.push(household);
    if (i % 20 === 0 || i === drafts.length - 1) onProgress?.('seal', (i + 1) / drafts.length);
  }
  const audit = await sealAudit({ action: 'import', entity: 'household', details: { households: created.length } });
  const db = session.db;
  onProgress?.('write', 0);
  await db.transaction('rw', [db.households, db.householdKeys, db.audit], async () => {
    await db.householdKeys.bulkAdd(rows.map((r) => r.key));
    await db.households.bulkAdd(rows.map((r) => r.household));
    await writeAudit(db, audit);
  });
  onProgress?.('write', 1);
  return created.map((h) => h.id);
}
