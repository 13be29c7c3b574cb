import { ActionSchema, GoalSchema, NoteSchema, PlanSchema, type Action, type Goal, type Note, type Plan } from '@shared/domain/casefile';
import { assertActionUnderGoal, assertAtMostOneActivePlan, assertLayerReason, isOpen, isRuleViolation } from '@shared/domain/casefile-rules';
import { FeedbackDutySchema, type FeedbackDuty } from '@shared/domain/feedback';
import { DEFAULT_FEEDBACK_DUE_WORKING_DAYS, partnerReportDuty } from '@shared/domain/feedback-rules';
import type { HouseholdStatus } from '@shared/domain/household';
import { AgendaItemSchema, CloseItemRefused, closedFileRefusal, decisionNoteTexts, type AgendaItem, type CloseRefusal } from '@shared/domain/meeting';
import { nlLabel } from '@shared/export/labels';
import type { StoredRow } from '../db';
import { getSession } from '../session';
import { sealAudit, writeAudit } from '../stores/audit/audit';
import { addNoteRows } from '../stores/casefile/intake';
import { addPlanRows, planRowsOf } from '../stores/casefile/plan';
import { putDutyRows } from '../stores/feedback/feedback';
import { householdRow, markActivity } from '../stores/households/touch';
import { isSourceOf, newId, noteSource, nowIso, open, seal } from '../stores/kit';
import { agendaItemRow, getMeeting, loadPeople, loadPlanContext, putAgendaItemRow, readTeamSettings } from '../stores/meetings/meetings';

/*
 * Use case: close an agenda item (meetings × case file × feedback × households × audit).
 * Seal first, then ONE read-write transaction over the declared tables with the "still open?"
 * checks inside it; every write goes through the owning store's writer, which takes the
 * transaction's db.
 */

export type CloseResult = Readonly<{
  item: AgendaItem;
  plan: Plan | null;
  createdPlan: boolean;
  goals: Goal[];
  actions: Action[];
  duties: FeedbackDuty[];
  /** The timeline notes with the item's decisions (more than one only for very many decisions). */
  notes: Note[];
  /** The household's file was closed: the decisions stay on the item (and in the minutes) only. */
  fileClosed: boolean;
}>;

/** The plain status index of the household row: no decryption needed to know whether its file is open. */
function fileIsOpen(row: StoredRow): boolean {
  return isOpen({ status: row.status as HouseholdStatus });
}

/**
 * Close an item: its actions are written into the household's plan and the item is marked
 * discussed, in one transaction. Each action goes under its chosen goal of the active plan, or
 * under a new goal; when the household has NO active plan, one is started today (the team's
 * agreement is the start of a plan — the worker refines it in the case file afterwards).
 *
 * The case file's own rules decide (casefile-rules: action under a goal of the active plan,
 * layer reason, one active plan); its single-record `addAction` is not called because each call
 * is its own transaction, and a half-written set of agreements is worse than none. Invited
 * partners owe the team a report: their feedback duties (feedback-rules partnerReportDuty, due
 * after the team's feedbackDueWorkingDays) are written in the same transaction.
 *
 * A household whose file was closed after it was put on the agenda can still be discussed: the
 * item closes with its decisions on it (they are in the minutes), nothing is written into the
 * read-only file; only actions are refused (closedFileRefusal). Every refusal is a
 * CloseItemRefused with a reason the chair can act on (shared/domain/meeting CLOSE_REFUSALS).
 */
export async function closeItem(itemId: string, today: string): Promise<CloseResult> {
  const db = getSession().db;
  const itemRow = await agendaItemRow(db, itemId);
  if (!itemRow) throw new CloseItemRefused('itemGone');
  const item = await open('agendaItems', itemRow, AgendaItemSchema);
  noteSource(item, itemRow);
  if (item.status === 'besproken') throw new CloseItemRefused('alreadyClosed');
  const [meeting, householdRowBefore] = await Promise.all([getMeeting(item.meetingId), householdRow(db, item.householdId)]);
  if (!meeting) throw new CloseItemRefused('meetingGone');
  if (!householdRowBefore) throw new CloseItemRefused('householdGone');
  const fileOpen = fileIsOpen(householdRowBefore);
  const closedFile = closedFileRefusal(fileOpen, item);
  if (closedFile) throw new CloseItemRefused(closedFile, item.actions[0]?.text);
  const ctx = fileOpen ? await loadPlanContext(item.householdId) : { plan: undefined, goals: [], actions: [] };
  const now = nowIso();

  const writesPlan = item.actions.length > 0;
  const createdPlan = writesPlan && !ctx.plan;
  const plan: Plan | null = ctx.plan ?? (writesPlan ? PlanSchema.parse({ id: newId(), householdId: item.householdId, status: 'actief', startedAt: today, createdAt: now }) : null);
  const newGoals: Goal[] = [];
  const newActions: Action[] = [];
  const goalFor = new Map<string, Goal>(ctx.goals.map((g) => [g.id, g]));
  for (const ma of item.actions) {
    if (!plan) break;
    let goal = ma.goalId ? goalFor.get(ma.goalId) : undefined;
    if (!goal) {
      // The chosen goal is no longer in the active plan (the plan was replaced or the goal removed meanwhile).
      if (!ma.newGoal) throw new CloseItemRefused('goalGone', ma.text);
      // Same domain and text twice in one item: one goal.
      goal = newGoals.find((g) => g.domainId === ma.newGoal?.domainId && g.text === ma.newGoal.text);
      if (!goal) {
        goal = GoalSchema.parse({ id: newId(), householdId: item.householdId, planId: plan.id, domainId: ma.newGoal.domainId, text: ma.newGoal.text, status: 'open', createdAt: now });
        newGoals.push(goal);
      }
    }
    const siblings = [...ctx.actions, ...newActions].filter((a) => a.goalId === goal.id);
    refuseOnRule(() => assertLayerReason(ma, siblings), ma.text);
    const ownerId = ma.owner.kind === 'team_member' || ma.owner.kind === 'contact' ? ma.owner.refId : undefined;
    const action = ActionSchema.parse({
      id: ma.id,
      householdId: item.householdId,
      planId: plan.id,
      goalId: goal.id,
      text: ma.text,
      layer: ma.layer,
      layerReason: ma.layerReason,
      owner: ma.owner,
      ownerId,
      dueDate: ma.dueDate,
      reportTo: ma.reportTo,
      status: 'open',
      meetingId: meeting.id,
      createdAt: now,
    });
    refuseOnRule(() => assertActionUnderGoal(action, goal, plan), ma.text);
    newActions.push(action);
  }
  const [people, settings] = item.invitedContactIds.length ? await Promise.all([loadPeople(), readTeamSettings()]) : [null, null];
  // The team decides how long a partner has for the report (team settings, same rule as every duty).
  const workingDays = settings?.feedbackDueWorkingDays ?? DEFAULT_FEEDBACK_DUE_WORKING_DAYS;
  const duties = item.invitedContactIds.map((contactId) => {
    const contact = people?.contacts.find((c) => c.id === contactId);
    const org = contact && people?.organisations.find((o) => o.id === contact.organisationId);
    return FeedbackDutySchema.parse(
      partnerReportDuty(
        { householdId: item.householdId, meetingId: meeting.id, meetingDate: meeting.date, contactId, contactName: contact?.name, organisation: org?.name, ownerId: item.nominatedById },
        { workingDays, now },
      ),
    );
  });
  const closed = AgendaItemSchema.parse({ ...item, status: 'besproken', closedAt: now, updatedAt: now, writtenActionIds: newActions.map((a) => a.id) });
  // The decisions go onto the household's timeline as (non-internal) notes: the case file's
  // timeline is built from its records, and a decision about a household belongs in its file.
  // Written in Dutch like the exports: it is the record, not UI text. A closed file gets none.
  // No date in the text: the note carries its own, and a date in free text is flagged on export.
  const notes: Note[] = fileOpen
    ? decisionNoteTexts('Besproken in het teamoverleg:', item.decisions.map((d) => `${nlLabel(d.kind)}: ${d.text}`)).map((text) =>
        NoteSchema.parse({ id: newId(), householdId: item.householdId, createdAt: now, authorId: meeting.chairId, internal: false, text }),
      )
    : [];

  const [closedRow, planRow, goalRows, actionRows, dutyRows, noteRows, audit] = await Promise.all([
    seal('agendaItems', closed),
    createdPlan && plan ? seal('plans', plan) : Promise.resolve(null),
    Promise.all(newGoals.map((g) => seal('goals', g))),
    Promise.all(newActions.map((a) => seal('actions', a))),
    Promise.all(duties.map((d) => seal('feedbackDuties', d))),
    Promise.all(notes.map((n) => seal('notes', n))),
    sealAudit({ action: 'plan.change', entity: 'agendaItem', entityId: item.id, details: { meetingId: meeting.id, actions: newActions.length } }),
  ]);
  let fileClosed = !fileOpen;
  await db.transaction('rw', [db.households, db.plans, db.goals, db.actions, db.notes, db.agendaItems, db.feedbackDuties, db.audit], async () => {
    const [stored, household] = await Promise.all([agendaItemRow(db, item.id), householdRow(db, item.householdId)]);
    if (!stored) throw new CloseItemRefused('itemGone');
    // The item is sealed (its status is no plain index): the row must still be the one read
    // above, byte for byte, or it was closed or edited meanwhile (another window) and this
    // close would overwrite that.
    if (!isSourceOf(item, stored)) throw new CloseItemRefused('itemChanged');
    if (!household) throw new CloseItemRefused('householdGone');
    // The file may have been closed while the item was open: re-checked on the plain index here.
    fileClosed = !fileIsOpen(household);
    const refusal = closedFileRefusal(!fileClosed, item);
    if (refusal) throw new CloseItemRefused(refusal, item.actions[0]?.text);
    const writesFile = !fileClosed && (newActions.length > 0 || noteRows.length > 0);
    if (writesFile) await markActivity(db, household, now);
    if (newActions.length > 0 && plan) {
      // Re-check "one active plan" on the plain status index inside the transaction.
      const plans = (await planRowsOf(db, item.householdId)).map((r) => ({ id: String(r.id), status: r.status === 'actief' ? ('actief' as const) : ('vervangen' as const) }));
      if (createdPlan) refuseOnRule(() => assertAtMostOneActivePlan([...plans, { id: plan.id, status: 'actief' }]));
      else if (!plans.some((p) => p.id === plan.id && p.status === 'actief')) throw new CloseItemRefused('planChanged');
      await addPlanRows(db, { plan: planRow, goals: goalRows, actions: actionRows });
    }
    if (writesFile && noteRows.length) await addNoteRows(db, noteRows);
    // Idempotent duty ids: closing again after a failure overwrites, never doubles.
    if (dutyRows.length) await putDutyRows(db, dutyRows);
    await putAgendaItemRow(db, closedRow);
    await writeAudit(db, audit);
  });
  return { item: closed, plan, createdPlan, goals: newGoals, actions: newActions, duties, notes: fileClosed ? [] : notes, fileClosed };
}

/** A case-file rule broken while closing, as the refusal the chair can act on. */
function refuseOnRule(check: () => void, actionText?: string): void {
  try {
    check();
  } catch (e) {
    if (!isRuleViolation(e)) throw e;
    const reason: CloseRefusal =
      e.code === 'action.layerReason' ? 'layerReason' : e.code === 'plan.moreThanOneActive' || e.code === 'plan.changedMeanwhile' ? 'planChanged' : 'goalGone';
    throw new CloseItemRefused(reason, actionText);
  }
}

