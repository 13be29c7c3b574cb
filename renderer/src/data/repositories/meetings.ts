import { ActionSchema, AssessmentSchema, GoalSchema, NoteSchema, PlanSchema, type Action, type Assessment, type Goal, type Note, type Plan } from '@shared/domain/casefile';
import { localDay } from '@shared/dates';
import { activePlanOf, assertActionUnderGoal, assertAtMostOneActivePlan, assertLayerReason, isOpen, isRuleViolation } from '@shared/domain/casefile-rules';
import { FeedbackDutySchema, type FeedbackDuty } from '@shared/domain/feedback';
import { DEFAULT_FEEDBACK_DUE_WORKING_DAYS, partnerReportDuty } from '@shared/domain/feedback-rules';
import { HouseholdSchema, type Household, type HouseholdStatus } from '@shared/domain/household';
import {
  AgendaItemSchema,
  CloseItemRefused,
  DecisionSchema,
  closedFileRefusal,
  decisionNoteTexts,
  MeetingSchema,
  NominationDraftSchema,
  agendaBudget,
  followUpTimeBox,
  followUpsFrom,
  meetingLength,
  moveItem,
  nextMeetingDate,
  nextOrder,
  previousMeeting,
  sortAgenda,
  upcomingMeeting,
  type AgendaItem,
  type CloseRefusal,
  type Decision,
  type Meeting,
  type MeetingAction,
  type NominationDraft,
} from '@shared/domain/meeting';
import { checkPartnerAccess, canBeInvited, ringOf, type PartnerAccess } from '@shared/domain/partner-rules';
import {
  ConsentSchema,
  ContactSchema,
  InvitationSchema,
  OrganisationSchema,
  PlacementSchema,
  TeamSettingsSchema,
  type Consent,
  type Contact,
  type Invitation,
  type Organisation,
  type Placement,
  type TeamSettings,
} from '@shared/domain/partners';
import { nlLabel } from '@shared/export/labels';
import { assignPseudonyms } from '@shared/privacy/pseudonym';
import { TeamMemberSchema, type TeamMember } from '@shared/domain/team';
import type { StoredRow } from '../db';
import { getSession } from '../session';
import { sealAudit } from './audit';
import { isSourceOf, newId, noteSource, nowIso, open, openAll, seal } from './kit';

/**
 * Meetings (data key) and their agenda items (household keys). Agenda edits are small writes;
 * closing an item is the one big write: the item, the plan it writes into (a new active plan
 * and goals if needed, the new actions), the partner-report duties and the audit entry, all in
 * ONE transaction, everything sealed before it starts.
 */

export class ConsentRefusedError extends Error {
  constructor(readonly contactId: string, readonly access: PartnerAccess) {
    super('consent required');
    this.name = 'ConsentRefusedError';
  }
}

// ---------------------------------------------------------------------------------------------
// Small readers (other features' tables, read-only)

export async function readTeamSettings(): Promise<TeamSettings | null> {
  const row = await getSession().db.settings.get('team');
  if (!row) return null;
  try {
    return await open('settings', row, TeamSettingsSchema);
  } catch {
    return null;
  }
}

export type MeetingPeople = Readonly<{
  teamMembers: TeamMember[];
  contacts: Contact[];
  organisations: Organisation[];
  placements: Placement[];
}>;

export async function loadPeople(): Promise<MeetingPeople> {
  const db = getSession().db;
  const [memberRows, contactRows, orgRows, placementRows] = await Promise.all([
    db.teamMembers.toArray(),
    db.contacts.toArray(),
    db.organisations.toArray(),
    db.placements.toArray(),
  ]);
  const [teamMembers, contacts, organisations, placements] = await Promise.all([
    openAll('teamMembers', memberRows, TeamMemberSchema),
    openAll('contacts', contactRows, ContactSchema),
    openAll('organisations', orgRows, OrganisationSchema),
    openAll('placements', placementRows, PlacementSchema),
  ]);
  return { teamMembers, contacts, organisations, placements };
}

export async function listConsentsFor(householdIds: readonly string[]): Promise<Consent[]> {
  const rows = await getSession().db.consents.where('householdId').anyOf([...householdIds]).toArray();
  return openAll('consents', rows, ConsentSchema);
}

// ---------------------------------------------------------------------------------------------
// Meetings

export async function listMeetings(): Promise<Meeting[]> {
  const rows = await getSession().db.meetings.toArray();
  const meetings = await openAll('meetings', rows, MeetingSchema);
  return meetings.sort((a, b) => b.date.localeCompare(a.date));
}

export async function getMeeting(id: string): Promise<Meeting | null> {
  const row = await getSession().db.meetings.get(id);
  return row ? open('meetings', row, MeetingSchema) : null;
}

async function putMeeting(meeting: Meeting): Promise<Meeting> {
  const valid = MeetingSchema.parse({ ...meeting, updatedAt: nowIso() });
  await getSession().db.meetings.put(await seal('meetings', valid));
  return valid;
}

export async function listAgendaItems(meetingId: string): Promise<AgendaItem[]> {
  const rows = await getSession().db.agendaItems.where('meetingId').equals(meetingId).toArray();
  return sortAgenda(await openAll('agendaItems', rows, AgendaItemSchema));
}

export async function listHouseholdAgendaItems(householdId: string): Promise<AgendaItem[]> {
  const rows = await getSession().db.agendaItems.where('householdId').equals(householdId).toArray();
  return (await openAll('agendaItems', rows, AgendaItemSchema)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

async function getItem(id: string): Promise<AgendaItem> {
  const row = await getSession().db.agendaItems.get(id);
  if (!row) throw new Error('agenda item not found');
  return open('agendaItems', row, AgendaItemSchema);
}

async function putItem(item: AgendaItem): Promise<AgendaItem> {
  const valid = AgendaItemSchema.parse({ ...item, updatedAt: nowIso() });
  await getSession().db.agendaItems.put(await seal('agendaItems', valid));
  return valid;
}

/** Plan a meeting (date and length from the team settings unless given). */
export async function planMeeting(date?: string, today = localDay()): Promise<Meeting> {
  const [settings, existing] = await Promise.all([readTeamSettings(), listMeetings()]);
  // After the latest meeting already planned or held, so two meetings never share a date by default.
  const latest = existing.reduce((max, m) => (m.date > max ? m.date : max), today);
  const now = nowIso();
  const meeting = MeetingSchema.parse({
    id: newId(),
    date: date ?? nextMeetingDate(latest, settings?.meeting.weekday),
    status: 'gepland',
    lengthMinutes: meetingLength(settings),
    attendeeIds: [],
    pseudonyms: {},
    createdAt: now,
    updatedAt: now,
  });
  await getSession().db.meetings.add(await seal('meetings', meeting));
  await bringBackFollowUps(meeting.id);
  return meeting;
}

/** The next planned meeting, planned now if there is none (a nomination always has a place to go). */
export async function ensureUpcomingMeeting(today: string): Promise<Meeting> {
  const existing = upcomingMeeting(await listMeetings(), today);
  return existing ?? planMeeting(undefined, today);
}

export async function updateMeeting(
  id: string,
  patch: Partial<Pick<Meeting, 'date' | 'lengthMinutes' | 'attendeeIds' | 'chairId'>>,
): Promise<Meeting> {
  const m = await getMeeting(id);
  if (!m) throw new Error('meeting not found');
  return putMeeting({ ...m, ...patch });
}

/** Give each agenda household a pseudonym letter, keeping the ones it has (stable for the meeting). */
async function withPseudonyms(meetingId: string, householdIds: readonly string[]): Promise<Meeting> {
  const m = await getMeeting(meetingId);
  if (!m) throw new Error('meeting not found');
  const pseudonyms = assignPseudonyms(m.pseudonyms, householdIds);
  if (Object.keys(pseudonyms).length === Object.keys(m.pseudonyms).length) return m;
  return putMeeting({ ...m, pseudonyms });
}

// ---------------------------------------------------------------------------------------------
// Agenda

/** A worker brings a household in with a question for the team and a proposed time box. */
export async function nominate(input: NominationDraft, nominatedById: string | undefined, today: string): Promise<AgendaItem> {
  const draft = NominationDraftSchema.parse(input);
  const meeting = draft.meetingId ? await getMeeting(draft.meetingId) : await ensureUpcomingMeeting(today);
  if (!meeting) throw new Error('meeting not found');
  const items = await listAgendaItems(meeting.id);
  const now = nowIso();
  const item = AgendaItemSchema.parse({
    id: newId(),
    meetingId: meeting.id,
    householdId: draft.householdId,
    kind: 'case',
    question: draft.question,
    timeBoxMinutes: draft.timeBoxMinutes,
    order: nextOrder(items),
    nominatedById,
    status: 'open',
    createdAt: now,
    updatedAt: now,
  });
  await getSession().db.agendaItems.add(await seal('agendaItems', item));
  await withPseudonyms(meeting.id, [...items.map((i) => i.householdId), item.householdId]);
  return item;
}

export async function updateAgendaItem(
  id: string,
  patch: Partial<Pick<AgendaItem, 'question' | 'timeBoxMinutes' | 'status' | 'notes' | 'decisions' | 'actions'>>,
): Promise<AgendaItem> {
  const item = await getItem(id);
  if (item.status === 'besproken' && (patch.decisions || patch.actions)) throw new Error('item already closed');
  return putItem({ ...item, ...patch });
}

export async function removeAgendaItem(id: string): Promise<void> {
  const item = await getItem(id);
  if (item.status === 'besproken') throw new Error('item already closed');
  await getSession().db.agendaItems.delete(id);
}

/** Coordinator orders the agenda; only the items whose order changed are written. */
export async function moveAgendaItem(meetingId: string, id: string, direction: 'up' | 'down'): Promise<AgendaItem[]> {
  const items = await listAgendaItems(meetingId);
  const moved = moveItem(items, id, direction);
  const changed = moved.filter((m) => items.find((i) => i.id === m.id)?.order !== m.order);
  const rows = await Promise.all(changed.map((i) => seal('agendaItems', AgendaItemSchema.parse({ ...i, updatedAt: nowIso() }))));
  await getSession().db.agendaItems.bulkPut(rows);
  return moved;
}

/**
 * Invite buitenring / invliegen contacts for one item. Each must have valid consent of this
 * household for the purpose 'bespreken'; a refusal says why and what to do (ConsentRefusedError).
 */
export async function setInvitedContacts(itemId: string, contactIds: readonly string[], today: string): Promise<AgendaItem> {
  const item = await getItem(itemId);
  const [people, consents, meeting, invitationRows] = await Promise.all([
    loadPeople(),
    listConsentsFor([item.householdId]),
    getMeeting(item.meetingId),
    getSession().db.invitations.where('householdId').equals(item.householdId).toArray(),
  ]);
  if (!meeting) throw new Error('meeting not found');
  for (const contactId of contactIds) {
    const contact = people.contacts.find((c) => c.id === contactId);
    if (!contact) throw new Error('contact not found');
    const access = checkPartnerAccess(
      { placements: people.placements, consents, householdId: item.householdId, organisationId: contact.organisationId, purpose: 'bespreken' },
      today,
    );
    if (!canBeInvited(ringOf(people.placements, contact.organisationId)) || !access.allowed) throw new ConsentRefusedError(contactId, access);
  }
  const wanted = [...new Set(contactIds)];
  // Each guest of the item is invited to the household "for this meeting" (rings issue:
  // invliegen for one meeting): visible on the household, with its purpose, ending by itself
  // after the meeting. A guest taken off the item has that invitation ended the same day.
  const forThisMeeting = (await openAll('invitations', invitationRows, InvitationSchema)).filter((i) => i.kind === 'meeting' && i.meetingId === meeting.id && !i.cancelledAt);
  const now = nowIso();
  const added: Invitation[] = wanted
    .filter((c) => !forThisMeeting.some((i) => i.contactId === c))
    .flatMap((contactId) => {
      const contact = people.contacts.find((c) => c.id === contactId);
      if (!contact) return [];
      const endDate = meeting.date > today ? meeting.date : today;
      return [InvitationSchema.parse({ id: newId(), householdId: item.householdId, organisationId: contact.organisationId, contactId, purpose: 'bespreken', kind: 'meeting', meetingId: meeting.id, startDate: today, endDate, createdAt: now })];
    });
  const ended = forThisMeeting.filter((i) => !wanted.includes(i.contactId)).map((i) => InvitationSchema.parse({ ...i, cancelledAt: today }));
  const next = AgendaItemSchema.parse({ ...item, invitedContactIds: wanted, updatedAt: now });
  const [itemRow, invitationRowsOut, audits] = await Promise.all([
    seal('agendaItems', next),
    Promise.all([...added, ...ended].map((i) => seal('invitations', i))),
    Promise.all([
      ...added.map((i) => sealAudit({ action: 'household.update', entity: 'invitations', entityId: i.id, details: { householdId: i.householdId, change: 'create', meetingId: meeting.id } })),
      ...ended.map((i) => sealAudit({ action: 'household.update', entity: 'invitations', entityId: i.id, details: { householdId: i.householdId, change: 'cancel', meetingId: meeting.id } })),
    ]),
  ]);
  const db = getSession().db;
  // The item's guests and their household invitations change together or not at all.
  await db.transaction('rw', [db.agendaItems, db.invitations, db.audit], async () => {
    await db.agendaItems.put(itemRow);
    if (invitationRowsOut.length) await db.invitations.bulkPut(invitationRowsOut);
    if (audits.length) await db.audit.bulkAdd(audits);
  });
  return next;
}

/**
 * The previous meeting's open actions and feedback come back as one follow-up item per
 * household. Found through the previous meeting's own items (their written action ids) and the
 * feedback duties of those households, so nothing else needs decrypting. Idempotent: a
 * household that already has a follow-up item on this agenda is not added twice.
 */
export async function bringBackFollowUps(meetingId: string): Promise<number> {
  const meeting = await getMeeting(meetingId);
  if (!meeting || meeting.status !== 'gepland') return 0;
  const prev = previousMeeting(await listMeetings(), meeting);
  if (!prev) return 0;
  const db = getSession().db;
  const prevItems = await listAgendaItems(prev.id);
  const actionIds = prevItems.flatMap((i) => i.writtenActionIds);
  const householdIds = [...new Set(prevItems.map((i) => i.householdId))];
  const [actionRows, dutyRows] = await Promise.all([
    db.actions.bulkGet(actionIds),
    db.feedbackDuties.where('householdId').anyOf(householdIds).toArray(),
  ]);
  const [actions, duties] = await Promise.all([
    openAll('actions', actionRows.filter((r): r is StoredRow => !!r), ActionSchema),
    openAll('feedbackDuties', dutyRows.filter((r) => r.status === 'open'), FeedbackDutySchema),
  ]);
  const drafts = followUpsFrom(prev, actions, duties, meeting.date);
  const current = await listAgendaItems(meetingId);
  const already = new Set(current.filter((i) => i.kind === 'follow_up').map((i) => i.householdId));
  const now = nowIso();
  let order = nextOrder(current);
  const fresh = drafts
    .filter((d) => !already.has(d.householdId))
    .map((d) =>
      AgendaItemSchema.parse({
        id: newId(),
        meetingId,
        householdId: d.householdId,
        kind: 'follow_up',
        timeBoxMinutes: followUpTimeBox(d),
        order: order++,
        followUp: { fromMeetingId: prev.id, actionIds: d.actionIds, dutyIds: d.dutyIds },
        status: 'open',
        createdAt: now,
        updatedAt: now,
      }),
    );
  if (fresh.length === 0) return 0;
  const rows = await Promise.all(fresh.map((i) => seal('agendaItems', i)));
  await db.agendaItems.bulkAdd(rows);
  await withPseudonyms(meetingId, [...current, ...fresh].map((i) => i.householdId));
  await putMeeting({ ...(await getMeeting(meetingId) ?? meeting), followUpsFromId: prev.id });
  return fresh.length;
}

export function budgetOf(meeting: Meeting, items: readonly AgendaItem[]) {
  return agendaBudget(items, meeting.lengthMinutes);
}

// ---------------------------------------------------------------------------------------------
// Meeting mode

export async function startMeeting(meetingId: string): Promise<Meeting> {
  const m = await getMeeting(meetingId);
  if (!m) throw new Error('meeting not found');
  const items = await listAgendaItems(meetingId);
  const currentItemId = m.currentItemId ?? items.find((i) => i.status === 'open')?.id;
  const started = await putMeeting({ ...m, status: 'bezig', startedAt: m.startedAt ?? nowIso(), currentItemId });
  if (currentItemId) await startItem(meetingId, currentItemId);
  return started;
}

/** The chair moves to an item; its timer starts the first time it is opened. */
export async function startItem(meetingId: string, itemId: string, nowMs = Date.now()): Promise<AgendaItem> {
  const item = await getItem(itemId);
  const m = await getMeeting(meetingId);
  if (m && m.currentItemId !== itemId) await putMeeting({ ...m, currentItemId: itemId });
  if (item.startedAt) return item;
  return putItem({ ...item, startedAt: new Date(nowMs).toISOString() });
}

export async function addDecision(itemId: string, decision: Omit<Decision, 'id'>): Promise<AgendaItem> {
  const item = await getItem(itemId);
  const d = DecisionSchema.parse({ ...decision, id: newId() });
  return updateAgendaItem(itemId, { decisions: [...item.decisions, d] });
}

export async function removeDecision(itemId: string, decisionId: string): Promise<AgendaItem> {
  const item = await getItem(itemId);
  return updateAgendaItem(itemId, { decisions: item.decisions.filter((d) => d.id !== decisionId) });
}

export async function addMeetingAction(itemId: string, action: MeetingAction): Promise<AgendaItem> {
  const item = await getItem(itemId);
  return updateAgendaItem(itemId, { actions: [...item.actions, action] });
}

export async function removeMeetingAction(itemId: string, actionId: string): Promise<AgendaItem> {
  const item = await getItem(itemId);
  return updateAgendaItem(itemId, { actions: item.actions.filter((a) => a.id !== actionId) });
}

/** The plan context meeting mode needs to offer goals: the active plan and its goals. */
export async function loadPlanContext(householdId: string): Promise<{ plan: Plan | undefined; goals: Goal[]; actions: Action[] }> {
  const db = getSession().db;
  const [planRows, goalRows, actionRows] = await Promise.all([
    db.plans.where('householdId').equals(householdId).toArray(),
    db.goals.where('householdId').equals(householdId).toArray(),
    db.actions.where('householdId').equals(householdId).toArray(),
  ]);
  const [plans, goals, actions] = await Promise.all([
    openAll('plans', planRows, PlanSchema),
    openAll('goals', goalRows, GoalSchema),
    openAll('actions', actionRows, ActionSchema),
  ]);
  const plan = activePlanOf(plans);
  return { plan, goals: plan ? goals.filter((g) => g.planId === plan.id) : [], actions: plan ? actions.filter((a) => a.planId === plan.id) : [] };
}

export type CaseSummary = Readonly<{ household: Household; plan: Plan | undefined; goals: Goal[]; actions: Action[]; assessments: Assessment[] }>;

/** What the chair sees of a case in meeting mode (inside the app). */
export async function loadCaseSummary(householdId: string): Promise<CaseSummary | null> {
  const db = getSession().db;
  const [hRow, ctx, aRows] = await Promise.all([
    db.households.get(householdId),
    loadPlanContext(householdId),
    db.assessments.where('householdId').equals(householdId).toArray(),
  ]);
  if (!hRow) return null;
  const [household, assessments] = await Promise.all([open('households', hRow, HouseholdSchema), openAll('assessments', aRows, AssessmentSchema)]);
  return { household, ...ctx, assessments };
}

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
  const itemRow = await db.agendaItems.get(itemId);
  if (!itemRow) throw new CloseItemRefused('itemGone');
  const item = await open('agendaItems', itemRow, AgendaItemSchema);
  noteSource(item, itemRow);
  if (item.status === 'besproken') throw new CloseItemRefused('alreadyClosed');
  const [meeting, householdRow] = await Promise.all([getMeeting(item.meetingId), db.households.get(item.householdId)]);
  if (!meeting) throw new CloseItemRefused('meetingGone');
  if (!householdRow) throw new CloseItemRefused('householdGone');
  const fileOpen = fileIsOpen(householdRow);
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
    const [stored, household] = await Promise.all([db.agendaItems.get(item.id), db.households.get(item.householdId)]);
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
    // put of the row just read, not update(): update would read it a second time.
    if (writesFile) await db.households.put({ ...household, lastActivityAt: now });
    if (newActions.length > 0 && plan) {
      // Re-check "one active plan" on the plain status index inside the transaction.
      const plans = (await db.plans.where('householdId').equals(item.householdId).toArray()).map((r) => ({ id: String(r.id), status: r.status === 'actief' ? ('actief' as const) : ('vervangen' as const) }));
      if (createdPlan) refuseOnRule(() => assertAtMostOneActivePlan([...plans, { id: plan.id, status: 'actief' }]));
      else if (!plans.some((p) => p.id === plan.id && p.status === 'actief')) throw new CloseItemRefused('planChanged');
      if (planRow) await db.plans.add(planRow);
      await db.goals.bulkAdd(goalRows);
      await db.actions.bulkAdd(actionRows);
    }
    if (writesFile && noteRows.length) await db.notes.bulkAdd(noteRows);
    // Idempotent duty ids: closing again after a failure overwrites, never doubles.
    if (dutyRows.length) await db.feedbackDuties.bulkPut(dutyRows);
    await db.agendaItems.put(closedRow);
    await db.audit.add(audit);
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

export async function closeMeeting(meetingId: string): Promise<Meeting> {
  const m = await getMeeting(meetingId);
  if (!m) throw new Error('meeting not found');
  return putMeeting({ ...m, status: 'afgerond', closedAt: nowIso(), currentItemId: undefined });
}

/** Household names for the agenda screen (inside the app only; exports use pseudonyms). */
export async function householdsFor(ids: readonly string[]) {
  const rows = await getSession().db.households.bulkGet([...new Set(ids)]);
  return openAll('households', rows.filter((r): r is StoredRow => !!r), HouseholdSchema);
}
