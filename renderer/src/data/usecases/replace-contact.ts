import { ActionSchema, NoteSchema, type Note } from '@shared/domain/casefile';
import { FeedbackDutySchema } from '@shared/domain/feedback';
import { AgendaItemSchema } from '@shared/domain/meeting';
import { applyContactReplacement, inviteRule, selectReplacementWork, type ReplacementSummary, type ReplacementWork } from '@shared/domain/partner-rules';
import {
  ContactReplacementSchema,
  ContactSchema,
  InvitationSchema,
  InvolvementSchema,
  type Consent,
  type ContactReplacement,
  type Placement,
} from '@shared/domain/partners';
import type { StoredRow } from '../db';
import { getSession } from '../session';
import { sealAudit, writeAudit } from '../stores/audit/audit';
import { addNoteRows } from '../stores/casefile/intake';
import { openActionRows, putActionRows } from '../stores/casefile/plan';
import { openDutyRows, putDutyRows } from '../stores/feedback/feedback';
import { closedHouseholdIds, householdRowsOf } from '../stores/households/touch';
import { newId, nowIso, openAll, seal } from '../stores/kit';
import { allAgendaItemRows, putAgendaItemRows } from '../stores/meetings/meetings';
import {
  consentsOf,
  contactById,
  invitationRowsOfContact,
  involvementRowsOfContact,
  listContacts,
  listPlacements,
  putContactRows,
  putHouseholdPartnerRows,
  TeamRuleError,
} from '../stores/partners/partners';

/*
 * Use case: a partner contact leaves (partners × case file × meetings × feedback × households ×
 * audit). The work is read and the whole move sealed first, then ONE read-write transaction over
 * the declared tables re-checks "still open?" and writes through the owning stores' writers.
 */

/** What a contact still has open, with what the consent rule needs to decide on invitations. */
export type ReplacementPreview = Readonly<{ work: ReplacementWork; placements: readonly Placement[]; consents: readonly Consent[] }>;

/**
 * What would move if this contact left on `leftAt`: the caller shows the counts and, once a
 * successor is chosen, what applyContactReplacement would do with them.
 */
export async function previewReplacement(contactId: string, leftAt: string): Promise<ReplacementPreview> {
  return loadReplacementWork(contactId, leftAt);
}

async function loadReplacementWork(contactId: string, leftAt: string): Promise<ReplacementPreview> {
  const db = getSession().db;
  const [actionRows, involvementRows, invitationRows, agendaRows, dutyRows, contacts, closedIds, placements] = await Promise.all([
    // "Terugkoppelen aan" is sealed, so every open action is read, not only those owned by the
    // contact (ownerId): a contact leaving is rare and deliberate, and shows a preview first.
    openActionRows(db),
    involvementRowsOfContact(db, contactId),
    invitationRowsOfContact(db, contactId),
    // Agenda items keep their invited contacts sealed; a team has a few hundred items at most.
    allAgendaItemRows(db),
    // Who a duty is owed to or by is sealed too: every open duty is read.
    openDutyRows(db),
    listContacts(),
    closedHouseholdIds(db),
    listPlacements(),
  ]);
  const closed = new Set(closedIds.map(String));
  // Rows of closed households are never rewritten, so they are not even decrypted.
  const live = (rows: StoredRow[]) => rows.filter((r) => !closed.has(String(r.householdId)));
  const [actions, involvements, invitations, agendaItems, duties] = await Promise.all([
    openAll('actions', live(actionRows), ActionSchema),
    openAll('involvements', live(involvementRows), InvolvementSchema),
    openAll('invitations', live(invitationRows), InvitationSchema),
    openAll('agendaItems', live(agendaRows), AgendaItemSchema),
    openAll('feedbackDuties', live(dutyRows), FeedbackDutySchema),
  ]);
  const work = selectReplacementWork(contactId, { actions, involvements, invitations, agendaItems, duties, contacts }, leftAt, (h) => closed.has(h));
  // Consent decides whether an invitation may move to another organisation's contact.
  const invitedIn = [...new Set([...work.invitations, ...work.agendaItems].map((r) => r.householdId))];
  const consents = await consentsOf(db, invitedIn);
  return { work, placements, consents };
}

/**
 * A contact leaves: their open work moves to the successor in one transaction (see
 * applyContactReplacement in shared/domain/partner-rules.ts for what moves and what does not
 * when the successor works elsewhere): open actions they own or that report to them, their
 * involvements, household invitations, invitations on agenda items not yet discussed, open
 * feedback duties owed to or by them, and other contacts' backup. Each affected household gets an
 * internal note with the handover; the contact is marked as left with the handover note.
 * Closed households are left alone. One audit entry (counts only, no content).
 * `householdNote` is the text written into each household's file (the caller words it).
 */
export async function replaceContact(input: ContactReplacement, householdNote: (handoverNote: string) => string): Promise<ReplacementSummary> {
  const r = ContactReplacementSchema.parse(input);
  const db = getSession().db;
  const [leaving, successor] = await Promise.all([contactById(db, r.contactId), contactById(db, r.successorId)]);
  if (!leaving || !successor) throw new Error('contact not found');
  if (!leaving.active) throw new TeamRuleError('team.replace.alreadyLeft');
  if (!successor.active) throw new TeamRuleError('team.replace.successorInactive');

  const { work, placements, consents } = await loadReplacementWork(r.contactId, r.leftAt);
  const plan = applyContactReplacement(work, leaving, successor, r.leftAt, inviteRule(placements, consents, r.leftAt));
  const now = nowIso();
  const notes: Note[] = plan.householdIds.map((householdId) =>
    NoteSchema.parse({ id: newId(), householdId, createdAt: now, text: householdNote(r.handoverNote), internal: true }),
  );
  const updatedLeaving = ContactSchema.parse({ ...leaving, active: false, leftAt: r.leftAt, successorId: successor.id, handoverNote: r.handoverNote });

  const [actionRows, involvementRows, invitationRows, agendaRows, dutyRows, backupRows, noteRows, contactRow] = await Promise.all([
    Promise.all(plan.actions.map((a) => seal('actions', ActionSchema.parse(a)))),
    Promise.all(plan.involvements.map((i) => seal('involvements', InvolvementSchema.parse(i)))),
    Promise.all(plan.invitations.map((i) => seal('invitations', InvitationSchema.parse(i)))),
    Promise.all(plan.agendaItems.map((i) => seal('agendaItems', AgendaItemSchema.parse(i)))),
    Promise.all(plan.duties.map((d) => seal('feedbackDuties', FeedbackDutySchema.parse(d)))),
    Promise.all(plan.backups.map((c) => seal('contacts', ContactSchema.parse(c)))),
    Promise.all(notes.map((n) => seal('notes', n))),
    seal('contacts', updatedLeaving),
  ]);
  const audit = await sealAudit({
    action: 'handover',
    entity: 'contact',
    entityId: leaving.id,
    details: { successorId: successor.id, ...plan.summary },
  });
  await db.transaction(
    'rw',
    [db.actions, db.involvements, db.invitations, db.agendaItems, db.feedbackDuties, db.notes, db.contacts, db.households, db.audit],
    async () => {
      // A household closed since the work was read is read-only now: write nothing, say so.
      const households = await householdRowsOf(db, plan.householdIds);
      if (households.some((h) => h?.status === 'afgesloten')) throw new TeamRuleError('team.replace.changedMeanwhile');
      await putActionRows(db, actionRows);
      await putHouseholdPartnerRows(db, { involvements: involvementRows, invitations: invitationRows });
      await putAgendaItemRows(db, agendaRows);
      await putDutyRows(db, dutyRows);
      await addNoteRows(db, noteRows);
      await putContactRows(db, [...backupRows, contactRow]);
      await writeAudit(db, audit);
    },
  );
  return plan.summary;
}

