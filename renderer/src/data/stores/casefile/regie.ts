import {
  ActionSchema,
  CaseEventSchema,
  CloseDraftSchema,
  HandoverDraftSchema,
  HandoverSchema,
  type CloseDraft,
  type Handover,
  type HandoverDraft,
} from '@shared/domain/casefile';
import {
  RuleViolation,
  applyHandover,
  assertOneRegisseur,
  assertStatusChange,
  closingViolations,
} from '@shared/domain/casefile-rules';
import { HouseholdSchema, type Household, type HouseholdStatus } from '@shared/domain/household';
import { TeamMemberSchema } from '@shared/domain/team';
import type { StoredRow } from '../../db';
import { getSession } from '../../session';
import { sealAudit, writeAudit } from '../audit/audit';
import { countOpenFeedback } from './casefile';
import { getHousehold } from '../households/households';
import { putHouseholdRow } from '../households/touch';
import { newId, nowIso, open, openAll, seal } from '../kit';

async function mustGet(householdId: string): Promise<Household> {
  const h = await getHousehold(householdId);
  if (!h) throw new Error('household not found');
  return h;
}

/** Inside the transaction: the household's plain index still says what we based the change on. */
function assertUnchanged(row: StoredRow | undefined, seen: Household): void {
  if (!row) throw new Error('household not found');
  if (row.status !== seen.status || (row.regisseurId ?? undefined) !== seen.regisseurId) throw new RuleViolation('regisseur.changedMeanwhile');
}

function statusEvent(householdId: string, from: HouseholdStatus, to: HouseholdStatus, at: string) {
  return CaseEventSchema.parse({ id: newId(), householdId, at, kind: 'status_changed', from, to });
}

/**
 * Hand the regie to another team member: a handover record (date, reason, warm-handover note)
 * and the household's regisseur change together, or neither. The first regisseur is a
 * handover from nobody; it makes an `aangemeld` household `actief`.
 */
export async function handOver(householdId: string, expectedFromId: string | undefined, input: HandoverDraft): Promise<Handover> {
  const draft = HandoverDraftSchema.parse(input);
  const before = await mustGet(householdId);
  // The regie goes to a person at the table: an existing, active team member (not a typo'd id,
  // not someone who left). Handing it to the current regisseur is refused by applyHandover.
  const memberRow = await getSession().db.teamMembers.get(draft.toId);
  const member = memberRow ? await open('teamMembers', memberRow, TeamMemberSchema) : undefined;
  if (!member?.active) throw new RuleViolation('regisseur.notMember');
  const now = nowIso();
  const after: Household = { ...applyHandover(before, draft.toId, expectedFromId), updatedAt: now, lastActivityAt: now };
  const handover = HandoverSchema.parse({ ...draft, id: newId(), householdId, fromId: expectedFromId, createdAt: now });
  const event = after.status !== before.status ? statusEvent(householdId, before.status, after.status, now) : undefined;
  const [hRow, xRow, eRow, audit] = await Promise.all([
    seal('households', HouseholdSchema.parse(after)),
    seal('handovers', handover),
    event ? seal('events', event) : Promise.resolve(undefined),
    sealAudit({ action: 'handover', entity: 'household', entityId: householdId }),
  ]);
  const db = getSession().db;
  await db.transaction('rw', [db.households, db.handovers, db.events, db.teamMembers, db.audit], async () => {
    const row = await db.households.get(householdId);
    assertUnchanged(row, before);
    // Again inside the transaction: the member's row may be gone by now.
    if (!(await db.teamMembers.get(draft.toId))) throw new RuleViolation('regisseur.notMember');
    assertOneRegisseur(after);
    await putHouseholdRow(db, hRow);
    await db.handovers.add(xRow);
    if (eRow) await db.events.add(eRow);
    await writeAudit(db, audit);
  });
  return handover;
}

/** aangemeld ⇄ actief ⇄ in evaluatie; the active statuses need a regisseur. */
export async function changeStatus(householdId: string, to: HouseholdStatus): Promise<Household> {
  const before = await mustGet(householdId);
  assertStatusChange(before, to);
  const now = nowIso();
  const after = HouseholdSchema.parse({ ...before, status: to, updatedAt: now, lastActivityAt: now });
  const [hRow, eRow, audit] = await Promise.all([
    seal('households', after),
    seal('events', statusEvent(householdId, before.status, to, now)),
    sealAudit({ action: 'household.update', entity: 'household', entityId: householdId }),
  ]);
  const db = getSession().db;
  await db.transaction('rw', [db.households, db.events, db.audit], async () => {
    assertUnchanged(await db.households.get(householdId), before);
    await putHouseholdRow(db, hRow);
    await db.events.add(eRow);
    await writeAudit(db, audit);
  });
  return after;
}

/**
 * Close a household: outcome note required; open actions and feedback owed must have been
 * acknowledged (closingViolations). Open actions are marked `vervallen` in the same transaction.
 */
export async function closeHousehold(householdId: string, input: CloseDraft): Promise<Household> {
  const draft = CloseDraftSchema.parse(input);
  const db = getSession().db;
  const before = await mustGet(householdId);
  const openRows = await db.actions.where('householdId').equals(householdId).filter((r) => r.status === 'open').toArray();
  const openFeedback = await countOpenFeedback(householdId);
  const violations = closingViolations({
    status: before.status,
    outcome: draft.outcome,
    openActions: openRows.length,
    openFeedback,
    acknowledgeOpen: draft.acknowledgeOpen,
  });
  const first = violations[0];
  if (first) throw new RuleViolation(first);
  const now = nowIso();
  const dropped = (await openAll('actions', openRows, ActionSchema)).map((a) => ActionSchema.parse({ ...a, status: 'vervallen' }));
  const after = HouseholdSchema.parse({ ...before, status: 'afgesloten', outcome: draft.outcome, closedAt: now, updatedAt: now, lastActivityAt: now });
  const [hRow, actionRows, eRow, audit] = await Promise.all([
    seal('households', after),
    Promise.all(dropped.map((a) => seal('actions', a))),
    seal('events', statusEvent(householdId, before.status, 'afgesloten', now)),
    sealAudit({ action: 'household.close', entity: 'household', entityId: householdId, details: { droppedActions: dropped.length } }),
  ]);
  await db.transaction('rw', [db.households, db.actions, db.events, db.audit], async () => {
    assertUnchanged(await db.households.get(householdId), before);
    const openNow = await db.actions.where('householdId').equals(householdId).filter((r) => r.status === 'open').primaryKeys();
    if (openNow.length !== openRows.length) throw new RuleViolation('plan.changedMeanwhile');
    await db.actions.bulkPut(actionRows);
    await putHouseholdRow(db, hRow);
    await db.events.add(eRow);
    await writeAudit(db, audit);
  });
  return after;
}
