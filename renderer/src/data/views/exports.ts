import { ActionSchema, AssessmentSchema, GoalSchema, HandoverSchema, IntakeSchema, NoteSchema, PlanSchema } from '@shared/domain/casefile';
import { EscalationSchema, EvaluationSchema, FeedbackDutySchema } from '@shared/domain/feedback';
import { HouseholdSchema, type Household } from '@shared/domain/household';
import { AgendaItemSchema, MeetingSchema } from '@shared/domain/meeting';
import { ConsentSchema, DEFAULT_LIFE_DOMAINS, InvitationSchema, InvolvementSchema } from '@shared/domain/partners';
import type { FiguresInput } from '@shared/export/figures';
import type { InzageInput } from '@shared/export/inzage';
import { auditLabels, type ExportAudience, type ExportKind } from '@shared/export/audience';
import type { MeetingExportInput } from '@shared/export/profiles';
import type { Table } from 'dexie';
import type { StoredRow, TableName } from '../db';
import { getSession, isUnlocked, LockedError } from '../session';
import { appendAudit } from '../stores/audit/audit';
import { openAll } from '../stores/kit';
import { getMeeting, listAgendaItems, loadPeople, readTeamSettings } from '../stores/meetings/meetings';

/**
 * Reading what an export is built from, and logging that it left. Building the document is
 * pure (shared/privacy); this file only gathers already-decrypted records — every table in
 * parallel, one decryption pass — so a 25-case pack costs one round of reads, not 25 in series.
 */

/** Exports need an unlocked session; the locked app has no UI, and this guard holds even if it had. */
export function assertUnlocked(): void {
  if (!isUnlocked()) throw new LockedError();
}

function byHouseholds(table: Table<StoredRow, string>, ids: readonly string[]) {
  return ids.length ? table.where('householdId').anyOf([...ids]).toArray() : Promise.resolve([]);
}

export async function loadMeetingExportInput(meetingId: string, today: string): Promise<MeetingExportInput> {
  assertUnlocked();
  const db = getSession().db;
  const [meeting, items, settings, people] = await Promise.all([getMeeting(meetingId), listAgendaItems(meetingId), readTeamSettings(), loadPeople()]);
  if (!meeting) throw new Error('meeting not found');
  const ids = [...new Set(items.map((i) => i.householdId))];
  const [hRows, planRows, goalRows, actionRows, assessmentRows, consentRows] = await Promise.all([
    db.households.bulkGet(ids),
    byHouseholds(db.plans, ids),
    byHouseholds(db.goals, ids),
    byHouseholds(db.actions, ids),
    byHouseholds(db.assessments, ids),
    byHouseholds(db.consents, ids),
  ]);
  const [households, plans, goals, actions, assessments, consents] = await Promise.all([
    openAll('households', hRows.filter((r): r is StoredRow => !!r), HouseholdSchema),
    openAll('plans', planRows, PlanSchema),
    openAll('goals', goalRows, GoalSchema),
    openAll('actions', actionRows, ActionSchema),
    openAll('assessments', assessmentRows, AssessmentSchema),
    openAll('consents', consentRows, ConsentSchema),
  ]);
  return {
    meeting,
    items,
    households: new Map(households.map((h) => [h.id, h])),
    plans,
    goals,
    actions,
    assessments,
    domains: settings?.lifeDomains.length ? settings.lifeDomains : DEFAULT_LIFE_DOMAINS,
    ...people,
    consents,
    // No postcodeAreas: the team has no postcode → wijk table yet, so a household without a wijk
    // is "wijk onbekend" in the pack (shared/privacy/pseudonym.ts wijkFor), never its postcode.
    today,
    madeOn: today,
  };
}

async function openTable<S extends Parameters<typeof openAll>[2]>(name: TableName, householdId: string, schema: S) {
  const rows = await getSession().db.rows(name).where('householdId').equals(householdId).toArray();
  return openAll(name, rows, schema);
}

/** Everything recorded about one household, for its inzage. Other households only as names to look for. */
export async function loadInzageInput(householdId: string, today: string): Promise<InzageInput> {
  assertUnlocked();
  const db = getSession().db;
  const [hRow, allRows, settings, people, meetingRows] = await Promise.all([
    db.households.get(householdId),
    db.households.toArray(),
    readTeamSettings(),
    loadPeople(),
    db.meetings.toArray(),
  ]);
  if (!hRow) throw new Error('household not found');
  const [household, others, meetings, intakes, assessments, plans, goals, actions, handovers, notes, involvements, consents, invitations, feedbackDuties, evaluations, escalations, agendaItems] =
    await Promise.all([
      openAll('households', [hRow], HouseholdSchema).then((h) => h[0]),
      openAll('households', allRows.filter((r) => r.id !== householdId), HouseholdSchema),
      openAll('meetings', meetingRows, MeetingSchema),
      openTable('intakes', householdId, IntakeSchema),
      openTable('assessments', householdId, AssessmentSchema),
      openTable('plans', householdId, PlanSchema),
      openTable('goals', householdId, GoalSchema),
      openTable('actions', householdId, ActionSchema),
      openTable('handovers', householdId, HandoverSchema),
      openTable('notes', householdId, NoteSchema),
      openTable('involvements', householdId, InvolvementSchema),
      openTable('consents', householdId, ConsentSchema),
      openTable('invitations', householdId, InvitationSchema),
      openTable('feedbackDuties', householdId, FeedbackDutySchema),
      openTable('evaluations', householdId, EvaluationSchema),
      openTable('escalations', householdId, EscalationSchema),
      openTable('agendaItems', householdId, AgendaItemSchema),
    ]);
  if (!household) throw new Error('household not found');
  return {
    household,
    intakes,
    assessments,
    plans,
    goals,
    actions,
    handovers,
    notes,
    involvements,
    consents,
    invitations,
    feedbackDuties,
    evaluations,
    escalations,
    agendaItems,
    meetings,
    teamMembers: people.teamMembers,
    contacts: people.contacts,
    organisations: people.organisations,
    domains: settings?.lifeDomains.length ? settings.lifeDomains : DEFAULT_LIFE_DOMAINS,
    otherHouseholds: others,
    madeOn: today,
  };
}

/**
 * Management figures read only plain index fields where they can (status, wijk, layer needs
 * the payload) and never pass a household's identity on: the projection counts.
 */
export async function loadFiguresInput(today: string): Promise<FiguresInput> {
  assertUnlocked();
  const db = getSession().db;
  const [hRows, aRows, asRows, mRows, iRows, settings] = await Promise.all([
    db.households.toArray(),
    db.actions.toArray(),
    db.assessments.toArray(),
    db.meetings.toArray(),
    db.agendaItems.toArray(),
    readTeamSettings(),
  ]);
  const [households, actions, assessments, meetings, items] = await Promise.all([
    openAll('households', hRows, HouseholdSchema),
    openAll('actions', aRows, ActionSchema),
    openAll('assessments', asRows, AssessmentSchema),
    openAll('meetings', mRows, MeetingSchema),
    openAll('agendaItems', iRows, AgendaItemSchema),
  ]);
  return {
    households: households.map((h: Household) => ({ id: h.id, status: h.status, wijk: h.wijk })),
    actions,
    assessments,
    meetings,
    items,
    domains: settings?.lifeDomains.length ? settings.lifeDomains : DEFAULT_LIFE_DOMAINS,
    today,
    madeOn: today,
  };
}

/** How it left: a file (pdf, html, markdown, text, csv) or the clipboard (a letter pasted into a mail). */
export type ExportFormat = 'pdf' | 'html' | 'markdown' | 'text' | 'csv' | 'clipboard';

/**
 * What is known about how it left. 'saved': the desktop shell wrote the file, or the browser
 * started the download. 'print-dialog-opened': the browser's print dialog showed the document;
 * whether it was then printed or saved, or cancelled, a web page cannot know (see
 * platform.web.ts), so the log says what is known and not more.
 */
export type ExportOutcome = 'saved' | 'print-dialog-opened' | 'copied';

/** The log is a Dutch record like the exports it describes (purpose and audience are Dutch too). */
const OUTCOME_IN_LOG: Readonly<Record<ExportOutcome, string>> = {
  saved: 'opgeslagen',
  'print-dialog-opened': 'afdrukvenster geopend',
  copied: 'gekopieerd',
};

export type ExportLogInput = Readonly<{
  /** The export's kind: a document profile, or the audit log's own CSV. */
  profile: ExportKind;
  purpose: string;
  /** Structured: a kind, and for a partner the organisation's id — never a name. */
  audience: ExportAudience;
  format: ExportFormat;
  householdIds: readonly string[];
  meetingId?: string;
  /** The record the export is about when it is not a meeting or one household (e.g. a feedback duty). */
  ref?: Readonly<{ entity: string; id?: string }>;
  outcome?: ExportOutcome;
  /** Further non-content facts about the export (the audit log's: which log, how many rows). */
  extra?: Readonly<Record<string, string | number>>;
}>;

/**
 * The export log: what (profile and format), purpose, audience, when and by whom (the audit
 * entry's own fields), which households by internal id. Never the content, never a name: the
 * audience line is the kind's fixed label, the partner is its organisation id. Called by the
 * export pipeline (features/exports) after the file was handed to the platform; refused while
 * locked. Households come last: the audit view lists them at the end of the line.
 */
export async function logExport(input: ExportLogInput): Promise<void> {
  assertUnlocked();
  const target = input.meetingId
    ? { entity: 'meeting', entityId: input.meetingId }
    : input.ref
      ? { entity: input.ref.entity, ...(input.ref.id ? { entityId: input.ref.id } : {}) }
      : input.householdIds.length === 1 && input.householdIds[0]
        ? { entity: 'household', entityId: input.householdIds[0] }
        : { entity: 'export' };
  await appendAudit({
    action: 'export',
    ...target,
    details: {
      profile: input.profile,
      purpose: input.purpose,
      audience: auditLabels(input.profile).audience,
      audienceKind: input.audience.kind,
      ...(input.audience.kind === 'partner' ? { organisationId: input.audience.organisationId } : {}),
      format: input.format,
      outcome: OUTCOME_IN_LOG[input.outcome ?? (input.format === 'clipboard' ? 'copied' : 'saved')],
      ...input.extra,
      households: [...input.householdIds],
    },
  });
}
