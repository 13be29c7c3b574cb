import {
  ActionSchema,
  AssessmentSchema,
  GoalSchema,
  IntakeSchema,
  PlanSchema,
  type Action,
  type Assessment,
  type Goal,
  type Intake,
  type Plan,
} from '@shared/domain/casefile';
import {
  ActionResultDraftSchema,
  DEFAULT_ESCALATION_ROUTE,
  EscalationDraftSchema,
  EscalationSchema,
  EvaluationDraftSchema,
  EvaluationSchema,
  FeedbackDoneSchema,
  FeedbackDutySchema,
  KnelpuntDraftSchema,
  KnelpuntSchema,
  type ActionResultDraft,
  type Escalation,
  type EscalationDraft,
  type Evaluation,
  type EvaluationDraft,
  type FeedbackDone,
  type FeedbackDuty,
  type Knelpunt,
  type KnelpuntDraft,
} from '@shared/domain/feedback';
import {
  DEFAULT_EVALUATION_MONTHS,
  DEFAULT_FEEDBACK_DUE_WORKING_DAYS,
  DEFAULT_INACTIVITY_WEEKS,
  EVALUATION_WARNING_DAYS,
  addDays,
  advanceEscalation,
  attentionItems,
  compareAttention,
  deriveDuties,
  dutyIdFor,
  goalStatusAfterEvaluation,
  owedReferrerIntake,
  partnerReportDuty,
  type AttentionItem,
  type LetterInput,
} from '@shared/domain/feedback-rules';
import { HouseholdSchema, type Household } from '@shared/domain/household';
import { householdsToScan } from '@shared/export/knelpunten';
import { namesOf } from '@shared/export/profiles';
import { ConsentSchema, DEFAULT_LIFE_DOMAINS, TeamSettingsSchema, type LifeDomain } from '@shared/domain/partners';
import { AppSettingsSchema, TeamMemberSchema, type TeamMember } from '@shared/domain/team';
import type { Table } from 'dexie';
import type { z } from 'zod';
import { onStoreChange } from '../changes';
import type { StoredRow, TableName } from '../db';
import { getSession, type Session } from '../session';
import { sealAudit } from './audit';
import { assertUnlocked } from './exports';
import { updateActionProgress } from './casefile-plan';
import { backgroundPass, newId, nowIso, open, openChunked, readChunked, readTable, seal } from './kit';

/**
 * Feedback loops: duties (terugkoppeling), evaluations, escalations, knelpunten and the
 * attention list. Case-file tables are only READ here (with the case-file schemas), except
 * where an evaluation writes what an evaluation is: assessments, the plan's next date and the
 * goals' status, in one transaction.
 */

// --- Reading ---------------------------------------------------------------------------------
//
// No memo of opened rows: the attention list is derived per household after writes, so the rows
// of the whole store are opened once per session (and again only on a new day or a change of the
// team's rules). Keeping every opened record for the session held tens of thousands of records in
// memory, which made every full garbage collection longer while typing
// (docs/adr/0004-performance.md).

/** Open rows in short chunks (see kit.ts CHUNK): ten thousand decryptions never hold the page at once. */
function openMany<S extends z.ZodType>(table: TableName, rows: readonly StoredRow[], schema: S): Promise<z.output<S>[]> {
  return openChunked(table, rows, schema);
}

/** Same, but a row that does not open or validate is skipped (another feature's half-migrated row must not blank this one). */
function openManyLenient<S extends z.ZodType>(table: TableName, rows: readonly StoredRow[], schema: S): Promise<z.output<S>[]> {
  return openChunked(table, rows, schema, true);
}

// --- Team rules --------------------------------------------------------------------------------

export type FeedbackRules = Readonly<{
  teamName?: string | undefined;
  workingDays: number;
  evaluationMonths: number;
  inactivityWeeks: number;
  escalationRoute: readonly { label: string; holderId?: string | undefined }[];
  lifeDomains: readonly LifeDomain[];
}>;

/** The team settings this feature uses (owned by the partners feature), with defaults before they exist. */
export async function getFeedbackRules(): Promise<FeedbackRules> {
  const row = await getSession().db.settings.get('team');
  const team = row ? await open('settings', row, TeamSettingsSchema).catch(() => null) : null;
  return {
    teamName: team?.name,
    workingDays: team?.feedbackDueWorkingDays ?? DEFAULT_FEEDBACK_DUE_WORKING_DAYS,
    evaluationMonths: team?.evaluationMonths ?? DEFAULT_EVALUATION_MONTHS,
    inactivityWeeks: team?.inactivityWeeks ?? DEFAULT_INACTIVITY_WEEKS,
    escalationRoute: team?.escalationRoute.length ? team.escalationRoute : DEFAULT_ESCALATION_ROUTE,
    lifeDomains: team?.lifeDomains.length ? team.lifeDomains : DEFAULT_LIFE_DOMAINS,
  };
}

export async function listMembers(): Promise<TeamMember[]> {
  const rows = await getSession().db.teamMembers.toArray();
  return openManyLenient('teamMembers', rows, TeamMemberSchema);
}

export async function currentUserId(): Promise<string | undefined> {
  const row = await getSession().db.settings.get('app');
  if (!row) return undefined;
  const app = await open('settings', row, AppSettingsSchema).catch(() => null);
  return app?.currentUserId;
}

// --- Feedback duties -----------------------------------------------------------------------------

const BATCH = 400;

async function putBatched(table: 'feedbackDuties', rows: readonly StoredRow[]): Promise<void> {
  const db = getSession().db;
  for (let i = 0; i < rows.length; i += BATCH) {
    const slice = rows.slice(i, i + BATCH);
    // add, not put: a duty that exists (maybe already done) is never overwritten by a re-derivation.
    await db.transaction('rw', db.feedbackDuties, async () => {
      const existing = new Set((await db.feedbackDuties.bulkGet(slice.map((r) => String(r.id)))).filter(Boolean).map((r) => String(r?.id)));
      await db.feedbackDuties.bulkAdd(slice.filter((r) => !existing.has(String(r.id))));
    });
  }
}

/**
 * Create the feedback duties the case file calls for and that do not exist yet. Idempotent:
 * duty ids are deterministic, so running it twice creates nothing new. It reads plain index
 * fields first and opens only the rows that could yield a missing duty, so a repeated sync over
 * ten thousand households is mostly key reads.
 */
export async function syncFeedbackDuties(householdId?: string): Promise<number> {
  const db = getSession().db;
  const rules = await getFeedbackRules();
  // One household: one read transaction. The whole store (once per session): key reads first,
  // then only the rows that could still yield a missing duty, in chunks (see readAllCandidates).
  const [dutyKeys, intakeRows, planRows, householdRows, doneActionRows] = householdId
    ? await db.transaction('r', [db.feedbackDuties, db.intakes, db.plans, db.households, db.actions], async () =>
        Promise.all([
          db.feedbackDuties.where('householdId').equals(householdId).primaryKeys(),
          db.intakes.where('householdId').equals(householdId).toArray(),
          db.plans.where('householdId').equals(householdId).toArray(),
          db.households.where('id').equals(householdId).toArray(),
          db.actions.where('householdId').equals(householdId).toArray(),
        ]),
      )
    : await readAllCandidates();
  const existing = new Set(dutyKeys.map(String));
  const missing = (kind: Parameters<typeof dutyIdFor>[0], id: unknown) => !existing.has(dutyIdFor(kind, String(id)));

  const plans = (await openManyLenient('plans', planRows.filter((r) => r.status === 'actief' && missing('plan_made', r.id)), PlanSchema)) as Plan[];
  const closed = householdRows.filter((r) => r.status === 'afgesloten' && missing('closure', r.id));
  const actions = (await openManyLenient('actions', doneActionRows.filter((r) => r.status === 'gedaan' && missing('action_result', r.id)), ActionSchema)) as Action[];
  // Intakes: those without a duty yet, plus every intake of a household that may need a plan or closure duty.
  const needReferrer = new Set<string>([...plans.map((p) => p.householdId), ...closed.map((r) => String(r.id))]);
  const intakes = (await openManyLenient(
    'intakes',
    intakeRows.filter((r) => missing('intake_decision', r.id) || needReferrer.has(String(r.householdId))),
    IntakeSchema,
  )) as Intake[];
  const households = (await openManyLenient('households', closed, HouseholdSchema)) as Household[];
  const closedIds = new Set(households.map((h) => h.id));
  const regisseurs = new Map<string, string | undefined>(householdRows.map((r) => [String(r.id), typeof r.regisseurId === 'string' ? r.regisseurId : undefined]));

  const derived = deriveDuties(
    {
      intakes,
      plans,
      households: [
        ...households,
        // Households that are not closed only contribute their regisseur (the duty's owner).
        ...[...regisseurs].filter(([id]) => !closedIds.has(id)).map(([id, regisseurId]) => ({ id, status: 'open', updatedAt: nowIso(), regisseurId })),
      ],
      actions,
    },
    existing,
    { workingDays: rules.workingDays, now: nowIso() },
  );
  if (derived.length === 0) return 0;
  const rows = await Promise.all(derived.map((d) => seal('feedbackDuties', FeedbackDutySchema.parse(d))));
  await putBatched('feedbackDuties', rows);
  return derived.length;
}

/**
 * For the sync over the whole store: every duty id is derived from the id of its fact (intake,
 * plan, closed household, done action), so the facts that already have their duty are told from
 * primary keys alone. Only the rest is read — with the intakes and regisseurs those need — so a
 * sync at 10,000 households reads keys, not tens of thousands of rows.
 */
async function readAllCandidates(): Promise<[string[], StoredRow[], StoredRow[], StoredRow[], StoredRow[]]> {
  const db = getSession().db;
  const [dutyKeys, intakeIds, planIds, closedIds, doneIds] = await Promise.all([
    db.feedbackDuties.toCollection().primaryKeys(),
    db.intakes.toCollection().primaryKeys(),
    db.plans.where('status').equals('actief').primaryKeys(),
    db.households.where('status').equals('afgesloten').primaryKeys(),
    db.actions.where('status').equals('gedaan').primaryKeys(),
  ]);
  const existing = new Set(dutyKeys.map(String));
  const without = (kind: Parameters<typeof dutyIdFor>[0], ids: readonly string[]) => ids.filter((id) => !existing.has(dutyIdFor(kind, id)));
  const planRows = await readChunked(db.plans, Promise.resolve(without('plan_made', planIds)));
  const closedRows = await readChunked(db.households, Promise.resolve(without('closure', closedIds)));
  const actionRows = await readChunked(db.actions, Promise.resolve(without('action_result', doneIds)));
  const openIntakes = await readChunked(db.intakes, Promise.resolve(without('intake_decision', intakeIds)));
  // A plan or closure duty names the household's referrer: its intakes are needed too.
  const needReferrer = [...new Set([...planRows.map((r) => String(r.householdId)), ...closedRows.map((r) => String(r.id))])];
  const referrerIntakes = needReferrer.length ? await db.intakes.where('householdId').anyOf(needReferrer).toArray() : [];
  const intakeRows = [...new Map([...openIntakes, ...referrerIntakes].map((r) => [String(r.id), r])).values()];
  // Every household a new duty could belong to, for its regisseur (the duty's owner).
  const owners = new Set([...intakeRows, ...planRows, ...actionRows].map((r) => String(r.householdId)));
  for (const r of closedRows) owners.delete(String(r.id));
  const ownerRows = await readChunked(db.households, Promise.resolve([...owners]));
  return [dutyKeys, intakeRows, planRows, [...closedRows, ...ownerRows], actionRows];
}

/** The duty a partner invited to a meeting owes the team; for the meeting feature to call. Idempotent. */
export async function createPartnerReportDuty(input: Parameters<typeof partnerReportDuty>[0]): Promise<FeedbackDuty> {
  const rules = await getFeedbackRules();
  const duty = FeedbackDutySchema.parse(partnerReportDuty(input, { workingDays: rules.workingDays, now: nowIso() }));
  await putBatched('feedbackDuties', [await seal('feedbackDuties', duty)]);
  return duty;
}

export async function listDuties(householdId: string): Promise<FeedbackDuty[]> {
  const rows = await getSession().db.feedbackDuties.where('householdId').equals(householdId).toArray();
  const duties = await openMany('feedbackDuties', rows, FeedbackDutySchema);
  return duties.sort((a, b) => (a.status === b.status ? a.dueDate.localeCompare(b.dueDate) : a.status === 'open' ? -1 : 1));
}

export async function getDuty(id: string): Promise<FeedbackDuty> {
  const row = await getSession().db.feedbackDuties.get(id);
  if (!row) throw new Error('feedback duty not found');
  return open('feedbackDuties', row, FeedbackDutySchema);
}

export async function markDutyDone(id: string, input: FeedbackDone): Promise<FeedbackDuty> {
  const done = FeedbackDoneSchema.parse(input);
  const duty = await getDuty(id);
  const next = FeedbackDutySchema.parse({ ...duty, status: 'gedaan', ...done });
  const row = await seal('feedbackDuties', next);
  const audit = await sealAudit({ action: 'household.update', entity: 'feedbackDuty', entityId: id, details: { change: 'feedback-done', how: done.doneHow } });
  const db = getSession().db;
  await db.transaction('rw', [db.feedbackDuties, db.audit], async () => {
    await db.feedbackDuties.put(row);
    await db.audit.add(audit);
  });
  return next;
}

/**
 * What a referrer letter may say, gathered from the allowlisted fields only (PRIVACY.md,
 * "referrer feedback"). Member names are included solely so the letter builder can strip them.
 */
export async function letterInputFor(dutyId: string): Promise<LetterInput | null> {
  const duty = await getDuty(dutyId);
  if (duty.kind !== 'intake_decision' && duty.kind !== 'plan_made' && duty.kind !== 'closure') return null;
  const db = getSession().db;
  const [hhRow, intakeRows] = await Promise.all([db.households.get(duty.householdId), db.intakes.where('householdId').equals(duty.householdId).toArray()]);
  if (!hhRow) return null;
  const household = await open('households', hhRow, HouseholdSchema);
  const intakes = (await openManyLenient('intakes', intakeRows, IntakeSchema)) as Intake[];
  const intake = duty.kind === 'intake_decision' ? intakes.find((i) => i.id === duty.sourceId) : owedReferrerIntake(intakes, duty.householdId);
  const rules = await getFeedbackRules();
  const members = await listMembers();
  const contact = members.find((m) => m.id === household.regisseurId) ?? members.find((m) => m.id === duty.ownerId);
  return {
    kind: duty.kind,
    householdId: duty.householdId,
    referralDate: intake?.date ?? duty.factDate,
    referrerName: duty.recipient.name,
    decision: intake?.decision,
    contactName: contact?.name,
    outcome: duty.kind === 'closure' ? household.outcome : undefined,
    teamName: rules.teamName,
    // For the scanner only: the members' names and the household's own name.
    memberNames: namesOf([household]),
  };
}

// --- Actions (follow-up) -------------------------------------------------------------------------

export type FollowUpAction = Action & { householdName: string };

/**
 * Open actions due up to `until`, for a household, an owner or the whole team. Due dates and
 * status are plain index fields, so only matching actions are opened.
 */
export async function listFollowUp(filter: Readonly<{ householdId?: string; ownerId?: string; until: string }>): Promise<FollowUpAction[]> {
  const db = getSession().db;
  const rows = filter.householdId
    ? await db.actions.where('householdId').equals(filter.householdId).toArray()
    : await db.actions.where('dueDate').belowOrEqual(filter.until).toArray();
  const candidates = rows.filter(
    (r) => r.status === 'open' && String(r.dueDate) <= filter.until && (!filter.ownerId || r.ownerId === filter.ownerId),
  );
  const actions = (await openManyLenient('actions', candidates, ActionSchema)) as Action[];
  const names = await householdNames([...new Set(actions.map((a) => a.householdId))]);
  return actions
    .map((a) => ({ ...a, householdName: names.get(a.householdId) ?? '' }))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

export async function householdNames(ids: readonly string[]): Promise<Map<string, string>> {
  const rows = (await getSession().db.households.bulkGet([...ids])).filter((r): r is StoredRow => r !== undefined);
  const hh = (await openManyLenient('households', rows, HouseholdSchema)) as Household[];
  return new Map(hh.map((h) => [h.id, h.displayName]));
}

/** One open action of a household, or null when it is gone or already closed. */
export async function getOpenAction(householdId: string, actionId: string): Promise<FollowUpAction | null> {
  const row = await getSession().db.actions.get(actionId);
  if (!row || row.householdId !== householdId || row.status !== 'open') return null;
  const action = await open('actions', row, ActionSchema);
  const names = await householdNames([householdId]);
  return { ...action, householdName: names.get(householdId) ?? '' };
}

/**
 * Close an action with its result. The case file owns the write (updateActionProgress: status,
 * result, activity, plan checks); this adds what the feedback loop needs: the duty it creates.
 */
export async function recordActionResult(householdId: string, actionId: string, input: ActionResultDraft): Promise<Action> {
  const draft = ActionResultDraftSchema.parse(input);
  const action = await updateActionProgress(householdId, actionId, { status: 'gedaan', result: draft.result, completedAt: draft.completedAt }, draft.completedAt);
  await syncFeedbackDuties(householdId);
  return action;
}

/** The household record with lastActivityAt set to now, sealed (for the caller's transaction). */
async function touchHousehold(householdId: string): Promise<StoredRow | null> {
  const row = await getSession().db.households.get(householdId);
  if (!row) return null;
  const h = await open('households', row, HouseholdSchema);
  return seal('households', HouseholdSchema.parse({ ...h, lastActivityAt: nowIso() }));
}

// --- Evaluations ---------------------------------------------------------------------------------

export type EvaluationContext = Readonly<{
  plan: Plan | null;
  goals: readonly Goal[];
  /** The latest score per domain (for the re-score form and the before/after). */
  lastScores: ReadonlyMap<string, Assessment>;
  lifeDomains: readonly LifeDomain[];
  evaluationMonths: number;
  evaluations: readonly Evaluation[];
}>;

export async function loadEvaluationContext(householdId: string): Promise<EvaluationContext> {
  const db = getSession().db;
  const [planRows, goalRows, assessmentRows, evaluationRows] = await db.transaction('r', [db.plans, db.goals, db.assessments, db.evaluations], () =>
    Promise.all([
      db.plans.where('householdId').equals(householdId).toArray(),
      db.goals.where('householdId').equals(householdId).toArray(),
      db.assessments.where('householdId').equals(householdId).toArray(),
      db.evaluations.where('householdId').equals(householdId).toArray(),
    ]),
  );
  const plans = (await openManyLenient('plans', planRows, PlanSchema)) as Plan[];
  const plan = plans.find((p) => p.status === 'actief') ?? null;
  const goals = plan ? ((await openManyLenient('goals', goalRows.filter((g) => g.planId === plan.id), GoalSchema)) as Goal[]) : [];
  const assessments = (await openManyLenient('assessments', assessmentRows, AssessmentSchema)) as Assessment[];
  const lastScores = new Map<string, Assessment>();
  for (const a of assessments.sort((x, y) => (x.date + x.createdAt).localeCompare(y.date + y.createdAt))) lastScores.set(a.domainId, a);
  const evaluations = (await openMany('evaluations', evaluationRows, EvaluationSchema)).sort((a, b) => b.date.localeCompare(a.date));
  const rules = await getFeedbackRules();
  return { plan, goals: goals.sort((a, b) => a.createdAt.localeCompare(b.createdAt)), lastScores, lifeDomains: rules.lifeDomains, evaluationMonths: rules.evaluationMonths, evaluations };
}

/**
 * Record an evaluation: the evaluation, one assessment per re-scored domain, the plan's next
 * evaluation date, the work status of goals it finished (or opened again) and the household's activity — sealed first, written in
 * ONE transaction so an evaluation is never half there.
 */
export async function saveEvaluation(householdId: string, input: EvaluationDraft, authorId?: string): Promise<Evaluation> {
  const draft = EvaluationDraftSchema.parse(input);
  const db = getSession().db;
  const planRows = await db.plans.where('householdId').equals(householdId).toArray();
  const plans = await openManyLenient('plans', planRows, PlanSchema);
  const plan = plans.find((p) => p.status === 'actief');
  if (!plan) throw new Error('no active plan');
  const goalRows = await db.goals.where('planId').equals(plan.id).toArray();
  const goals = await openManyLenient('goals', goalRows, GoalSchema);
  const now = nowIso();
  const evaluation = EvaluationSchema.parse({ ...draft, id: newId(), householdId, planId: plan.id, createdAt: now, ...(authorId ? { authorId } : {}) });
  const assessments = draft.scores.map((s) =>
    AssessmentSchema.parse({ id: newId(), householdId, date: draft.date, domainId: s.domainId, score: s.score, narrative: s.narrative, evaluationId: evaluation.id, createdAt: now }),
  );
  // The goal keeps its work status; the result itself lives in the evaluation (see goalStatusAfterEvaluation).
  const outcome = new Map(draft.goals.map((g) => [g.goalId, goalStatusAfterEvaluation(g)]));
  const changedGoals = goals.filter((g) => outcome.has(g.id) && outcome.get(g.id) !== g.status).map((g) => GoalSchema.parse({ ...g, status: outcome.get(g.id) }));
  const [evalRow, assessmentRows, planRow, goalRowsOut, hhRow, audit] = await Promise.all([
    seal('evaluations', evaluation),
    Promise.all(assessments.map((a) => seal('assessments', a))),
    seal('plans', PlanSchema.parse({ ...plan, nextEvaluationDate: draft.nextEvaluationDate })),
    Promise.all(changedGoals.map((g) => seal('goals', g))),
    touchHousehold(householdId),
    sealAudit({ action: 'plan.change', entity: 'evaluation', entityId: evaluation.id, details: { change: 'evaluation' } }),
  ]);
  await db.transaction('rw', [db.evaluations, db.assessments, db.plans, db.goals, db.households, db.audit], async () => {
    await db.evaluations.add(evalRow);
    if (assessmentRows.length) await db.assessments.bulkAdd(assessmentRows);
    await db.plans.put(planRow);
    if (goalRowsOut.length) await db.goals.bulkPut(goalRowsOut);
    if (hhRow) await db.households.put(hhRow);
    await db.audit.add(audit);
  });
  return evaluation;
}

// --- Escalations ---------------------------------------------------------------------------------

export async function listEscalations(householdId?: string): Promise<Escalation[]> {
  const db = getSession().db;
  const rows = householdId ? await db.escalations.where('householdId').equals(householdId).toArray() : await db.escalations.where('status').equals('open').toArray();
  const list = await openMany('escalations', rows, EscalationSchema);
  return list.sort((a, b) => (a.status === b.status ? b.openedAt.localeCompare(a.openedAt) : a.status === 'open' ? -1 : 1));
}

async function writeEscalation(e: Escalation, change: string): Promise<Escalation> {
  const valid = EscalationSchema.parse(e);
  const [row, hh, audit] = await Promise.all([
    seal('escalations', valid),
    touchHousehold(valid.householdId),
    sealAudit({ action: 'household.update', entity: 'escalation', entityId: valid.id, details: { change } }),
  ]);
  const db = getSession().db;
  await db.transaction('rw', [db.escalations, db.households, db.audit], async () => {
    await db.escalations.put(row);
    if (hh) await db.households.put(hh);
    await db.audit.add(audit);
  });
  return valid;
}

export async function getEscalation(id: string): Promise<Escalation> {
  const row = await getSession().db.escalations.get(id);
  if (!row) throw new Error('escalation not found');
  return open('escalations', row, EscalationSchema);
}

/** Mark a household stuck: the escalation starts at the first step of the team's route. */
export async function startEscalation(householdId: string, input: EscalationDraft, today: string): Promise<Escalation> {
  const draft = EscalationDraftSchema.parse(input);
  const rules = await getFeedbackRules();
  const route = rules.escalationRoute.map((s) => ({ label: s.label, ...(s.holderId ? { holderId: s.holderId } : {}) }));
  const first = route[0];
  if (!first) throw new Error('empty escalation route');
  return writeEscalation(
    {
      id: newId(),
      householdId,
      status: 'open',
      reason: draft.reason,
      ...(draft.description ? { description: draft.description } : {}),
      route,
      log: [{ step: 0, label: first.label, startedAt: today, ...(first.holderId ? { holderId: first.holderId } : {}) }],
      openedAt: today,
      createdAt: nowIso(),
    },
    'escalation-start',
  );
}

export async function escalateNextStep(id: string, today: string, holderId?: string, note?: string): Promise<Escalation> {
  return writeEscalation(advanceEscalation(await getEscalation(id), today, holderId || undefined, note || undefined), 'escalation-step');
}

export async function resolveEscalation(id: string, resolution: string, today: string): Promise<Escalation> {
  const text = resolution.trim();
  if (!text) throw new Error('resolution required');
  const e = await getEscalation(id);
  return writeEscalation({ ...e, status: 'opgelost', resolution: text, resolvedAt: today }, 'escalation-resolve');
}

// --- Knelpunten ----------------------------------------------------------------------------------

export async function listKnelpunten(): Promise<Knelpunt[]> {
  const rows = await getSession().db.knelpunten.toArray();
  const list = await openMany('knelpunten', rows, KnelpuntSchema);
  return list.sort((a, b) => b.householdIds.length - a.householdIds.length || a.title.localeCompare(b.title));
}

async function writeKnelpunt(k: Knelpunt, change: string): Promise<Knelpunt> {
  const valid = KnelpuntSchema.parse(k);
  const [row, audit] = await Promise.all([seal('knelpunten', valid), sealAudit({ action: 'settings.change', entity: 'knelpunt', entityId: valid.id, details: { change } })]);
  const db = getSession().db;
  await db.transaction('rw', [db.knelpunten, db.audit], async () => {
    await db.knelpunten.put(row);
    await db.audit.add(audit);
  });
  return valid;
}

/** Log a new barrier, optionally linked to the household where it was found. */
export async function createKnelpunt(input: KnelpuntDraft, householdId?: string): Promise<Knelpunt> {
  const draft = KnelpuntDraftSchema.parse(input);
  const now = nowIso();
  return writeKnelpunt(
    { id: newId(), category: draft.category, title: draft.title, ...(draft.description ? { description: draft.description } : {}), householdIds: householdId ? [householdId] : [], createdAt: now, updatedAt: now },
    'knelpunt-create',
  );
}

export async function linkKnelpunt(id: string, householdId: string, linked: boolean): Promise<Knelpunt> {
  const row = await getSession().db.knelpunten.get(id);
  if (!row) throw new Error('knelpunt not found');
  const k = await open('knelpunten', row, KnelpuntSchema);
  const ids = new Set(k.householdIds);
  if (linked) ids.add(householdId);
  else ids.delete(householdId);
  return writeKnelpunt({ ...k, householdIds: [...ids], updatedAt: nowIso() }, linked ? 'knelpunt-link' : 'knelpunt-unlink');
}

/**
 * What the knelpunten export is built from: the register, and the names the scanner looks for in
 * the titles it will show (those of barriers in five or more households: only their households are opened).
 */
export async function loadKnelpuntenExportInput(): Promise<{ knelpunten: Knelpunt[]; namesByHousehold: Map<string, string[]> }> {
  assertUnlocked();
  const knelpunten = await listKnelpunten();
  const ids = householdsToScan(knelpunten);
  const rows = (await getSession().db.households.bulkGet(ids)).filter((r): r is StoredRow => r !== undefined);
  const households = (await openManyLenient('households', rows, HouseholdSchema)) as Household[];
  return { knelpunten, namesByHousehold: new Map(households.map((h) => [h.id, namesOf([h])])) };
}

// --- Attention ---------------------------------------------------------------------------------

export type AttentionData = Readonly<{
  items: readonly AttentionItem[];
  /** Short descriptions per item key (action text, duty recipient, escalation step). */
  details: ReadonlyMap<string, string>;
  userId: string | undefined;
}>;

/** What one household contributes to the attention list. */
type HouseholdAttention = Readonly<{ items: readonly AttentionItem[]; details: readonly (readonly [string, string])[] }>;

/** Tables whose rows are facts of the attention list or of the duties it derives; other writes cannot move it. */
const ATTENTION_TABLES: ReadonlySet<string> = new Set<TableName>(['households', 'intakes', 'plans', 'actions', 'feedbackDuties', 'escalations', 'consents']);
/** A write to the team's settings may change the rules (weeks of inactivity, evaluation cycle): everything is derived again. */
const ATTENTION_RESET_TABLES: ReadonlySet<string> = new Set<TableName>(['settings']);
/** Beyond this many changed households a full pass is cheaper than many small ones. */
const MAX_INCREMENTAL = 100;

/**
 * The attention list at 10,000 households takes a full pass over every household, plan and
 * consent (about a second); deriving it again after every save stood in front of the next
 * interaction (docs/adr/0004-performance.md). Every item belongs to one household, so the list is
 * kept per household: after a committed write only the households it touched are derived again.
 * The store-change listener records which rows changed; they are resolved to households on the
 * next read. In memory only; dropped with the session and when the day changes.
 */
type AttentionCache = {
  session: Session;
  today: string;
  byHousehold: Map<string, HouseholdAttention> | null;
  /** The list as last returned; the same object while nothing changed, so readers see no change. */
  snapshot: Omit<AttentionData, 'userId'> | null;
  /** Rows written since the last derivation, per table; `all` when they are not known one by one. */
  pending: Map<string, Set<string>>;
  all: boolean;
  unsubscribe: () => void;
};
let attentionCache: AttentionCache | null = null;

function attentionCacheFor(today: string): AttentionCache {
  const session = getSession();
  if (attentionCache && attentionCache.session === session && attentionCache.today === today) return attentionCache;
  attentionCache?.unsubscribe();
  const cache: AttentionCache = { session, today, byHousehold: null, snapshot: null, pending: new Map(), all: true, unsubscribe: () => undefined };
  // Subscribed before the first read: a write committed while the list is derived is picked up next time.
  cache.unsubscribe = onStoreChange((_tables, keys) => {
    for (const [table, changed] of keys) {
      if (ATTENTION_RESET_TABLES.has(table)) cache.all = true;
      if (!ATTENTION_TABLES.has(table)) continue;
      if (changed === 'all') {
        cache.all = true;
        continue;
      }
      const set = cache.pending.get(table) ?? new Set<string>();
      for (const k of changed) set.add(String(k));
      cache.pending.set(table, set);
    }
  }, session.db.name);
  attentionCache = cache;
  return cache;
}

/** The households the pending rows belong to, or null when one cannot be told (a deleted row): then derive everything. */
async function pendingHouseholds(pending: ReadonlyMap<string, ReadonlySet<string>>): Promise<Set<string> | null> {
  const db = getSession().db;
  const out = new Set<string>(pending.get('households') ?? []);
  for (const [table, keys] of pending) {
    if (table === 'households' || keys.size === 0) continue;
    const rows = await db.rows(table as TableName).bulkGet([...keys]);
    for (const r of rows) {
      if (!r || typeof r.householdId !== 'string') return null;
      out.add(r.householdId);
    }
  }
  return out;
}

/** Open actions due before today, from two index reads (keys only): no action row is read to find them. */
async function overdueOpenActionKeys(today: string): Promise<string[]> {
  const db = getSession().db;
  const [due, open] = await Promise.all([db.actions.where('dueDate').below(today).primaryKeys(), db.actions.where('status').equals('open').primaryKeys()]);
  const openSet = new Set(open);
  return due.filter((k) => openSet.has(k));
}

/**
 * Derive the attention items of the given households (all of them when `scope` is undefined).
 * Plain index fields narrow first (status, due dates, lastActivityAt); only what can be an item is opened.
 */
async function deriveAttention(today: string, scope: readonly string[] | undefined): Promise<Map<string, HouseholdAttention>> {
  if (scope) for (const id of scope) await syncFeedbackDuties(id);
  else await syncFeedbackDuties();
  const db = getSession().db;
  const rules = await getFeedbackRules();
  const ids = scope ? [...scope] : [];
  const inScope = <T extends Table<StoredRow, string>>(t: T) => t.where('householdId').anyOf(ids).toArray();
  // Some households: one read transaction. All of them: chunked reads (see syncFeedbackDuties).
  const [hhRows, dutyRowsAll, actionRowsAll, planRowsAll, escalationRowsAll, consentRows] = scope
    ? await db.transaction('r', [db.households, db.feedbackDuties, db.actions, db.plans, db.escalations, db.consents], () =>
        Promise.all([
          db.households.bulkGet(ids).then((rows) => rows.filter((r): r is StoredRow => r !== undefined)),
          inScope(db.feedbackDuties),
          inScope(db.actions),
          inScope(db.plans),
          inScope(db.escalations),
          inScope(db.consents),
        ]),
      )
    : [
        await readTable(db.households),
        await readTable(db.feedbackDuties, (r) => r.status === 'open' && String(r.dueDate) < today),
        await readChunked(db.actions, overdueOpenActionKeys(today)),
        await readTable(db.plans, (r) => r.status === 'actief'),
        await readChunked(db.escalations, db.escalations.where('status').equals('open').primaryKeys()),
        await readTable(db.consents),
      ];
  const dutyRows = dutyRowsAll.filter((r) => String(r.dueDate) < today);
  const actionRows = actionRowsAll.filter((r) => String(r.dueDate) < today);
  const planRows = planRowsAll.filter((r) => r.status === 'actief');
  const escalationRows = escalationRowsAll.filter((r) => r.status === 'open');
  const households = hhRows.map((r) => ({
    id: String(r.id),
    status: String(r.status),
    regisseurId: typeof r.regisseurId === 'string' ? r.regisseurId : undefined,
    lastActivityAt: String(r.lastActivityAt),
  }));
  const [duties, plans, escalations, consents] = await Promise.all([
    openManyLenient('feedbackDuties', dutyRows.filter((r) => r.status === 'open'), FeedbackDutySchema),
    openManyLenient('plans', planRows, PlanSchema),
    openManyLenient('escalations', escalationRows, EscalationSchema),
    openManyLenient('consents', consentRows, ConsentSchema),
  ]);
  const overdueActions = actionRows
    .filter((r) => r.status === 'open')
    .map((r) => ({ id: String(r.id), householdId: String(r.householdId), status: 'open' as const, dueDate: String(r.dueDate), ownerId: typeof r.ownerId === 'string' ? r.ownerId : undefined }));
  const items = attentionItems({
    today,
    inactivityWeeks: rules.inactivityWeeks,
    evaluationMonths: rules.evaluationMonths,
    households,
    duties,
    actions: overdueActions,
    plans,
    escalations,
    consents,
  });
  // Open only what the list shows: the overdue actions' text. (Names come from the case list,
  // which holds every household decrypted already.)
  const actionIds = new Set(items.filter((i) => i.kind === 'action_overdue').map((i) => i.refId));
  const actions = (await openManyLenient('actions', actionRows.filter((r) => actionIds.has(String(r.id))), ActionSchema)) as Action[];
  const details = new Map<string, string>();
  for (const a of actions) details.set(`a:${a.id}`, a.text);
  for (const d of duties) details.set(`f:${d.id}`, d.recipient.organisation ?? d.recipient.name ?? d.recipient.party?.name ?? '');
  for (const e of escalations) details.set(`s:${e.id}`, e.log[e.log.length - 1]?.label ?? '');

  const byHousehold = new Map<string, { items: AttentionItem[]; details: [string, string][] }>();
  // A household in scope with nothing left to do must replace what it had.
  for (const id of ids) byHousehold.set(id, { items: [], details: [] });
  for (const item of items) {
    const entry = byHousehold.get(item.householdId) ?? { items: [], details: [] };
    entry.items.push(item);
    const detail = details.get(item.key);
    if (detail !== undefined) entry.details.push([item.key, detail]);
    byHousehold.set(item.householdId, entry);
  }
  return new Map([...byHousehold].map(([id, e]) => [id, { items: e.items, details: e.details }]));
}

/**
 * Everything that needs attention today. The first call of a session (and of a day) derives the
 * whole list; later calls derive again only the households written to since.
 */
export function loadAttention(today: string): Promise<AttentionData> {
  // One derivation at a time: a second caller waits and then sees what the first one merged.
  const next = attentionQueue.then(() => loadAttentionNow(today));
  attentionQueue = next.catch(() => undefined);
  return next;
}
let attentionQueue: Promise<unknown> = Promise.resolve();

async function loadAttentionNow(today: string): Promise<AttentionData> {
  const cache = attentionCacheFor(today);
  const pending = cache.pending;
  cache.pending = new Map();
  try {
    let scope = cache.all || !cache.byHousehold || !cache.snapshot ? null : await pendingHouseholds(pending);
    if (scope && scope.size > MAX_INCREMENTAL) scope = null;
    if (scope === null) {
      cache.all = false;
      cache.byHousehold = await backgroundPass(() => deriveAttention(today, undefined));
      cache.snapshot = snapshotOf(cache.byHousehold);
    } else if (scope.size > 0 && cache.byHousehold && cache.snapshot) {
      const fresh = await deriveAttention(today, [...scope]);
      for (const [id, entry] of fresh) {
        if (entry.items.length) cache.byHousehold.set(id, entry);
        else cache.byHousehold.delete(id);
      }
      cache.snapshot = patchSnapshot(cache.snapshot, fresh);
    }
  } catch (e) {
    // What was pending is not applied: the next read starts over rather than keep a stale household.
    cache.all = true;
    throw e;
  }
  const snapshot = cache.snapshot ?? snapshotOf(new Map());
  return { ...snapshot, userId: await currentUserId() };
}

function snapshotOf(byHousehold: ReadonlyMap<string, HouseholdAttention>): Omit<AttentionData, 'userId'> {
  const items: AttentionItem[] = [];
  const details = new Map<string, string>();
  for (const entry of byHousehold.values()) {
    items.push(...entry.items);
    for (const [k, v] of entry.details) details.set(k, v);
  }
  return { items: items.sort(compareAttention), details };
}

/**
 * The list with some households' items replaced: the others keep their place (one filter pass),
 * the new ones are inserted where the order puts them. No re-sort of thousands of items per save.
 */
function patchSnapshot(prev: Omit<AttentionData, 'userId'>, fresh: ReadonlyMap<string, HouseholdAttention>): Omit<AttentionData, 'userId'> {
  const items = prev.items.filter((i) => !fresh.has(i.householdId));
  const details = new Map(prev.details);
  for (const old of prev.items) if (fresh.has(old.householdId)) details.delete(old.key);
  for (const entry of fresh.values()) {
    for (const [k, v] of entry.details) details.set(k, v);
    for (const item of entry.items) {
      let lo = 0;
      let hi = items.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const other = items[mid];
        if (other && compareAttention(other, item) <= 0) lo = mid + 1;
        else hi = mid;
      }
      items.splice(lo, 0, item);
    }
  }
  return { items, details };
}

export { EVALUATION_WARNING_DAYS, addDays };
