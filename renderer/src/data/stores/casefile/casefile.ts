import {
  ActionSchema,
  AssessmentSchema,
  CaseEventSchema,
  GoalSchema,
  HandoverSchema,
  IntakeSchema,
  NoteSchema,
  PlanSchema,
} from '@shared/domain/casefile';
import type { CaseFile } from '@shared/domain/casefile-rules';
import { EvaluationSchema } from '@shared/domain/feedback';
import { HouseholdSchema } from '@shared/domain/household';
import {
  ContactSchema,
  OrganisationSchema,
  type Contact,
  type Organisation,
} from '@shared/domain/partners';
import type { Table } from 'dexie';
import type { StoredRow } from '../../db';
import { getSession } from '../../session';
import { noteSource, open, openAll } from '../kit';

/**
 * Reading a household's case file: every household-scoped row of it is fetched in ONE read
 * transaction (by the householdId index), then decrypted together with Promise.all after the
 * transaction (WebCrypto must not run inside it).
 */
export async function loadCaseFile(householdId: string): Promise<CaseFile | null> {
  const db = getSession().db;
  const raw = await db.transaction(
    'r',
    [db.households, db.intakes, db.assessments, db.plans, db.goals, db.actions, db.handovers, db.notes, db.events, db.evaluations],
    async () => {
      const household = await db.households.get(householdId);
      if (!household) return null;
      const by = (t: Table<StoredRow, string>) => t.where('householdId').equals(householdId).toArray();
      const [intakes, assessments, plans, goals, actions, handovers, notes, events, evaluations] = await Promise.all([
        by(db.intakes),
        by(db.assessments),
        by(db.plans),
        by(db.goals),
        by(db.actions),
        by(db.handovers),
        by(db.notes),
        by(db.events),
        // Evaluations belong on the timeline (the feedback feature writes them).
        by(db.evaluations),
      ]);
      return { household, intakes, assessments, plans, goals, actions, handovers, notes, events, evaluations };
    },
  );
  if (!raw) return null;
  const [household, intakes, assessments, plans, goals, actions, handovers, notes, events, evaluations] = await Promise.all([
    open('households', raw.household, HouseholdSchema),
    openAll('intakes', raw.intakes, IntakeSchema),
    openAll('assessments', raw.assessments, AssessmentSchema),
    openAll('plans', raw.plans, PlanSchema),
    openAll('goals', raw.goals, GoalSchema),
    openAll('actions', raw.actions, ActionSchema),
    openAll('handovers', raw.handovers, HandoverSchema),
    openAll('notes', raw.notes, NoteSchema),
    openAll('events', raw.events, CaseEventSchema),
    openAll('evaluations', raw.evaluations, EvaluationSchema),
  ]);
  // Progress on an action is saved from the plan on screen: with the sources of the action and
  // the household noted, that write checks them inside its one transaction instead of reading first.
  noteSource(household, raw.household);
  actions.forEach((a, i) => noteSource(a, raw.actions[i] as StoredRow));
  const byCreated = <T extends { createdAt: string }>(list: T[]) => list.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return {
    household,
    intakes: byCreated(intakes),
    assessments: byCreated(assessments),
    plans: byCreated(plans),
    goals: byCreated(goals),
    actions: byCreated(actions),
    handovers: byCreated(handovers),
    notes: byCreated(notes),
    events: events.sort((a, b) => a.at.localeCompare(b.at)),
    evaluations: byCreated(evaluations),
  };
}

/** The team's settings (the team store reads them), or null before the team is configured. */
export { readTeamSettings as getTeamSettings, lifeDomainsOf } from '../team/team';

/** Partner contacts with their organisation, for action owners and "terugkoppelen aan". */
export async function listPartnerContacts(): Promise<{ contacts: Contact[]; organisations: Organisation[] }> {
  const db = getSession().db;
  const [contactRows, orgRows] = await Promise.all([db.contacts.toArray(), db.organisations.toArray()]);
  const [contacts, organisations] = await Promise.all([
    openAll('contacts', contactRows, ContactSchema),
    openAll('organisations', orgRows, OrganisationSchema),
  ]);
  return { contacts, organisations };
}

/**
 * Feedback still owed for a household (the feedback feature derives and owns these rows;
 * FEEDBACK_STATUSES is 'open' | 'gedaan'). Only the plain `status` index is read, nothing decrypted.
 */
export async function countOpenFeedback(householdId: string): Promise<number> {
  return getSession().db.feedbackDuties.where('householdId').equals(householdId).filter((r) => r.status === 'open').count();
}
