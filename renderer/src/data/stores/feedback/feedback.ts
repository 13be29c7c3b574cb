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
  EscalationDraftSchema,
  EscalationSchema,
  EvaluationSchema,
  FeedbackDoneSchema,
  FeedbackDutySchema,
  KnelpuntDraftSchema,
  KnelpuntSchema,
  type ActionResultDraft,
  type Escalation,
  type EscalationDraft,
  type Evaluation,
  type FeedbackDone,
  type FeedbackDuty,
  type Knelpunt,
  type KnelpuntDraft,
} from '@shared/domain/feedback';
import {
  EVALUATION_WARNING_DAYS,
  addDays,
  advanceEscalation,
  deriveDuties,
  dutyIdFor,
  owedReferrerIntake,
  partnerReportDuty,
  type LetterInput,
} from '@shared/domain/feedback-rules';
import { HouseholdSchema, type Household } from '@shared/domain/household';
import { householdsToScan } from '@shared/export/knelpunten';
import { namesOf } from '@shared/export/profiles';
import { type LifeDomain } from '@shared/domain/partners';
import { AppSettingsSchema, TeamMemberSchema, type TeamMember } from '@shared/domain/team';
import type { z } from 'zod';
import type { StoredRow, TableName, WijktafelDB } from '../../db';
import { getSession } from '../../session';
import { sealAudit, writeAudit } from '../audit/audit';
import { assertUnlocked } from '../../views/exports';
import { updateActionProgress } from '../casefile/plan';
import { putHouseholdRow, sealHouseholdActivity } from '../households/touch';
import { teamRules, type TeamRules } from '../team/team';
import { newId, nowIso, open, openChunked, readChunked, seal } from '../kit';

/**
 * Feedback loops: duties (terugkoppeling), evaluations, escalations, knelpunten. Case-file
 * tables are only READ here (with the case-file schemas); saving an evaluation, which writes
 * assessments, the plan's next date and the goals' status too, is the use case
 * data/usecases/save-evaluation.ts, and the attention list is the view data/views/attention.ts.
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

/** The team settings this feature uses, with defaults before they exist (the team store reads them). */
export type FeedbackRules = TeamRules;
export const getFeedbackRules = teamRules;

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
    await writeAudit(db, audit);
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

const touchHousehold = sealHouseholdActivity;

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

/** Add a sealed evaluation inside a use case's transaction (usecases/save-evaluation). */
export function addEvaluationRow(db: WijktafelDB, row: StoredRow): Promise<unknown> {
  return db.evaluations.add(row);
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
    if (hh) await putHouseholdRow(db, hh);
    await writeAudit(db, audit);
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
    await writeAudit(db, audit);
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

export { EVALUATION_WARNING_DAYS, addDays };

/** Write sealed feedback duties inside a use case's transaction; ids are idempotent, so put. */
export function putDutyRows(db: WijktafelDB, rows: readonly StoredRow[]): Promise<unknown> {
  return db.feedbackDuties.bulkPut([...rows]);
}

/** Every open feedback-duty row (plain status index), for a use case. */
export function openDutyRows(db: WijktafelDB): Promise<StoredRow[]> {
  return db.feedbackDuties.where('status').equals('open').toArray();
}
