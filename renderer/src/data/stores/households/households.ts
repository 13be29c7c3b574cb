import { localDay } from '@shared/dates';
import {
  householdDraftSchema,
  HouseholdSchema,
  type Household,
  type HouseholdDraft,
  type Member,
  type ParsedHouseholdDraft,
} from '@shared/domain/household';
import { assertOpen } from '@shared/domain/casefile-rules';
import type { StoredRow, WijktafelDB } from '../../db';
import { getSession } from '../../session';
import { appendAudit, sealAudit, writeAudit } from '../audit/audit';
import { newId, nowIso, open, openAll, seal } from '../kit';

/** Households are the unit of work. Members live inside the household record (one sealed payload). */
export async function listHouseholds(): Promise<Household[]> {
  const rows = await getSession().db.households.toArray();
  return openAll('households', rows, HouseholdSchema);
}

export async function getHousehold(id: string): Promise<Household | null> {
  const row = await getSession().db.households.get(id);
  if (!row) return null;
  return open('households', row, HouseholdSchema);
}

/**
 * "Someone opened this household's file": logged once per opening of the page, not per read —
 * the page re-reads its data whenever another feature may have changed it.
 */
export async function logHouseholdView(id: string): Promise<void> {
  await appendAudit({ action: 'household.view', entity: 'household', entityId: id });
}

function membersFrom(draft: ParsedHouseholdDraft): Member[] {
  return draft.members.map((m) => ({ ...m, id: m.id ?? newId() }));
}

/** Create a household from a form draft. Validates first: an invalid draft writes nothing. */
export async function createHousehold(input: HouseholdDraft): Promise<Household> {
  const prepared = await prepareHousehold(input);
  const audit = await sealAudit({ action: 'household.create', entity: 'household', entityId: prepared.household.id });
  const db = getSession().db;
  await db.transaction('rw', [db.households, db.householdKeys, db.audit], async () => {
    await addHouseholdRows(db, prepared);
    await writeAudit(db, audit);
  });
  return prepared.household;
}

export type PreparedHousehold = Readonly<{ household: Household; row: StoredRow; keyRow: StoredRow }>;

/**
 * A new household (status aangemeld) from a form draft, with its new key, sealed and not yet
 * written: createHousehold and the create-intake use case write it in their own transaction.
 */
export async function prepareHousehold(input: HouseholdDraft): Promise<PreparedHousehold> {
  const draft = householdDraftSchema(localDay()).parse(input);
  const id = newId();
  const now = nowIso();
  const household = HouseholdSchema.parse({
    ...draft,
    id,
    status: 'aangemeld',
    members: membersFrom(draft),
    createdAt: now,
    updatedAt: now,
    lastActivityAt: now,
  });
  const { row: keyRow } = await getSession().newHouseholdKey(id);
  const row = await seal('households', household);
  return { household, row, keyRow };
}

/** Write a prepared household and its key inside the caller's transaction. */
export async function addHouseholdRows(db: WijktafelDB, prepared: PreparedHousehold): Promise<void> {
  await db.householdKeys.add(prepared.keyRow);
  await db.households.add(prepared.row);
}

/** Replace the editable part of a household. */
export async function updateHousehold(id: string, input: HouseholdDraft): Promise<Household> {
  const draft = householdDraftSchema(localDay()).parse(input);
  const existing = await getHousehold(id);
  if (!existing) throw new Error('household not found');
  assertOpen(existing);
  const now = nowIso();
  const household = HouseholdSchema.parse({
    ...existing,
    ...draft,
    members: membersFrom(draft),
    updatedAt: now,
    lastActivityAt: now,
  });
  await saveHousehold(household, 'household.update');
  return household;
}

/** Write a whole household record (used by stores and use cases that change status, regisseur …). */
export async function saveHousehold(household: Household, action: 'household.update' | 'household.close' = 'household.update'): Promise<void> {
  const valid = HouseholdSchema.parse(household);
  const row = await seal('households', valid);
  const audit = await sealAudit({ action, entity: 'household', entityId: valid.id });
  const db = getSession().db;
  await db.transaction('rw', [db.households, db.audit], async () => {
    await db.households.put(row);
    await writeAudit(db, audit);
  });
}
