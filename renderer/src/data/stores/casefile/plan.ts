import {
  ActionDraftSchema,
  ActionProgressSchema,
  ActionSchema,
  GoalDraftSchema,
  GoalSchema,
  NewPlanDraftSchema,
  PlanSchema,
  type Action,
  type ActionDraft,
  type ActionProgress,
  type Goal,
  type GoalDraft,
  type NewPlanDraft,
  type Plan,
} from '@shared/domain/casefile';
import {
  RuleViolation,
  assertActionUnderGoal,
  assertAtMostOneActivePlan,
  assertLayerReason,
  replacePlan,
} from '@shared/domain/casefile-rules';
import type { Household } from '@shared/domain/household';
import type { StoredRow, WijktafelDB } from '../../db';
import { getSession } from '../../session';
import { sealAudit, writeAudit } from '../audit/audit';
import { touchOpenHousehold } from '../households/touch';
import { isSourceOf, newId, nowIso, noteSource, openAll, seal, SourceChanged, sourceOf } from '../kit';

type PlanView = Pick<Plan, 'id' | 'status'>;
const planView = (r: StoredRow): PlanView => ({ id: String(r.id), status: r.status === 'actief' ? 'actief' : 'vervangen' });

/**
 * "Nieuw plan": the active plan is archived read-only and the new one becomes active, in one
 * transaction. Inside it the plans' plain `status` index is re-read: if the active plan is not
 * the one archived here (someone started a plan meanwhile) nothing is written, and the final
 * set is checked against "at most one active plan" before any write.
 */
export async function startPlan(householdId: string, input: NewPlanDraft): Promise<Plan> {
  const draft = NewPlanDraftSchema.parse(input);
  const db = getSession().db;
  const now = nowIso();
  const existing = await openAll('plans', await db.plans.where('householdId').equals(householdId).toArray(), PlanSchema);
  const plan = PlanSchema.parse({ ...draft, id: newId(), householdId, status: 'actief', createdAt: now });
  const archived = replacePlan(existing, plan, draft.startedAt);
  const [row, archivedRows, audit] = await Promise.all([
    seal('plans', plan),
    Promise.all(archived.map((p) => seal('plans', p))),
    sealAudit({ action: 'plan.change', entity: 'plan', entityId: plan.id }),
  ]);
  await db.transaction('rw', [db.households, db.plans, db.audit], async () => {
    await touchOpenHousehold(db, householdId, now);
    const current = (await db.plans.where('householdId').equals(householdId).toArray()).map(planView);
    const activeNow = current.filter((p) => p.status === 'actief').map((p) => p.id).sort();
    const activeSeen = archived.map((p) => p.id).sort();
    if (activeNow.join() !== activeSeen.join()) throw new RuleViolation('plan.changedMeanwhile');
    const after = current.map((p) => (activeSeen.includes(p.id) ? { ...p, status: 'vervangen' as const } : p));
    assertAtMostOneActivePlan([...after, plan]);
    await db.plans.bulkPut(archivedRows);
    await db.plans.add(row);
    await writeAudit(db, audit);
  });
  return plan;
}

/** Checks, inside the transaction, that the plan is this household's active plan. */
async function assertActivePlan(householdId: string, planId: string): Promise<void> {
  const db = getSession().db;
  const row = await db.plans.get(planId);
  if (!row || row.householdId !== householdId || row.status !== 'actief') throw new RuleViolation('plan.archivedReadOnly');
}

export async function addGoal(householdId: string, planId: string, input: GoalDraft): Promise<Goal> {
  const draft = GoalDraftSchema.parse(input);
  const now = nowIso();
  const goal = GoalSchema.parse({ ...draft, id: newId(), householdId, planId, status: 'open', createdAt: now });
  const [row, audit] = await Promise.all([seal('goals', goal), sealAudit({ action: 'plan.change', entity: 'goal', entityId: goal.id })]);
  const db = getSession().db;
  await db.transaction('rw', [db.households, db.plans, db.goals, db.audit], async () => {
    await touchOpenHousehold(db, householdId, now);
    await assertActivePlan(householdId, planId);
    await db.goals.add(row);
    await writeAudit(db, audit);
  });
  return goal;
}

/**
 * An action under a goal of the active plan. The layer rule needs the siblings' layers, which
 * are sealed, so they are decrypted before the transaction; inside it the goal's action ids
 * are re-read and the write is refused if they changed meanwhile.
 */
export async function addAction(householdId: string, input: ActionDraft): Promise<Action> {
  const draft = ActionDraftSchema.parse(input);
  const db = getSession().db;
  const now = nowIso();
  const goalRow = await db.goals.get(draft.goalId);
  if (!goalRow || goalRow.householdId !== householdId) throw new RuleViolation('action.noGoal');
  const planId = String(goalRow.planId);
  const siblingRows = await db.actions.where('goalId').equals(draft.goalId).toArray();
  const siblings = await openAll('actions', siblingRows, ActionSchema);
  assertLayerReason(draft, siblings);
  const ownerId = draft.owner.kind === 'team_member' || draft.owner.kind === 'contact' ? draft.owner.refId : undefined;
  const action = ActionSchema.parse({
    ...draft,
    // A reason given where none was needed is kept: it is the worker's own explanation.
    id: newId(),
    householdId,
    planId,
    ownerId,
    status: 'open',
    createdAt: now,
  });
  const [row, audit] = await Promise.all([seal('actions', action), sealAudit({ action: 'plan.change', entity: 'action', entityId: action.id })]);
  await db.transaction('rw', [db.households, db.plans, db.goals, db.actions, db.audit], async () => {
    await touchOpenHousehold(db, householdId, now);
    const goal = await db.goals.get(draft.goalId);
    const plan = await db.plans.get(planId);
    assertActionUnderGoal(
      action,
      goal && { id: String(goal.id), householdId: String(goal.householdId), planId: String(goal.planId) },
      plan && planView(plan),
    );
    const idsNow = (await db.actions.where('goalId').equals(draft.goalId).primaryKeys()).map(String).sort();
    if (idsNow.join() !== siblings.map((s) => s.id).sort().join()) throw new RuleViolation('plan.changedMeanwhile');
    await db.actions.add(row);
    await writeAudit(db, audit);
  });
  return action;
}

/** What the worker saw when starting a change: the record on screen and its household. */
export type Seen<T> = Readonly<{ record: T; household?: Household | undefined }>;

/**
 * Status and result of an action ("gedaan" needs a result: that is what is reported back).
 *
 * With `seen` (the action and household on screen, their stored rows noted when the case file
 * was read), the change is sealed from the action at once and ONE round of requests does the
 * rest: the reads that check the household, the plan and that both stored rows are still the
 * ones on screen, and the writes. Only if something changed meanwhile (the transaction aborts,
 * nothing is written) is the action read and decrypted and the change applied to what is stored
 * now — the result is the same either way (docs/adr/0004-performance.md, finding 13).
 */
export async function updateActionProgress(householdId: string, actionId: string, input: ActionProgress, today: string, seen?: Seen<Action>): Promise<Action> {
  const draft = ActionProgressSchema.parse(input);
  const base = seen?.record;
  if (base && base.id === actionId && base.householdId === householdId && sourceOf(base)) {
    try {
      return await writeProgress(householdId, base, draft, today, seen);
    } catch (e) {
      if (!(e instanceof SourceChanged)) throw e;
    }
  }
  const row0 = await getSession().db.actions.get(actionId);
  if (!row0 || row0.householdId !== householdId) throw new Error('action not found');
  const [existing] = await openAll('actions', [row0], ActionSchema);
  if (!existing) throw new Error('action not found');
  return writeProgress(householdId, existing, draft, today);
}

/**
 * Seal `existing` with the progress applied and write it with its audit entry. The checks
 * (household open, plan active; with `seen`, the stored rows unchanged) and the writes are
 * issued together; a failed check aborts the transaction, which undoes the writes.
 */
async function writeProgress(householdId: string, existing: Action, draft: ActionProgress, today: string, seen?: Seen<Action>): Promise<Action> {
  const db = getSession().db;
  const now = nowIso();
  const action = ActionSchema.parse({
    ...existing,
    status: draft.status,
    result: draft.result,
    completedAt: draft.status === 'gedaan' ? (draft.completedAt ?? existing.completedAt ?? today) : undefined,
  });
  const [row, audit] = await Promise.all([seal('actions', action), sealAudit({ action: 'plan.change', entity: 'action', entityId: action.id })]);
  await db.transaction('rw', [db.households, db.plans, db.actions, db.audit], async () => {
    const [stored] = await Promise.all([
      seen ? db.actions.get(action.id) : undefined,
      touchOpenHousehold(db, householdId, now, seen?.household),
      assertActivePlan(householdId, action.planId),
      db.actions.put(row),
      writeAudit(db, audit),
    ]);
    if (seen && !isSourceOf(seen.record, stored)) throw new SourceChanged();
  });
  noteSource(action, row);
  return action;
}

/** The plan rows of a household (plain status index only is read), inside a use case's transaction. */
export function planRowsOf(db: WijktafelDB, householdId: string): Promise<StoredRow[]> {
  return db.plans.where('householdId').equals(householdId).toArray();
}

/** Add a sealed new plan (optional), goals and actions inside a use case's transaction. */
export async function addPlanRows(db: WijktafelDB, rows: Readonly<{ plan?: StoredRow | null; goals: readonly StoredRow[]; actions: readonly StoredRow[] }>): Promise<void> {
  if (rows.plan) await db.plans.add(rows.plan);
  await db.goals.bulkAdd([...rows.goals]);
  await db.actions.bulkAdd([...rows.actions]);
}

/** The goal rows of one plan, for a use case (save-evaluation). */
export function goalRowsOfPlan(db: WijktafelDB, planId: string): Promise<StoredRow[]> {
  return db.goals.where('planId').equals(planId).toArray();
}

/** Write a sealed plan and changed goals inside a use case's transaction. */
export async function putPlanAndGoalRows(db: WijktafelDB, plan: StoredRow, goals: readonly StoredRow[]): Promise<void> {
  await db.plans.put(plan);
  if (goals.length) await db.goals.bulkPut([...goals]);
}

/** Write sealed action rows inside a use case's transaction (replace-contact). */
export function putActionRows(db: WijktafelDB, rows: readonly StoredRow[]): Promise<unknown> {
  return db.actions.bulkPut([...rows]);
}

/** Every open action row (plain status index), for a use case that must look into sealed fields. */
export function openActionRows(db: WijktafelDB): Promise<StoredRow[]> {
  return db.actions.where('status').equals('open').toArray();
}
