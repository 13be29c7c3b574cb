import { z } from 'zod';
import { addDays, isoWeekday } from '../dates';
import { ACTION_LAYERS, PartySchema, type Action } from './casefile';
import { IdSchema, IsoDateSchema, NARRATIVE_MAX, TimestampSchema, V, optionalText, requiredText } from './common';
import type { FeedbackDuty } from './feedback';

/**
 * The team meeting (overleg, casuïstiekbespreking): an agenda of households brought in with a
 * question for the team, chaired one item at a time; what the team decides is written back
 * into each household's plan. Owned by the meetings feature.
 *
 * Storage: `meetings` is sealed with the data key (it names no resident: only household ids in
 * its pseudonym key); `agendaItems` are household-scoped and sealed with the household's key.
 */

/** The meeting length when the team has not configured one (TeamSettings.meeting.lengthMinutes). */
export const DEFAULT_MEETING_MINUTES = 90;
/** A proposed time box when a worker nominates a case without thinking about it. */
export const DEFAULT_TIME_BOX_MINUTES = 15;
export const MAX_TIME_BOX_MINUTES = 120;

export const MEETING_STATUSES = ['gepland', 'bezig', 'afgerond'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_VALIDATION = {
  questionRequired: 'meeting.validation.questionRequired',
  timeBox: 'meeting.validation.timeBox',
  goalRequired: 'meeting.validation.goalRequired',
  domainRequired: 'meeting.validation.domainRequired',
} as const;

export const MeetingSchema = z.object({
  id: IdSchema,
  date: IsoDateSchema,
  status: z.enum(MEETING_STATUSES),
  /** Copied from the team settings when the meeting is planned; the coordinator may change it. */
  lengthMinutes: z.number().int().min(15).max(480),
  /** Team members present (the binnenring at the table). */
  attendeeIds: z.array(IdSchema).max(60).default([]),
  chairId: IdSchema.optional(),
  currentItemId: IdSchema.optional(),
  startedAt: TimestampSchema.optional(),
  closedAt: TimestampSchema.optional(),
  /**
   * The re-identification key: household id → pseudonym letter ("B" for "Huishouden B").
   * Stable for the meeting, so every pack and the minutes of this meeting use the same
   * letters. It lives only in this sealed record and is never written into an export.
   */
  pseudonyms: z.record(z.string(), z.string().max(8)).default({}),
  /** The meeting whose open actions and feedback were brought back onto this agenda. */
  followUpsFromId: IdSchema.optional(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Meeting = z.infer<typeof MeetingSchema>;

export const DECISION_KINDS = ['advies', 'besluit'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const DecisionSchema = z.object({
  id: IdSchema,
  kind: z.enum(DECISION_KINDS, { error: V.choice }),
  text: requiredText(2000),
});
export type Decision = z.infer<typeof DecisionSchema>;

/**
 * An action agreed in the meeting. Its `id` is the id it gets in the household's plan when the
 * item is closed. It hangs under an existing goal of the active plan (`goalId`) or under a new
 * goal (`newGoal`); when the household has no active plan, closing the item starts one.
 */
export const MeetingActionSchema = z.object({
  id: IdSchema,
  text: requiredText(2000),
  layer: z.enum(ACTION_LAYERS, { error: V.choice }),
  layerReason: optionalText(300),
  owner: PartySchema,
  dueDate: IsoDateSchema,
  reportTo: PartySchema,
  goalId: IdSchema.optional(),
  newGoal: z.object({ domainId: z.string().min(1).max(60), text: requiredText(2000) }).optional(),
});
export type MeetingAction = z.infer<typeof MeetingActionSchema>;

export const AGENDA_ITEM_KINDS = ['case', 'follow_up'] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];
export const AGENDA_ITEM_STATUSES = ['open', 'besproken', 'uitgesteld'] as const;
export type AgendaItemStatus = (typeof AGENDA_ITEM_STATUSES)[number];

export const FollowUpSchema = z.object({
  fromMeetingId: IdSchema,
  actionIds: z.array(IdSchema).max(200),
  dutyIds: z.array(z.string().min(1).max(200)).max(200),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

export const AgendaItemSchema = z
  .object({
    id: IdSchema,
    meetingId: IdSchema,
    householdId: IdSchema,
    kind: z.enum(AGENDA_ITEM_KINDS),
    /** "Vraag aan het team": what the worker asks of the table. Follow-up items may have none. */
    question: optionalText(2000),
    timeBoxMinutes: z.number({ error: MEETING_VALIDATION.timeBox }).int().min(1).max(MAX_TIME_BOX_MINUTES),
    order: z.number().int().min(0),
    nominatedById: IdSchema.optional(),
    /** Buitenring / invliegen contacts invited for this item (checked against consent 'bespreken'). */
    invitedContactIds: z.array(IdSchema).max(20).default([]),
    notes: optionalText(NARRATIVE_MAX),
    decisions: z.array(DecisionSchema).max(50).default([]),
    actions: z.array(MeetingActionSchema).max(50).default([]),
    /** Ids of the actions written into the plan when the item was closed. */
    writtenActionIds: z.array(IdSchema).max(50).default([]),
    followUp: FollowUpSchema.optional(),
    status: z.enum(AGENDA_ITEM_STATUSES),
    startedAt: TimestampSchema.optional(),
    closedAt: TimestampSchema.optional(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .superRefine((item, ctx) => {
    if (item.kind === 'case' && !item.question) ctx.addIssue({ code: 'custom', path: ['question'], message: MEETING_VALIDATION.questionRequired });
  });
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

/** What a worker fills in to bring a household in. */
export const NominationDraftSchema = z.object({
  householdId: IdSchema,
  question: requiredText(2000),
  timeBoxMinutes: z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v)) : v),
    z
      .number({ error: MEETING_VALIDATION.timeBox })
      .int({ error: MEETING_VALIDATION.timeBox })
      .min(1, { error: MEETING_VALIDATION.timeBox })
      .max(MAX_TIME_BOX_MINUTES, { error: MEETING_VALIDATION.timeBox }),
  ),
  meetingId: IdSchema.optional(),
});
export type NominationDraft = z.input<typeof NominationDraftSchema>;

export const DecisionDraftSchema = DecisionSchema.omit({ id: true });
export type DecisionDraft = z.input<typeof DecisionDraftSchema>;

/**
 * The action form in meeting mode. `goalChoice` is a goal id of the active plan or 'new'
 * (then the new goal's domain and text are required).
 */
export const MeetingActionDraftSchema = z
  .object({
    text: requiredText(2000),
    layer: z.enum(ACTION_LAYERS, { error: V.choice }),
    layerReason: optionalText(300),
    owner: PartySchema,
    dueDate: IsoDateSchema,
    reportTo: PartySchema,
    goalChoice: z.string({ error: MEETING_VALIDATION.goalRequired }).min(1, { error: MEETING_VALIDATION.goalRequired }).max(64),
    newGoalDomainId: optionalText(60),
    newGoalText: optionalText(2000),
  })
  .superRefine((d, ctx) => {
    if (d.goalChoice !== 'new') return;
    if (!d.newGoalDomainId) ctx.addIssue({ code: 'custom', path: ['newGoalDomainId'], message: MEETING_VALIDATION.domainRequired });
    if (!d.newGoalText) ctx.addIssue({ code: 'custom', path: ['newGoalText'], message: V.required });
  });
export type MeetingActionDraft = z.input<typeof MeetingActionDraftSchema>;

/** Turn a validated action draft into the action stored on the agenda item. */
export function meetingActionFromDraft(draft: z.output<typeof MeetingActionDraftSchema>, id: string): MeetingAction {
  const base = {
    id,
    text: draft.text,
    layer: draft.layer,
    layerReason: draft.layerReason,
    owner: draft.owner,
    dueDate: draft.dueDate,
    reportTo: draft.reportTo,
  };
  if (draft.goalChoice === 'new') {
    return MeetingActionSchema.parse({ ...base, newGoal: { domainId: draft.newGoalDomainId, text: draft.newGoalText } });
  }
  return MeetingActionSchema.parse({ ...base, goalId: draft.goalChoice });
}

// ---------------------------------------------------------------------------------------------
// The agenda

type Orderable = Readonly<Pick<AgendaItem, 'id' | 'order' | 'createdAt'>>;

/** Agenda order: by `order`, ties by when the item was brought in. */
export function sortAgenda<T extends Orderable>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.order - b.order || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export function nextOrder(items: readonly Orderable[]): number {
  return items.reduce((max, i) => Math.max(max, i.order + 1), 0);
}

/**
 * Move one item up or down. Returns every item with a dense order 0..n-1; an item at the edge
 * stays where it is. The repository writes only the items whose order changed.
 */
export function moveItem<T extends Orderable>(items: readonly T[], id: string, direction: 'up' | 'down'): T[] {
  const sorted = sortAgenda(items);
  const at = sorted.findIndex((i) => i.id === id);
  const to = direction === 'up' ? at - 1 : at + 1;
  if (at >= 0 && to >= 0 && to < sorted.length) {
    const moving = sorted[at];
    const other = sorted[to];
    if (moving && other) {
      sorted[at] = other;
      sorted[to] = moving;
    }
  }
  return sorted.map((item, index) => ({ ...item, order: index }));
}

export type AgendaBudget = Readonly<{ plannedMinutes: number; lengthMinutes: number; overMinutes: number; fits: boolean }>;

/** The agenda's total time against the meeting's length. Postponed items do not count. */
export function agendaBudget(items: readonly Readonly<Pick<AgendaItem, 'timeBoxMinutes' | 'status'>>[], lengthMinutes: number): AgendaBudget {
  const plannedMinutes = items.filter((i) => i.status !== 'uitgesteld').reduce((sum, i) => sum + i.timeBoxMinutes, 0);
  return { plannedMinutes, lengthMinutes, overMinutes: Math.max(0, plannedMinutes - lengthMinutes), fits: plannedMinutes <= lengthMinutes };
}

/** The meeting's length from the team settings, or 90 minutes. */
export function meetingLength(settings: { meeting?: { lengthMinutes?: number } } | null | undefined): number {
  return settings?.meeting?.lengthMinutes ?? DEFAULT_MEETING_MINUTES;
}

/**
 * The date of the next meeting after `today`: the team's weekday (1 = Monday … 7 = Sunday),
 * or a week from today when the team has not set one.
 */
export function nextMeetingDate(today: string, weekday?: number): string {
  if (!weekday) return addDays(today, 7);
  let d = today;
  do d = addDays(d, 1);
  while (isoWeekday(d) !== weekday);
  return d;
}

/** The next meeting to nominate for: the earliest planned one on or after today. */
export function upcomingMeeting<M extends Pick<Meeting, 'date' | 'status'>>(meetings: readonly M[], today: string): M | undefined {
  return [...meetings].filter((m) => m.status !== 'afgerond' && m.date >= today).sort((a, b) => a.date.localeCompare(b.date))[0];
}

/** The last meeting held before `meeting` (the source of its follow-ups). */
export function previousMeeting<M extends Pick<Meeting, 'id' | 'date' | 'status'>>(meetings: readonly M[], meeting: Pick<Meeting, 'id' | 'date'>): M | undefined {
  return [...meetings]
    .filter((m) => m.id !== meeting.id && m.status === 'afgerond' && m.date <= meeting.date)
    .sort((a, b) => b.date.localeCompare(a.date))[0];
}

// ---------------------------------------------------------------------------------------------
// Follow-ups: what the last meeting agreed comes back by itself

export type FollowUpDraft = Readonly<{ householdId: string; actionIds: string[]; dutyIds: string[] }>;

/**
 * Per household: the actions agreed in the previous meeting that are still open, and the
 * feedback owed from it (a partner's report on the meeting, or the result of one of those
 * actions) that is still open and due by the next meeting. One follow-up item per household.
 */
export function followUpsFrom(
  previous: Pick<Meeting, 'id'>,
  actions: readonly Readonly<Pick<Action, 'id' | 'householdId' | 'status' | 'meetingId'>>[],
  duties: readonly Readonly<Pick<FeedbackDuty, 'id' | 'householdId' | 'status' | 'kind' | 'sourceId' | 'dueDate'>>[],
  nextDate: string,
): FollowUpDraft[] {
  const byHousehold = new Map<string, { actionIds: string[]; dutyIds: string[] }>();
  const entry = (hh: string) => {
    const e = byHousehold.get(hh) ?? { actionIds: [], dutyIds: [] };
    byHousehold.set(hh, e);
    return e;
  };
  const agreed = actions.filter((a) => a.meetingId === previous.id);
  const agreedIds = new Set(agreed.map((a) => a.id));
  for (const a of agreed) if (a.status === 'open') entry(a.householdId).actionIds.push(a.id);
  for (const d of duties) {
    if (d.status !== 'open' || d.dueDate > nextDate) continue;
    // A partner report's source is `<meeting id>:<household id>:<contact id>` (feedback-rules partnerReportDuty).
    const fromMeeting = d.kind === 'partner_report' && (d.sourceId === previous.id || d.sourceId.startsWith(`${previous.id}:`));
    const fromAction = d.kind === 'action_result' && agreedIds.has(d.sourceId);
    if (fromMeeting || fromAction) entry(d.householdId).dutyIds.push(d.id);
  }
  return [...byHousehold.entries()].map(([householdId, e]) => ({ householdId, ...e }));
}

/** A follow-up item's default time box: a few minutes per open thing, at least 5, at most 20. */
export function followUpTimeBox(f: FollowUpDraft): number {
  return Math.min(20, Math.max(5, 2 * (f.actionIds.length + f.dutyIds.length)));
}

// ---------------------------------------------------------------------------------------------
// Meeting mode: the timer

export type TimerState = Readonly<{ elapsedSeconds: number; remainingSeconds: number; over: boolean; nearlyOver: boolean }>;

/** The chair's timer for an item: counts against its time box; "nearly over" in the last 20%. */
export function timerState(startedAtMs: number, nowMs: number, timeBoxMinutes: number): TimerState {
  const elapsedSeconds = Math.max(0, Math.floor((nowMs - startedAtMs) / 1000));
  const box = timeBoxMinutes * 60;
  const remainingSeconds = box - elapsedSeconds;
  return { elapsedSeconds, remainingSeconds, over: remainingSeconds < 0, nearlyOver: remainingSeconds >= 0 && remainingSeconds <= box * 0.2 };
}

/** "mm:ss", with a minus sign once the time box is exceeded. */
export function formatClock(seconds: number): string {
  const sign = seconds < 0 ? '−' : '';
  const abs = Math.abs(seconds);
  const m = Math.floor(abs / 60);
  const s = abs % 60;
  return `${sign}${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** The item after `currentId` that is still open (for "next item"), or undefined at the end. */
export function nextOpenItem<T extends Orderable & Pick<AgendaItem, 'status'>>(items: readonly T[], currentId: string | undefined): T | undefined {
  const sorted = sortAgenda(items);
  const at = currentId ? sorted.findIndex((i) => i.id === currentId) : -1;
  return sorted.slice(at + 1).find((i) => i.status === 'open') ?? sorted.find((i) => i.status === 'open' && i.id !== currentId);
}

// ---------------------------------------------------------------------------------------------
// Closing an item: every refusal has a reason the chair can act on

/**
 * Why closing an agenda item can be refused. Each reason has its own message
 * (`meeting.closeRefused.<reason>`) saying what is wrong with this item and how to fix it;
 * only a storage failure nobody could foresee falls back to `meeting.closeFailed`.
 * When adding a reason: add both catalogue entries (nl, en) and a unit test that raises it.
 *
 * - itemGone: the item was taken off the agenda (in another window) while it was open here.
 * - alreadyClosed: the item was closed meanwhile (another window, a double press).
 * - itemChanged: the item was closed or edited elsewhere while this close was being prepared.
 * - meetingGone: the meeting itself no longer exists.
 * - householdGone: the household's file was deleted (retention) while it was on the agenda.
 * - householdClosedActions: the file was closed after the household was put on the agenda,
 *   and actions cannot go into a closed (read-only) file.
 * - goalGone: an action's goal is no longer in the household's active plan.
 * - layerReason: an action on a higher layer lacks its reason (its goal changed meanwhile).
 * - planChanged: the household's plan changed in the case file while the item was being closed.
 */
export const CLOSE_REFUSALS = ['itemGone', 'alreadyClosed', 'itemChanged', 'meetingGone', 'householdGone', 'householdClosedActions', 'goalGone', 'layerReason', 'planChanged'] as const;
export type CloseRefusal = (typeof CLOSE_REFUSALS)[number];

export class CloseItemRefused extends Error {
  constructor(
    readonly reason: CloseRefusal,
    /** The action the refusal is about (its own text, shown to the chair inside the app only). */
    readonly actionText?: string,
  ) {
    super(`closing the agenda item was refused: ${reason}`);
    this.name = 'CloseItemRefused';
  }
}

export function isCloseItemRefused(e: unknown): e is CloseItemRefused {
  return e instanceof CloseItemRefused;
}

/**
 * A household's file that was closed (afgesloten) after it was put on the agenda is
 * read-only: the team may still discuss it and its advice and decisions stay on the item (and
 * so in the minutes), but nothing is written into the file, and actions are refused because
 * they would have to go into its plan.
 */
export function closedFileRefusal(fileOpen: boolean, item: Readonly<Pick<AgendaItem, 'actions'>>): CloseRefusal | null {
  return !fileOpen && item.actions.length > 0 ? 'householdClosedActions' : null;
}

/**
 * The texts of the timeline notes that record an item's decisions: one note as long as it
 * fits in a note (NARRATIVE_MAX), otherwise as many as needed, each starting with the heading
 * and none splitting a decision. An item may hold 50 decisions of 2,000 characters, far more
 * than one note may hold.
 */
export function decisionNoteTexts(heading: string, lines: readonly string[], max = NARRATIVE_MAX): string[] {
  const notes: string[] = [];
  let current = heading;
  for (const line of lines) {
    const next = `${current}\n${line}`;
    if (next.length > max && current !== heading) {
      notes.push(current);
      current = `${heading}\n${line}`;
    } else {
      current = next;
    }
  }
  if (current !== heading) notes.push(current);
  return notes;
}
