import {
  ACTION_LAYERS,
  type Action,
  type ActionLayer,
  type Assessment,
  type CaseEvent,
  type Goal,
  type Handover,
  type Intake,
  type Note,
  type Plan,
} from './casefile';
import type { Evaluation } from './feedback';
import type { Household, HouseholdStatus, Member } from './household';

/**
 * The invariants of a household's case file, as pure functions. Repositories call them with
 * what they read INSIDE their write transaction (plain index fields need no decryption), so a
 * rule holds even when two writes race; the UI calls the same functions to explain up front.
 *
 * "Eén gezin, één plan, één regisseur" (DOMAIN.md): at most one active plan per household and
 * exactly one regisseur while a household is active.
 */

export const RULE_CODES = [
  'plan.moreThanOneActive',
  'plan.changedMeanwhile',
  'plan.archivedReadOnly',
  'action.noGoal',
  'action.goalOtherPlan',
  'action.layerReason',
  'regisseur.missing',
  'regisseur.unchanged',
  'regisseur.notMember',
  'regisseur.changedMeanwhile',
  'household.closed',
  'status.notAllowed',
  'close.outcome',
  'close.openItems',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

/** A broken invariant. `code` maps to the message `casefile.rule.<code>`. */
export class RuleViolation extends Error {
  constructor(readonly code: RuleCode) {
    super(`case-file rule violated: ${code}`);
    this.name = 'RuleViolation';
  }
}

export function isRuleViolation(e: unknown): e is RuleViolation {
  return e instanceof RuleViolation;
}

// ------------------------------------------------------------------------------------------
// One active plan
// ------------------------------------------------------------------------------------------

type PlanStatusView = Readonly<Pick<Plan, 'id' | 'status'>>;

export function activePlanOf<P extends PlanStatusView>(plans: readonly P[]): P | undefined {
  return plans.find((p) => p.status === 'actief');
}

/** Throws when more than one plan of a household would be active. */
export function assertAtMostOneActivePlan(plans: readonly PlanStatusView[]): void {
  if (plans.filter((p) => p.status === 'actief').length > 1) throw new RuleViolation('plan.moreThanOneActive');
}

/**
 * "Nieuw plan": the active plan (if any) is archived read-only as `vervangen` on `today`, the
 * new plan becomes the active one. Returns the archived plans to write; the resulting set is
 * checked before anything is returned.
 */
export function replacePlan(existing: readonly Plan[], next: Plan, today: string): Plan[] {
  const archived = existing
    .filter((p) => p.status === 'actief')
    .map((p): Plan => ({ ...p, status: 'vervangen', replacedAt: today }));
  const after = existing.map((p) => archived.find((a) => a.id === p.id) ?? p);
  assertAtMostOneActivePlan([...after, next]);
  return archived;
}

// ------------------------------------------------------------------------------------------
// Every action under a goal of the active plan
// ------------------------------------------------------------------------------------------

export function assertActionUnderGoal(
  action: Readonly<Pick<Action, 'householdId' | 'planId' | 'goalId'>>,
  goal: Readonly<Pick<Goal, 'id' | 'householdId' | 'planId'>> | undefined,
  plan: PlanStatusView | undefined,
): void {
  if (!goal || goal.id !== action.goalId) throw new RuleViolation('action.noGoal');
  if (goal.householdId !== action.householdId || goal.planId !== action.planId) throw new RuleViolation('action.goalOtherPlan');
  if (!plan || plan.id !== action.planId || plan.status !== 'actief') throw new RuleViolation('plan.archivedReadOnly');
}

// ------------------------------------------------------------------------------------------
// Layers: eigen kracht → netwerk → informeel → professioneel
// ------------------------------------------------------------------------------------------

export function layerIndex(layer: ActionLayer): number {
  return ACTION_LAYERS.indexOf(layer);
}

/**
 * The layer a goal stands on: the lowest layer among its actions that still count (not
 * `vervallen`), or eigen kracht when it has none yet.
 */
export function layerBaseline(siblings: readonly Readonly<Pick<Action, 'layer' | 'status'>>[]): ActionLayer {
  let lowest: ActionLayer | undefined;
  for (const a of siblings) {
    if (a.status === 'vervallen') continue;
    if (lowest === undefined || layerIndex(a.layer) < layerIndex(lowest)) lowest = a.layer;
  }
  return lowest ?? 'eigen_kracht';
}

/**
 * THE LAYER RULE. An action needs a one-line reason when its layer is above the goal's
 * baseline (see layerBaseline): the first step past eigen kracht is always explained, and so
 * is every step above what the goal already relies on. Staying on (or below) the baseline
 * needs no reason. So a goal with an eigen-kracht action asks "why the network?" for the
 * next network action; a goal that already (with a reason) leans on a professional does not
 * ask again for a second professional action.
 */
export function layerNeedsReason(layer: ActionLayer, siblings: readonly Readonly<Pick<Action, 'layer' | 'status'>>[]): boolean {
  return layerIndex(layer) > layerIndex(layerBaseline(siblings));
}

export function assertLayerReason(
  action: Readonly<Pick<Action, 'layer' | 'layerReason'>>,
  siblings: readonly Readonly<Pick<Action, 'layer' | 'status'>>[],
): void {
  if (layerNeedsReason(action.layer, siblings) && !action.layerReason?.trim()) throw new RuleViolation('action.layerReason');
}

// ------------------------------------------------------------------------------------------
// One regisseur, and status
// ------------------------------------------------------------------------------------------

/** Statuses in which a household is being worked on and so must have exactly one regisseur. */
export const STATUSES_WITH_REGISSEUR: readonly HouseholdStatus[] = ['actief', 'in_evaluatie'];

type RegieView = Readonly<Pick<Household, 'status' | 'regisseurId'>>;

export function regisseurViolation(h: RegieView): RuleCode | null {
  return STATUSES_WITH_REGISSEUR.includes(h.status) && !h.regisseurId ? 'regisseur.missing' : null;
}

export function assertOneRegisseur(h: RegieView): void {
  const v = regisseurViolation(h);
  if (v) throw new RuleViolation(v);
}

/**
 * A handover: the regisseur changes to `toId`. `expectedFromId` is who the worker saw as
 * regisseur; if the stored household says otherwise, someone else handed over meanwhile.
 * A household that was only `aangemeld` becomes `actief` once it has a regisseur: the case
 * has been picked up.
 */
export function applyHandover<H extends RegieView>(h: H, toId: string, expectedFromId: string | undefined): H {
  if (h.status === 'afgesloten') throw new RuleViolation('household.closed');
  if (h.regisseurId !== expectedFromId) throw new RuleViolation('regisseur.changedMeanwhile');
  if (h.regisseurId === toId) throw new RuleViolation('regisseur.unchanged');
  const next: H = { ...h, regisseurId: toId, status: h.status === 'aangemeld' ? 'actief' : h.status };
  assertOneRegisseur(next);
  return next;
}

/**
 * Status changes a worker may make by hand: actief ⇄ in evaluatie, both with a regisseur. A
 * household leaves `aangemeld` by getting its first regisseur (applyHandover) and never goes
 * back to it; closing has its own path (closingViolations).
 */
export function allowedStatusChanges(h: RegieView): HouseholdStatus[] {
  if (!h.regisseurId) return [];
  if (h.status === 'actief') return ['in_evaluatie'];
  if (h.status === 'in_evaluatie') return ['actief'];
  return [];
}

export function assertStatusChange(h: RegieView, to: HouseholdStatus): void {
  if (h.status === 'afgesloten') throw new RuleViolation('household.closed');
  if (!allowedStatusChanges(h).includes(to)) throw new RuleViolation('status.notAllowed');
}

/** A closed household's file is read-only. */
export function isOpen(h: Readonly<Pick<Household, 'status'>>): boolean {
  return h.status !== 'afgesloten';
}

export function assertOpen(h: Readonly<Pick<Household, 'status'>>): void {
  if (!isOpen(h)) throw new RuleViolation('household.closed');
}

// ------------------------------------------------------------------------------------------
// Closing
// ------------------------------------------------------------------------------------------

export type ClosingInput = Readonly<{
  status: HouseholdStatus;
  outcome: string | undefined;
  openActions: number;
  openFeedback: number;
  acknowledgeOpen: boolean;
}>;

/**
 * Closing needs an outcome note, and open actions or feedback still owed must have been
 * shown to the worker and acknowledged. Open actions are then marked `vervallen`; feedback
 * duties stay with the feedback feature (they are owed even after closing).
 */
export function closingViolations(i: ClosingInput): RuleCode[] {
  const out: RuleCode[] = [];
  if (i.status === 'afgesloten') out.push('household.closed');
  if (!i.outcome?.trim()) out.push('close.outcome');
  if (i.openActions + i.openFeedback > 0 && !i.acknowledgeOpen) out.push('close.openItems');
  return out;
}

// ------------------------------------------------------------------------------------------
// Possible duplicates
// ------------------------------------------------------------------------------------------

/** Compare names regardless of case, accents, hyphens and runs of whitespace ("Şahin-Öz " = "sahin oz"). */
export function normaliseName(s: string | undefined): string {
  return (s ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('nl')
    .replace(/[\s-]+/g, ' ')
    .trim();
}

export type MemberIdentity = Readonly<Pick<Member, 'firstName'> & Partial<Pick<Member, 'lastName' | 'birthDate'>>>;

/**
 * Two members are probably the same person when their first names match and, of last name
 * and birth date, at least one is known on both sides and every one known on both sides
 * matches. A first name alone never matches: "Mohammed" is not a duplicate.
 */
export function sameMember(a: MemberIdentity, b: MemberIdentity): boolean {
  const fa = normaliseName(a.firstName);
  if (!fa || fa !== normaliseName(b.firstName)) return false;
  const la = normaliseName(a.lastName);
  const lb = normaliseName(b.lastName);
  let compared = 0;
  if (la && lb) {
    if (la !== lb) return false;
    compared++;
  }
  if (a.birthDate && b.birthDate) {
    if (a.birthDate !== b.birthDate) return false;
    compared++;
  }
  return compared > 0;
}

export type DuplicateMatch = Readonly<{ householdId: string; displayName: string; status: HouseholdStatus; matches: MemberIdentity[] }>;

/** Existing households that share a member with the candidate (after decryption, in memory). */
export function findPossibleDuplicates(
  candidate: readonly MemberIdentity[],
  households: readonly Readonly<Pick<Household, 'id' | 'displayName' | 'status' | 'members'>>[],
  excludeHouseholdId?: string,
): DuplicateMatch[] {
  const wanted = candidate.filter((m) => normaliseName(m.firstName) !== '');
  if (wanted.length === 0) return [];
  const out: DuplicateMatch[] = [];
  for (const h of households) {
    if (h.id === excludeHouseholdId) continue;
    const matches = h.members.filter((m) => wanted.some((c) => sameMember(c, m)));
    if (matches.length > 0) out.push({ householdId: h.id, displayName: h.displayName, status: h.status, matches });
  }
  return out;
}

// ------------------------------------------------------------------------------------------
// Timeline, derived from the records
// ------------------------------------------------------------------------------------------

export type CaseFile = Readonly<{
  household: Household;
  intakes: readonly Intake[];
  assessments: readonly Assessment[];
  plans: readonly Plan[];
  goals: readonly Goal[];
  actions: readonly Action[];
  handovers: readonly Handover[];
  notes: readonly Note[];
  events: readonly CaseEvent[];
  /** The plan's evaluations (feedback feature's table); optional so older callers still build a timeline. */
  evaluations?: readonly Evaluation[];
}>;

export type TimelineEntry = Readonly<
  { key: string; date: string; sortKey: string } & (
    | { kind: 'household_created' }
    | { kind: 'intake'; intake: Intake }
    | { kind: 'intake_decision'; intake: Intake }
    | { kind: 'assessment'; assessment: Assessment }
    | { kind: 'plan_started'; plan: Plan }
    | { kind: 'plan_replaced'; plan: Plan }
    | { kind: 'goal_added'; goal: Goal }
    | { kind: 'action_added'; action: Action }
    | { kind: 'action_done'; action: Action }
    | { kind: 'handover'; handover: Handover }
    | { kind: 'note'; note: Note }
    | { kind: 'status_changed'; event: CaseEvent }
    | { kind: 'evaluation'; evaluation: Evaluation }
    | { kind: 'closed' }
  )
>;

/**
 * What happened, newest first, derived from the records (the events table only holds what
 * has no record of its own). `date` is the day it happened as the worker recorded it;
 * `sortKey` orders same-day entries by when they were entered.
 */
export function buildTimeline(cf: CaseFile): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  const at = (date: string, createdAt: string) => `${date}|${createdAt}`;
  const h = cf.household;
  out.push({ kind: 'household_created', key: `h:${h.id}`, date: h.createdAt.slice(0, 10), sortKey: at(h.createdAt.slice(0, 10), h.createdAt) });
  for (const i of cf.intakes) {
    out.push({ kind: 'intake', intake: i, key: `i:${i.id}`, date: i.date, sortKey: at(i.date, i.createdAt) });
    if (i.decision && i.decidedAt) out.push({ kind: 'intake_decision', intake: i, key: `d:${i.id}`, date: i.decidedAt, sortKey: at(i.decidedAt, `${i.createdAt}~`) });
  }
  for (const a of cf.assessments) out.push({ kind: 'assessment', assessment: a, key: `a:${a.id}`, date: a.date, sortKey: at(a.date, a.createdAt) });
  for (const p of cf.plans) {
    out.push({ kind: 'plan_started', plan: p, key: `p:${p.id}`, date: p.startedAt, sortKey: at(p.startedAt, p.createdAt) });
    if (p.replacedAt) out.push({ kind: 'plan_replaced', plan: p, key: `pr:${p.id}`, date: p.replacedAt, sortKey: at(p.replacedAt, `${p.createdAt}~`) });
  }
  for (const g of cf.goals) out.push({ kind: 'goal_added', goal: g, key: `g:${g.id}`, date: g.createdAt.slice(0, 10), sortKey: at(g.createdAt.slice(0, 10), g.createdAt) });
  for (const a of cf.actions) {
    out.push({ kind: 'action_added', action: a, key: `x:${a.id}`, date: a.createdAt.slice(0, 10), sortKey: at(a.createdAt.slice(0, 10), a.createdAt) });
    if (a.status === 'gedaan' && a.completedAt) out.push({ kind: 'action_done', action: a, key: `xd:${a.id}`, date: a.completedAt, sortKey: at(a.completedAt, `${a.createdAt}~`) });
  }
  for (const x of cf.handovers) out.push({ kind: 'handover', handover: x, key: `o:${x.id}`, date: x.date, sortKey: at(x.date, x.createdAt) });
  for (const n of cf.notes) out.push({ kind: 'note', note: n, key: `n:${n.id}`, date: n.createdAt.slice(0, 10), sortKey: at(n.createdAt.slice(0, 10), n.createdAt) });
  for (const e of cf.events) out.push({ kind: 'status_changed', event: e, key: `e:${e.id}`, date: e.at.slice(0, 10), sortKey: at(e.at.slice(0, 10), e.at) });
  for (const e of cf.evaluations ?? []) out.push({ kind: 'evaluation', evaluation: e, key: `v:${e.id}`, date: e.date, sortKey: at(e.date, e.createdAt) });
  if (h.closedAt) out.push({ kind: 'closed', key: `c:${h.id}`, date: h.closedAt.slice(0, 10), sortKey: at(h.closedAt.slice(0, 10), `${h.closedAt}~`) });
  return out.sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0));
}

/** Scores per domain, oldest first: the trend a sparkline draws. */
export function scoreHistory(assessments: readonly Assessment[]): Map<string, Assessment[]> {
  const byDomain = new Map<string, Assessment[]>();
  for (const a of assessments) {
    const list = byDomain.get(a.domainId) ?? [];
    list.push(a);
    byDomain.set(a.domainId, list);
  }
  for (const list of byDomain.values()) list.sort((a, b) => (a.date + a.createdAt).localeCompare(b.date + b.createdAt));
  return byDomain;
}
