import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AgendaItemSchema, CLOSE_REFUSALS, CloseItemRefused, closedFileRefusal, decisionNoteTexts, upcomingMeeting, type CloseRefusal, type MeetingAction } from '@shared/domain/meeting';
import { NARRATIVE_MAX } from '@shared/domain/common';
import { freshUnlockedDb } from '../../support/test-db';
import { createHousehold } from '../../../renderer/src/data/stores/households/households';
import { closeHousehold } from '../../../renderer/src/data/stores/casefile/regie';
import { addGoal, startPlan } from '../../../renderer/src/data/stores/casefile/plan';
import {
  addDecision,
  addMeetingAction,
  getMeeting,
  listAgendaItems,
  listMeetings,
  loadPlanContext,
  nominate,
  planMeeting,
  removeAgendaItem,
  setInvitedContacts,
  startMeeting,
} from '../../../renderer/src/data/stores/meetings/meetings';
import { closeItem } from '../../../renderer/src/data/usecases/close-agenda-item';
import { loadSyntheticMunicipality } from '../../../renderer/src/data/usecases/synthetic';
import { open, seal } from '../../../renderer/src/data/stores/kit';
import { getSession } from '../../../renderer/src/data/session';
import { en, nl } from '../../../renderer/src/i18n/messages/meeting';

/**
 * Closing an agenda item (issue 14, point 1): the example meeting of December 2026 could not
 * close "Huishouden B", a household whose file was closed after it was put on the agenda (its
 * plan still listing open actions due in 2024). Every refusal closeItem can raise has a reason
 * with its own message; nothing is half-written by a refusal.
 */
const TODAY = '2026-12-03';
const TS = '2026-11-01T10:00:00.000Z';

async function seedTeam() {
  const db = getSession().db;
  await db.teamMembers.add(await seal('teamMembers', { id: 'tm-1', name: 'Sanne', active: true }));
}

async function caseOnAgenda(name = 'Familie Qwerty') {
  const h = await createHousehold({ displayName: name, members: [{ role: 'ouder', firstName: 'Anouk' }] });
  const meeting = await planMeeting('2026-12-08', TODAY);
  const item = await nominate({ householdId: h.id, question: 'Wie pakt dit op?', timeBoxMinutes: '15', meetingId: meeting.id }, 'tm-1', TODAY);
  return { household: h, meeting, item };
}

function action(id: string, over: Partial<MeetingAction> = {}): MeetingAction {
  return {
    id,
    text: `Actie ${id}`,
    layer: 'eigen_kracht',
    owner: { kind: 'resident' },
    dueDate: '2026-12-20',
    reportTo: { kind: 'team_member', refId: 'tm-1' },
    newGoal: { domainId: 'financien', text: 'Rust in de financiën' },
    ...over,
  };
}

async function refusal(p: Promise<unknown>): Promise<{ reason: CloseRefusal; actionText: string | undefined }> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof CloseItemRefused)) throw new Error(`expected a CloseItemRefused, got ${String(e)}`);
  return { reason: e.reason, actionText: e.actionText };
}

/** Everything a close writes, by count: a refusal must leave all of it as it was. */
async function writtenCounts() {
  const db = getSession().db;
  const [plans, goals, actions, notes, duties, audit] = await Promise.all([db.plans.count(), db.goals.count(), db.actions.count(), db.notes.count(), db.feedbackDuties.count(), db.audit.count()]);
  return { plans, goals, actions, notes, duties, audit };
}

async function itemStatus(id: string) {
  const row = await getSession().db.agendaItems.get(id);
  return row ? (await open('agendaItems', row, AgendaItemSchema)).status : undefined;
}

describe('closing an agenda item', () => {
  beforeEach(async () => {
    await freshUnlockedDb();
    await seedTeam();
  });

  it('closes every item of the example meeting of December 2026, including the household whose file was closed', async () => {
    await loadSyntheticMunicipality({ seed: 'voorbeeld', size: 'small', today: TODAY });
    const meeting = upcomingMeeting(await listMeetings(), TODAY);
    if (!meeting) throw new Error('the example has an upcoming meeting');
    await startMeeting(meeting.id);
    const items = await listAgendaItems(meeting.id);
    expect(items.length).toBeGreaterThan(1);
    const db = getSession().db;
    const closedFiles: string[] = [];
    for (const item of items) {
      const hh = await db.households.get(item.householdId);
      if (hh?.status === 'afgesloten') closedFiles.push(meeting.pseudonyms[item.householdId] ?? '?');
      await addDecision(item.id, { kind: 'advies', text: 'Eerst het netwerk vragen.' });
      const result = await closeItem(item.id, TODAY);
      expect(result.item.status).toBe('besproken');
    }
    // The shape that once failed is really in this data: B's file is closed, its plan lists open actions due in 2024.
    expect(closedFiles).toContain('B');
    const b = items.find((i) => meeting.pseudonyms[i.householdId] === 'B');
    if (!b) throw new Error('item B');
    const ctx = await loadPlanContext(b.householdId);
    expect(ctx.actions.some((a) => a.status === 'open' && a.dueDate < '2025-01-01')).toBe(true);
    expect((await listAgendaItems(meeting.id)).map((i) => i.status)).toEqual(items.map(() => 'besproken'));
  });

  it('closes an item of a household whose file was closed after it was put on the agenda: decisions stay on the item, the read-only file is not touched', async () => {
    const { household, item } = await caseOnAgenda();
    await addDecision(item.id, { kind: 'advies', text: 'Niets meer nodig.' });
    await closeHousehold(household.id, { outcome: 'Hulp afgerond.', acknowledgeOpen: true });
    const db = getSession().db;
    const before = await db.households.get(household.id);
    const notesBefore = await db.notes.count();

    const result = await closeItem(item.id, TODAY);
    expect(result.fileClosed).toBe(true);
    expect(result.notes).toEqual([]);
    expect(result.item.decisions.map((d) => d.text)).toEqual(['Niets meer nodig.']);
    expect(await itemStatus(item.id)).toBe('besproken');
    expect(await db.notes.count()).toBe(notesBefore);
    expect(await db.households.get(household.id)).toEqual(before);
  });

  it('an open file still gets the decisions as a note and its last activity', async () => {
    const { household, item } = await caseOnAgenda();
    await addDecision(item.id, { kind: 'besluit', text: 'Schuldhulp inschakelen' });
    const result = await closeItem(item.id, TODAY);
    expect(result.fileClosed).toBe(false);
    expect(result.notes.map((n) => n.text)).toEqual(['Besproken in het teamoverleg:\nBesluit: Schuldhulp inschakelen']);
    expect((await getSession().db.households.get(household.id))?.lastActivityAt).toBe(result.item.closedAt);
  });

  it('writes many long decisions as several notes, none longer than a note may be', async () => {
    const { item } = await caseOnAgenda();
    const texts = Array.from({ length: 20 }, (_, i) => `${String(i).padStart(2, '0')} ${'x'.repeat(1990)}`);
    for (const text of texts) await addDecision(item.id, { kind: 'advies', text });
    const result = await closeItem(item.id, TODAY);
    expect(result.notes.length).toBeGreaterThan(1);
    for (const n of result.notes) expect(n.text.length).toBeLessThanOrEqual(NARRATIVE_MAX);
    const all = result.notes.map((n) => n.text).join('\n');
    for (const text of texts) expect(all).toContain(`Advies: ${text}`);
    expect(await getSession().db.notes.count()).toBe(result.notes.length);
  });

  it('closes an item with an invited partner whose organisation has a long name (as long as an organisation name may be)', async () => {
    const db = getSession().db;
    const longName = `GGZ ${'Oost '.repeat(31)}`.slice(0, 160).trim();
    await db.organisations.add(await seal('organisations', { id: 'org-long', name: longName, type: 'ggz', createdAt: TS }));
    await db.contacts.add(await seal('contacts', { id: 'c-long', organisationId: 'org-long', name: 'Lotte Kramer', active: true, createdAt: TS }));
    await db.placements.add(await seal('placements', { id: 'p-long', organisationId: 'org-long', ring: 'invliegen', reason: 'expertise', updatedAt: TS }));
    const { household, item } = await caseOnAgenda();
    await db.consents.add(await seal('consents', { id: 'cons-long', householdId: household.id, organisationId: 'org-long', purpose: 'bespreken', givenBy: 'Anouk', givenAt: '2026-11-01', createdAt: TS }));
    await setInvitedContacts(item.id, ['c-long'], TODAY);
    const result = await closeItem(item.id, TODAY);
    expect(result.duties.map((d) => d.recipient.organisation)).toEqual([longName]);
  });

  describe('refusals: each with its reason, nothing half-written', () => {
    it('householdClosedActions: a closed file takes no actions; names the action', async () => {
      const { household, item } = await caseOnAgenda();
      await addMeetingAction(item.id, action('a1'));
      await closeHousehold(household.id, { outcome: 'Hulp afgerond.', acknowledgeOpen: true });
      const before = await writtenCounts();
      expect(await refusal(closeItem(item.id, TODAY))).toEqual({ reason: 'householdClosedActions', actionText: 'Actie a1' });
      expect(await writtenCounts()).toEqual(before);
      expect(await itemStatus(item.id)).toBe('open');
    });

    it('householdClosedActions: also when the file is closed between the checks and the write', async () => {
      const { household, item } = await caseOnAgenda();
      await addMeetingAction(item.id, action('a1'));
      const db = getSession().db;
      const original = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
      // The worker closes the file while the chair's close is being prepared (before its transaction).
      vi.spyOn(db, 'transaction').mockImplementationOnce(((...args: unknown[]) =>
        closeHousehold(household.id, { outcome: 'Hulp afgerond.', acknowledgeOpen: true }).then(() => original(...args))) as unknown as typeof db.transaction);
      const before = { plans: await db.plans.count(), goals: await db.goals.count(), actions: await db.actions.count(), notes: await db.notes.count() };
      expect((await refusal(closeItem(item.id, TODAY))).reason).toBe('householdClosedActions');
      expect({ plans: await db.plans.count(), goals: await db.goals.count(), actions: await db.actions.count(), notes: await db.notes.count() }).toEqual(before);
      expect(await itemStatus(item.id)).toBe('open');
    });

    it('itemGone: the item was taken off the agenda', async () => {
      const { item } = await caseOnAgenda();
      await removeAgendaItem(item.id);
      const before = await writtenCounts();
      expect((await refusal(closeItem(item.id, TODAY))).reason).toBe('itemGone');
      expect(await writtenCounts()).toEqual(before);
    });

    it('alreadyClosed: a second close (another window, a double press)', async () => {
      const { item } = await caseOnAgenda();
      await addMeetingAction(item.id, action('a1'));
      await closeItem(item.id, TODAY);
      const before = await writtenCounts();
      expect((await refusal(closeItem(item.id, TODAY))).reason).toBe('alreadyClosed');
      expect(await writtenCounts()).toEqual(before);
    });

    it('itemChanged: another close lands between the checks and the write', async () => {
      const { item } = await caseOnAgenda();
      await addMeetingAction(item.id, action('a1'));
      const db = getSession().db;
      const original = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
      vi.spyOn(db, 'transaction').mockImplementationOnce(((...args: unknown[]) => closeItem(item.id, TODAY).then(() => original(...args))) as unknown as typeof db.transaction);
      expect((await refusal(closeItem(item.id, TODAY))).reason).toBe('itemChanged');
      // Written once, by the close that won; closing again now says it is already closed.
      expect((await refusal(closeItem(item.id, TODAY))).reason).toBe('alreadyClosed');
      expect(await db.actions.count()).toBe(1);
    });

    it('itemChanged: the item was edited (a decision added in another window) while the close was being prepared', async () => {
      const { item } = await caseOnAgenda();
      await addMeetingAction(item.id, action('a1'));
      const db = getSession().db;
      const original = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
      vi.spyOn(db, 'transaction').mockImplementationOnce(((...args: unknown[]) =>
        addDecision(item.id, { kind: 'advies', text: 'Later toegevoegd.' }).then(() => original(...args))) as unknown as typeof db.transaction);
      const before = await writtenCounts();
      expect((await refusal(closeItem(item.id, TODAY))).reason).toBe('itemChanged');
      expect(await writtenCounts()).toEqual(before);
      expect(await itemStatus(item.id)).toBe('open');
      // The next try closes it with the decision.
      expect((await closeItem(item.id, TODAY)).item.decisions.map((d) => d.text)).toEqual(['Later toegevoegd.']);
    });

    it('meetingGone: the meeting no longer exists', async () => {
      const { meeting, item } = await caseOnAgenda();
      await getSession().db.meetings.delete(meeting.id);
      expect(await getMeeting(meeting.id)).toBeNull();
      const before = await writtenCounts();
      expect((await refusal(closeItem(item.id, TODAY))).reason).toBe('meetingGone');
      expect(await writtenCounts()).toEqual(before);
      expect(await itemStatus(item.id)).toBe('open');
    });

    it('householdGone: the household was deleted while on the agenda', async () => {
      const { household, item } = await caseOnAgenda();
      await getSession().db.households.delete(household.id);
      const before = await writtenCounts();
      expect((await refusal(closeItem(item.id, TODAY))).reason).toBe('householdGone');
      expect(await writtenCounts()).toEqual(before);
      expect(await itemStatus(item.id)).toBe('open');
    });

    it('goalGone: the chosen goal left the active plan (a new plan was started in the case file); names the action', async () => {
      const { household, item } = await caseOnAgenda();
      const plan = await startPlan(household.id, { startedAt: '2026-11-01' });
      const goal = await addGoal(household.id, plan.id, { domainId: 'financien', text: 'Rust in de financiën' });
      await addMeetingAction(item.id, action('a1', { goalId: goal.id, newGoal: undefined }));
      await startPlan(household.id, { startedAt: TODAY });
      const before = await writtenCounts();
      expect(await refusal(closeItem(item.id, TODAY))).toEqual({ reason: 'goalGone', actionText: 'Actie a1' });
      expect(await writtenCounts()).toEqual(before);
      expect(await itemStatus(item.id)).toBe('open');
    });

    it('layerReason: an action above eigen kracht without its reason; names the action', async () => {
      const { item } = await caseOnAgenda();
      await addMeetingAction(item.id, action('a1', { layer: 'netwerk', owner: { kind: 'network', name: 'oma' } }));
      const before = await writtenCounts();
      expect(await refusal(closeItem(item.id, TODAY))).toEqual({ reason: 'layerReason', actionText: 'Actie a1' });
      expect(await writtenCounts()).toEqual(before);
      expect(await itemStatus(item.id)).toBe('open');
    });

    it('planChanged: a plan was started in the case file while the close was being prepared (no plan before)', async () => {
      const { household, item } = await caseOnAgenda();
      await addMeetingAction(item.id, action('a1'));
      const db = getSession().db;
      const original = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
      vi.spyOn(db, 'transaction').mockImplementationOnce(((...args: unknown[]) => startPlan(household.id, { startedAt: TODAY }).then(() => original(...args))) as unknown as typeof db.transaction);
      const refused = closeItem(item.id, TODAY);
      expect((await refusal(refused)).reason).toBe('planChanged');
      expect(await db.plans.count()).toBe(1);
      expect(await db.actions.count()).toBe(0);
      expect(await itemStatus(item.id)).toBe('open');
    });

    it('planChanged: the active plan was replaced while the close was being prepared', async () => {
      const { household, item } = await caseOnAgenda();
      const plan = await startPlan(household.id, { startedAt: '2026-11-01' });
      const goal = await addGoal(household.id, plan.id, { domainId: 'financien', text: 'Rust in de financiën' });
      await addMeetingAction(item.id, action('a1', { goalId: goal.id, newGoal: undefined }));
      const db = getSession().db;
      const original = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
      vi.spyOn(db, 'transaction').mockImplementationOnce(((...args: unknown[]) => startPlan(household.id, { startedAt: TODAY }).then(() => original(...args))) as unknown as typeof db.transaction);
      expect((await refusal(closeItem(item.id, TODAY))).reason).toBe('planChanged');
      expect(await db.actions.count()).toBe(0);
      expect(await itemStatus(item.id)).toBe('open');
    });
  });

  it('has a message of its own for every refusal reason, in Dutch and English, none the generic one', () => {
    for (const catalogue of [nl, en]) {
      const messages = catalogue as Readonly<Record<string, string>>;
      for (const reason of CLOSE_REFUSALS) {
        const text = messages[`closeRefused.${reason}`];
        expect(text, reason).toBeTruthy();
        expect(text).not.toBe(catalogue.closeFailed);
      }
    }
    // The one left for an unforeseen storage failure says what to do, not only that it failed.
    expect(nl.closeFailed).toContain('Probeer het');
  });
});

describe('close rules (pure)', () => {
  it('closedFileRefusal: a closed file refuses actions only', () => {
    expect(closedFileRefusal(false, { actions: [action('a1')] })).toBe('householdClosedActions');
    expect(closedFileRefusal(false, { actions: [] })).toBeNull();
    expect(closedFileRefusal(true, { actions: [action('a1')] })).toBeNull();
  });

  it('decisionNoteTexts: one note while it fits, never a decision split, none empty', () => {
    expect(decisionNoteTexts('Kop:', [])).toEqual([]);
    expect(decisionNoteTexts('Kop:', ['a', 'b'])).toEqual(['Kop:\na\nb']);
    expect(decisionNoteTexts('Kop:', ['aaaa', 'bbbb', 'cc'], 12)).toEqual(['Kop:\naaaa', 'Kop:\nbbbb\ncc']);
  });
});
