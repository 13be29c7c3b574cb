import type { Action, Goal, Intake, IntakeDecision, Plan, ReferrerType } from './casefile';
import type { FeedbackDuty, FeedbackKind, Escalation, GoalResult, Knelpunt, KnelpuntCategory, NextStep } from './feedback';
import { KNELPUNT_CATEGORIES } from './feedback';
import { addDays, addMonths, addWorkingDays } from '../dates';

/**
 * Pure rules of the feedback loops. Every rule that depends on the date takes `today`
 * (an ISO date) as an argument, so tests move time by passing another day.
 */

// --- Dates ------------------------------------------------------------------------------
// Calendar-day arithmetic lives in shared/dates.ts; re-exported here for the rules' callers.

export { addDays, addMonths, addWorkingDays, daysBetween } from '../dates';

// --- Feedback duties -----------------------------------------------------------------------

export const DEFAULT_FEEDBACK_DUE_WORKING_DAYS = 10;
export const DEFAULT_EVALUATION_MONTHS = 3;
export const DEFAULT_INACTIVITY_WEEKS = 6;
/** Consent expiring within this many days needs attention. */
export const CONSENT_WARNING_DAYS = 30;
/** An evaluation shows up this many days before it is due. */
export const EVALUATION_WARNING_DAYS = 7;

/** The deterministic id of a derived duty: deriving twice creates nothing new. */
export function dutyIdFor(kind: FeedbackKind, sourceId: string): string {
  const prefix = { intake_decision: 'intake', plan_made: 'plan', closure: 'closure', action_result: 'action', partner_report: 'partner' }[kind];
  return `fd:${prefix}:${sourceId}`;
}

/**
 * Professionals who referred are owed feedback. The resident themselves is told in person,
 * and neighbours are not owed anything about a household (privacy: they have no role in the case).
 */
export function referrerIsOwedFeedback(type: ReferrerType): boolean {
  return type !== 'inwoner' && type !== 'buren';
}

export function isDutyOverdue(duty: Pick<FeedbackDuty, 'status' | 'dueDate'>, today: string): boolean {
  return duty.status === 'open' && duty.dueDate < today;
}

export type DutyState = 'open' | 'gedaan' | 'te_laat';
export function dutyState(duty: Pick<FeedbackDuty, 'status' | 'dueDate'>, today: string): DutyState {
  if (duty.status === 'gedaan') return 'gedaan';
  return isDutyOverdue(duty, today) ? 'te_laat' : 'open';
}

/** The facts duties are derived from (decrypted case-file records). */
export type DutyFacts = Readonly<{
  intakes: readonly Intake[];
  plans: readonly Plan[];
  /** Only what the rule needs of a household. */
  households: readonly Readonly<{ id: string; status: string; closedAt?: string | undefined; updatedAt: string; regisseurId?: string | undefined }>[];
  actions: readonly Action[];
}>;

/** The referrer the team owes feedback for a household: the latest owed intake, if any. */
export function owedReferrerIntake(intakes: readonly Intake[], householdId: string): Intake | undefined {
  let latest: Intake | undefined;
  for (const i of intakes) {
    if (i.householdId !== householdId || !referrerIsOwedFeedback(i.referrerType)) continue;
    // The first of equal dates wins, as a stable sort would keep it.
    if (!latest || i.date > latest.date) latest = i;
  }
  return latest;
}

/** owedReferrerIntake for many households at once: one pass over the intakes instead of one per household. */
function owedReferrerIntakes(intakes: readonly Intake[]): ReadonlyMap<string, Intake> {
  const byHousehold = new Map<string, Intake[]>();
  for (const i of intakes) {
    const list = byHousehold.get(i.householdId);
    if (list) list.push(i);
    else byHousehold.set(i.householdId, [i]);
  }
  const out = new Map<string, Intake>();
  for (const [id, list] of byHousehold) {
    const owed = owedReferrerIntake(list, id);
    if (owed) out.set(id, owed);
  }
  return out;
}

function referrerOf(intake: Intake): FeedbackDuty['recipient'] {
  return {
    kind: 'referrer',
    referrerType: intake.referrerType,
    ...(intake.referrerName ? { name: intake.referrerName } : {}),
    ...(intake.referrerOrganisation ? { organisation: intake.referrerOrganisation } : {}),
  };
}

function sameParty(a: Action['owner'], b: Action['reportTo']): boolean {
  if (a.kind !== b.kind) return false;
  if (a.refId || b.refId) return a.refId === b.refId;
  return (a.name ?? '').trim().toLowerCase() === (b.name ?? '').trim().toLowerCase();
}

/**
 * Derive the duties the facts call for that do not exist yet. Pure and idempotent:
 * given the ids that exist, it returns only missing duties, each with its deterministic id.
 */
export function deriveDuties(
  facts: DutyFacts,
  existingIds: ReadonlySet<string>,
  opts: Readonly<{ workingDays: number; now: string }>,
): FeedbackDuty[] {
  const out: FeedbackDuty[] = [];
  const seen = new Set(existingIds);
  const regisseur = new Map(facts.households.map((h) => [h.id, h.regisseurId]));
  const add = (d: Omit<FeedbackDuty, 'dueDate' | 'status' | 'createdAt'>) => {
    if (seen.has(d.id)) return;
    seen.add(d.id);
    const ownerId = d.ownerId ?? regisseur.get(d.householdId);
    out.push({
      ...d,
      ...(ownerId ? { ownerId } : {}),
      dueDate: addWorkingDays(d.factDate, opts.workingDays),
      status: 'open',
      createdAt: opts.now,
    });
  };

  for (const intake of facts.intakes) {
    if (!intake.decision || !referrerIsOwedFeedback(intake.referrerType)) continue;
    add({
      id: dutyIdFor('intake_decision', intake.id),
      householdId: intake.householdId,
      kind: 'intake_decision',
      sourceId: intake.id,
      factDate: intake.decidedAt ?? intake.date,
      recipient: referrerOf(intake),
    });
  }
  const owed = owedReferrerIntakes(facts.intakes);
  for (const plan of facts.plans) {
    if (plan.status !== 'actief') continue;
    const intake = owed.get(plan.householdId);
    if (!intake) continue;
    add({
      id: dutyIdFor('plan_made', plan.id),
      householdId: plan.householdId,
      kind: 'plan_made',
      sourceId: plan.id,
      factDate: plan.startedAt,
      recipient: referrerOf(intake),
    });
  }
  for (const h of facts.households) {
    if (h.status !== 'afgesloten') continue;
    const intake = owed.get(h.id);
    if (!intake) continue;
    add({
      id: dutyIdFor('closure', h.id),
      householdId: h.id,
      kind: 'closure',
      sourceId: h.id,
      factDate: (h.closedAt ?? h.updatedAt).slice(0, 10),
      recipient: referrerOf(intake),
    });
  }
  for (const a of facts.actions) {
    if (a.status !== 'gedaan' || sameParty(a.owner, a.reportTo)) continue;
    add({
      id: dutyIdFor('action_result', a.id),
      householdId: a.householdId,
      kind: 'action_result',
      sourceId: a.id,
      factDate: a.completedAt ?? opts.now.slice(0, 10),
      recipient: { kind: 'party', party: a.reportTo },
      ...(a.owner.kind === 'team_member' && a.owner.refId ? { ownerId: a.owner.refId } : {}),
    });
  }
  return out;
}

/** A partner invited to a meeting owes the team a report afterwards (called by the meeting feature). */
export function partnerReportDuty(
  input: Readonly<{ householdId: string; meetingId: string; meetingDate: string; contactId: string; contactName?: string | undefined; organisation?: string | undefined; ownerId?: string | undefined }>,
  opts: Readonly<{ workingDays: number; now: string }>,
): FeedbackDuty {
  const sourceId = `${input.meetingId}:${input.householdId}:${input.contactId}`;
  return {
    id: dutyIdFor('partner_report', sourceId),
    householdId: input.householdId,
    kind: 'partner_report',
    sourceId,
    factDate: input.meetingDate,
    dueDate: addWorkingDays(input.meetingDate, opts.workingDays),
    status: 'open',
    recipient: { kind: 'team', ...(input.contactName ? { name: input.contactName } : {}), ...(input.organisation ? { organisation: input.organisation } : {}) },
    fromContactId: input.contactId,
    ...(input.ownerId ? { ownerId: input.ownerId } : {}),
    createdAt: opts.now,
  };
}

// --- Actions and evaluations -------------------------------------------------------------

export type ActionFollowUp = 'te_laat' | 'vandaag' | 'binnenkort' | 'later';
/** Open actions: overdue (before today), due today, due within 7 days, or later. */
export function actionFollowUp(action: Pick<Action, 'status' | 'dueDate'>, today: string): ActionFollowUp | null {
  if (action.status !== 'open') return null;
  if (action.dueDate < today) return 'te_laat';
  if (action.dueDate === today) return 'vandaag';
  if (action.dueDate <= addDays(today, 7)) return 'binnenkort';
  return 'later';
}

/** The next evaluation of an active plan: its own date, or start + the team's cycle. */
export function nextEvaluationOf(plan: Pick<Plan, 'startedAt' | 'nextEvaluationDate'>, evaluationMonths: number): string {
  return plan.nextEvaluationDate ?? addMonths(plan.startedAt, evaluationMonths);
}

/**
 * A goal's stored `status` is its WORK status, kept apart from what an evaluation found:
 * 'open' while the team and the household still work on it; once finished, the result it was
 * finished with ('bereikt', 'deels', 'niet_bereikt'). Every evaluation's own per-goal result is
 * kept in the evaluation record (Evaluation.goals), so nothing is lost by not copying it here.
 *
 * Decision: the "what next" answer decides whether work goes on (001:1232-1238). Only
 * "goed genoeg" finishes a goal; "meer", "beter" or "anders" keep it open, whatever the result
 * ("deels bereikt, meer van hetzelfde" is a goal still being worked on, and must stay in the
 * meeting pack and meeting mode). A later evaluation can open a finished goal again.
 */
export function goalStatusAfterEvaluation(e: Readonly<{ result: GoalResult; next: NextStep }>): Goal['status'] {
  return e.next === 'goed_genoeg' ? e.result : 'open';
}

/** Still being worked on: shown in the meeting pack, meeting mode and wherever open goals are offered. */
export function isGoalInWork(goal: Pick<Goal, 'status'>): boolean {
  return goal.status === 'open';
}

// --- Escalation ---------------------------------------------------------------------------

export function currentStep(e: Pick<Escalation, 'log'>) {
  return e.log[e.log.length - 1];
}

export function hasNextStep(e: Pick<Escalation, 'log' | 'route' | 'status'>): boolean {
  const cur = currentStep(e);
  return e.status === 'open' && cur !== undefined && cur.step + 1 < e.route.length;
}

/** Move an escalation one step up its route, logging the date and who holds it now. */
export function advanceEscalation(e: Escalation, today: string, holderId?: string, note?: string): Escalation {
  if (!hasNextStep(e)) throw new Error('escalation has no next step');
  const cur = currentStep(e);
  const step = (cur?.step ?? -1) + 1;
  const routeStep = e.route[step];
  if (!routeStep) throw new Error('escalation has no next step');
  const holder = holderId ?? routeStep.holderId;
  return {
    ...e,
    log: [...e.log, { step, label: routeStep.label, startedAt: today, ...(holder ? { holderId: holder } : {}), ...(note ? { note } : {}) }],
  };
}

// --- Attention ----------------------------------------------------------------------------

export const ATTENTION_KINDS = ['feedback_overdue', 'action_overdue', 'evaluation_due', 'escalation_open', 'consent_expiring', 'inactive'] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

export type AttentionItem = Readonly<{
  kind: AttentionKind;
  /** Stable key for lists. */
  key: string;
  householdId: string;
  /** The record to open (duty, action, plan, escalation, consent, household). */
  refId: string;
  /** The date that makes it due (due date, expiry, last activity). */
  date: string;
  /** Team members for whom this is "mine". */
  responsibleIds: readonly string[];
}>;

export type AttentionInput = Readonly<{
  today: string;
  inactivityWeeks: number;
  evaluationMonths: number;
  households: readonly Readonly<{ id: string; status: string; regisseurId?: string | undefined; lastActivityAt: string }>[];
  duties: readonly Pick<FeedbackDuty, 'id' | 'householdId' | 'status' | 'dueDate' | 'ownerId'>[];
  actions: readonly Pick<Action, 'id' | 'householdId' | 'status' | 'dueDate' | 'ownerId'>[];
  plans: readonly Pick<Plan, 'id' | 'householdId' | 'status' | 'startedAt' | 'nextEvaluationDate'>[];
  escalations: readonly Pick<Escalation, 'id' | 'householdId' | 'status' | 'log' | 'openedAt'>[];
  consents: readonly Readonly<{ id: string; householdId: string; organisationId: string; purpose: string; expiresAt?: string | undefined; withdrawnAt?: string | undefined }>[];
}>;

function ids(...xs: (string | undefined)[]): string[] {
  return [...new Set(xs.filter((x): x is string => typeof x === 'string' && x.length > 0))];
}

/**
 * Everything that needs someone's attention today. Closed households only keep what is still
 * owed to others (feedback); their plans, inactivity and consents no longer ask for work.
 */
export function attentionItems(input: AttentionInput): AttentionItem[] {
  const { today } = input;
  const hh = new Map(input.households.map((h) => [h.id, h]));
  const open = (id: string) => {
    const h = hh.get(id);
    return h !== undefined && h.status !== 'afgesloten';
  };
  const reg = (id: string) => hh.get(id)?.regisseurId;
  const items: AttentionItem[] = [];

  for (const d of input.duties) {
    if (!hh.has(d.householdId) || !isDutyOverdue(d, today)) continue;
    items.push({ kind: 'feedback_overdue', key: `f:${d.id}`, householdId: d.householdId, refId: d.id, date: d.dueDate, responsibleIds: ids(d.ownerId ?? reg(d.householdId)) });
  }
  for (const a of input.actions) {
    if (!open(a.householdId) || a.status !== 'open' || a.dueDate >= today) continue;
    items.push({ kind: 'action_overdue', key: `a:${a.id}`, householdId: a.householdId, refId: a.id, date: a.dueDate, responsibleIds: ids(a.ownerId, reg(a.householdId)) });
  }
  const warnUntil = addDays(today, EVALUATION_WARNING_DAYS);
  for (const p of input.plans) {
    if (p.status !== 'actief' || !open(p.householdId)) continue;
    const next = nextEvaluationOf(p, input.evaluationMonths);
    if (next > warnUntil) continue;
    items.push({ kind: 'evaluation_due', key: `e:${p.id}`, householdId: p.householdId, refId: p.id, date: next, responsibleIds: ids(reg(p.householdId)) });
  }
  for (const e of input.escalations) {
    if (e.status !== 'open' || !hh.has(e.householdId)) continue;
    items.push({ kind: 'escalation_open', key: `s:${e.id}`, householdId: e.householdId, refId: e.id, date: currentStep(e)?.startedAt ?? e.openedAt, responsibleIds: ids(currentStep(e)?.holderId, reg(e.householdId)) });
  }
  const consentUntil = addDays(today, CONSENT_WARNING_DAYS);
  // Renewed: a later (or open-ended) consent for the same household, partner and purpose replaces
  // an expiring one. Grouped once, so the check is not a pass over every consent per consent.
  const lasting = new Map<string, string[]>();
  const scope = (c: AttentionInput['consents'][number]) => `${c.householdId}|${c.organisationId}|${c.purpose}`;
  for (const o of input.consents) {
    if (o.withdrawnAt || (o.expiresAt !== undefined && o.expiresAt <= consentUntil)) continue;
    const list = lasting.get(scope(o));
    if (list) list.push(o.id);
    else lasting.set(scope(o), [o.id]);
  }
  for (const c of input.consents) {
    if (!c.expiresAt || c.withdrawnAt || c.expiresAt > consentUntil || !open(c.householdId)) continue;
    const renewed = (lasting.get(scope(c)) ?? []).some((id) => id !== c.id);
    if (renewed) continue;
    items.push({ kind: 'consent_expiring', key: `c:${c.id}`, householdId: c.householdId, refId: c.id, date: c.expiresAt, responsibleIds: ids(reg(c.householdId)) });
  }
  const quietSince = addDays(today, -7 * input.inactivityWeeks);
  for (const h of input.households) {
    if (h.status === 'afgesloten' || h.lastActivityAt.slice(0, 10) > quietSince) continue;
    items.push({ kind: 'inactive', key: `i:${h.id}`, householdId: h.id, refId: h.id, date: h.lastActivityAt.slice(0, 10), responsibleIds: ids(h.regisseurId) });
  }
  return items.sort(compareAttention);
}

/** The order of the attention list: by kind (most urgent loop first), then by date; the key settles ties, so the order is total. */
export function compareAttention(a: AttentionItem, b: AttentionItem): number {
  return KIND_RANK[a.kind] - KIND_RANK[b.kind] || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
const KIND_RANK = Object.fromEntries(ATTENTION_KINDS.map((k, i) => [k, i])) as Readonly<Record<AttentionKind, number>>;

/**
 * "Mijn": the items someone is responsible for, plus the items nobody is responsible for
 * (no regisseur, no owner): those are exactly the ones that fall silent, so everyone sees them.
 */
export function mine(items: readonly AttentionItem[], userId: string): AttentionItem[] {
  return items.filter((i) => i.responsibleIds.length === 0 || i.responsibleIds.includes(userId));
}

// --- Knelpunten ---------------------------------------------------------------------------

// Suppression of the counts (one rule for every aggregate export) is in shared/export/suppression.ts.

export type KnelpuntAggregate = Readonly<{
  byCategory: readonly Readonly<{ category: KnelpuntCategory; barriers: number; households: number }>[];
  byBarrier: readonly Readonly<{ id: string; title: string; category: KnelpuntCategory; households: number }>[];
}>;

/** How often each category and each barrier recurs: counted in distinct linked households. */
export function aggregateKnelpunten(list: readonly Knelpunt[]): KnelpuntAggregate {
  const byCategory = KNELPUNT_CATEGORIES.map((category) => {
    const inCat = list.filter((k) => k.category === category);
    const households = new Set(inCat.flatMap((k) => k.householdIds));
    return { category, barriers: inCat.length, households: households.size };
  });
  const byBarrier = list
    .map((k) => ({ id: k.id, title: k.title, category: k.category, households: new Set(k.householdIds).size }))
    .sort((a, b) => b.households - a.households || a.title.localeCompare(b.title));
  return { byCategory, byBarrier };
}

// --- Referrer letter ----------------------------------------------------------------------

export type LetterKind = 'intake_decision' | 'plan_made' | 'closure';
export const LETTER_KINDS: readonly FeedbackKind[] = ['intake_decision', 'plan_made', 'closure'];

/**
 * The ONLY fields a referrer letter may use (PRIVACY.md, "referrer feedback"): that the referral
 * was received, whether the team takes it up, who the contact is, at closure one line of outcome.
 * Member names are passed only so the free-text scanner can find them in the outcome line.
 * The letter itself is built as an export document (shared/export/letter.ts).
 */
export type LetterInput = Readonly<{
  kind: LetterKind;
  /** For the audit log of the export only; never written into the letter. */
  householdId: string;
  referralDate: string;
  referrerName?: string | undefined;
  decision?: IntakeDecision | undefined;
  contactName?: string | undefined;
  outcome?: string | undefined;
  teamName?: string | undefined;
  /** Names of household members (and the household's name), for the scanner. */
  memberNames: readonly string[];
}>;

export type LetterKey =
  | 'greeting'
  | 'greetingNamed'
  | 'received'
  | 'decision.oppakken'
  | 'decision.doorverwijzen'
  | 'decision.niet_oppakken'
  | 'planMade'
  | 'closure'
  | 'outcome'
  | 'contact'
  | 'privacy'
  | 'closing'
  | 'team'
  | 'subject.intake_decision'
  | 'subject.plan_made'
  | 'subject.closure';
