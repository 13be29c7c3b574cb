import { IntakeDraftSchema, IntakeSchema, type Intake, type IntakeDraft } from '@shared/domain/casefile';
import { localDay } from '@shared/dates';
import { householdDraftSchema, type Household, type HouseholdDraft } from '@shared/domain/household';
import { getSession } from '../session';
import { sealAudit, writeAudit } from '../stores/audit/audit';
import { addIntakeRow } from '../stores/casefile/intake';
import { addHouseholdRows, prepareHousehold } from '../stores/households/households';
import { nowIso, newId, seal } from '../stores/kit';

/**
 * Use case: a new aanmelding (households × case file × audit): the household, its key and
 * (optionally) its intake, sealed first and written in ONE transaction, so a failure leaves
 * neither a household without its intake nor an intake without a household.
 */
export async function createHouseholdWithIntake(
  input: HouseholdDraft,
  intakeInput?: IntakeDraft,
): Promise<{ household: Household; intake?: Intake }> {
  // Both drafts are validated (the household's first) before a key is made or anything sealed.
  householdDraftSchema(localDay()).parse(input);
  const intakeDraft = intakeInput === undefined ? undefined : IntakeDraftSchema.parse(intakeInput);
  const prepared = await prepareHousehold(input);
  const { household } = prepared;
  const intake: Intake | undefined = intakeDraft
    ? IntakeSchema.parse({
        ...intakeDraft,
        id: newId(),
        householdId: household.id,
        decidedAt: intakeDraft.decision ? intakeDraft.date : undefined,
        createdAt: nowIso(),
      })
    : undefined;
  const intakeRow = intake ? await seal('intakes', intake) : undefined;
  const audit = await sealAudit({ action: 'household.create', entity: 'household', entityId: household.id });
  const db = getSession().db;
  await db.transaction('rw', [db.households, db.householdKeys, db.intakes, db.audit], async () => {
    await addHouseholdRows(db, prepared);
    if (intakeRow) await addIntakeRow(db, intakeRow);
    await writeAudit(db, audit);
  });
  return intake ? { household, intake } : { household };
}
