import { localDay } from '@shared/dates';
import {
  householdDraftSchema,
  HouseholdSchema,
  type Household,
  type HouseholdDraft,
  type Member,
  type ParsedHouseholdDraft,
} from '@shared/domain/household';
import { IntakeDraftSchema, IntakeSchema, type Intake, type IntakeDraft } from '@shared/domain/casefile';
import { assertOpen } from '@shared/domain/casefile-rules';
import { getSession } from '../session';
import { appendAudit, sealAudit } from './audit';
import { newId, nowIso, open, openAll, seal } from './kit';

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
  return (await createHouseholdWithIntake(input)).household;
}

/**
 * A new aanmelding: the household, its key and (optionally) its intake, in ONE transaction,
 * so a failure leaves neither a household without its intake nor an intake without a household.
 */
export async function createHouseholdWithIntake(
  input: HouseholdDraft,
  intakeInput?: IntakeDraft,
): Promise<{ household: Household; intake?: Intake }> {
  const draft = householdDraftSchema(localDay()).parse(input);
  const intakeDraft = intakeInput === undefined ? undefined : IntakeDraftSchema.parse(intakeInput);
  const session = getSession();
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
  const intake: Intake | undefined = intakeDraft
    ? IntakeSchema.parse({
        ...intakeDraft,
        id: newId(),
        householdId: id,
        decidedAt: intakeDraft.decision ? intakeDraft.date : undefined,
        createdAt: now,
      })
    : undefined;
  const { row: keyRow } = await session.newHouseholdKey(id);
  const row = await seal('households', household);
  const intakeRow = intake ? await seal('intakes', intake) : undefined;
  const audit = await sealAudit({ action: 'household.create', entity: 'household', entityId: id });
  const db = session.db;
  await db.transaction('rw', [db.households, db.householdKeys, db.intakes, db.audit], async () => {
    await db.householdKeys.add(keyRow);
    await db.households.add(row);
    if (intakeRow) await db.intakes.add(intakeRow);
    await db.audit.add(audit);
  });
  return intake ? { household, intake } : { household };
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

/** Write a whole household record (used by feature repositories that change status, regisseur …). */
export async function saveHousehold(household: Household, action: 'household.update' | 'household.close' = 'household.update'): Promise<void> {
  const valid = HouseholdSchema.parse(household);
  const row = await seal('households', valid);
  const audit = await sealAudit({ action, entity: 'household', entityId: valid.id });
  const db = getSession().db;
  await db.transaction('rw', [db.households, db.audit], async () => {
    await db.households.put(row);
    await db.audit.add(audit);
  });
}
