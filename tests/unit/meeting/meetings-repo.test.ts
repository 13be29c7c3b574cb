import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnlockedDb } from '../../support/test-db';
import { createHousehold } from '../../../renderer/src/data/stores/households/households';
import {
  ConsentRefusedError,
  addDecision,
  addMeetingAction,
  closeMeeting,
  listAgendaItems,
  loadPlanContext,
  moveAgendaItem,
  nominate,
  planMeeting,
  getMeeting,
  setInvitedContacts,
  startMeeting,
} from '../../../renderer/src/data/stores/meetings/meetings';
import { closeItem } from '../../../renderer/src/data/usecases/close-agenda-item';
import { assertUnlocked, loadMeetingExportInput, logExport } from '../../../renderer/src/data/views/exports';
import { listAudit } from '../../../renderer/src/data/stores/audit/audit';
import { seal } from '../../../renderer/src/data/stores/kit';
import { setSession, getSession } from '../../../renderer/src/data/session';
import { projectMeetingPack } from '@shared/export/profiles';
import { invitationState } from '@shared/domain/partner-rules';
import { listInvitations } from '../../../renderer/src/data/stores/partners/partners';
import { plainText } from '@shared/export/document';

const TODAY = '2025-06-02';
const TS = '2025-05-01T10:00:00.000Z';

async function seedPartner() {
  const db = getSession().db;
  await db.organisations.add(await seal('organisations', { id: 'org-ggz', name: 'GGZ Noord', type: 'ggz', createdAt: TS }));
  await db.contacts.add(await seal('contacts', { id: 'c-ggz', organisationId: 'org-ggz', name: 'Lotte Kramer', active: true, createdAt: TS }));
  await db.placements.add(await seal('placements', { id: 'p1', organisationId: 'org-ggz', ring: 'invliegen', reason: 'expertise', updatedAt: TS }));
  await db.teamMembers.add(await seal('teamMembers', { id: 'tm-1', name: 'Sanne', active: true }));
}

describe('meetings repository', () => {
  beforeEach(async () => {
    await freshUnlockedDb();
    await seedPartner();
  });

  it("a partner's report is due after the team's own number of working days, not a fixed ten", async () => {
    const db = getSession().db;
    await db.settings.put(
      await seal('settings', {
        id: 'team', name: 'Team Test', model: 'vast_team', wijken: ['Centrum'], meeting: { everyWeeks: 2, weekday: 4, lengthMinutes: 90 },
        lifeDomains: [{ id: 'financien', label: 'Financiën', active: true }], flags: [], alsoKnownByOptions: [], escalationRoute: [],
        retentionMonths: 24, feedbackDueWorkingDays: 3, evaluationMonths: 3, inactivityWeeks: 6, maxProfessionals: 5, updatedAt: TS,
      }),
    );
    const a = await createHousehold({ displayName: 'Familie Qwerty', members: [{ role: 'ouder', firstName: 'Anouk' }] });
    await db.consents.add(await seal('consents', { id: 'cons1', householdId: a.id, organisationId: 'org-ggz', purpose: 'bespreken', givenBy: 'Anouk', givenAt: '2025-05-01', createdAt: TS }));
    // Thursday 5 June 2025: three working days later is Tuesday 10 June (ten would be 19 June).
    const meeting = await planMeeting('2025-06-05', TODAY);
    const item = await nominate({ householdId: a.id, question: 'Wie pakt dit op?', timeBoxMinutes: '15', meetingId: meeting.id }, 'tm-1', TODAY);
    await setInvitedContacts(item.id, ['c-ggz'], TODAY);
    const result = await closeItem(item.id, TODAY);
    expect(result.duties.map((d) => [d.kind, d.factDate, d.dueDate])).toEqual([['partner_report', '2025-06-05', '2025-06-10']]);
  });

  it('runs a meeting: agenda, invitation only with consent, close writes actions into the plan, follow-ups come back', async () => {
    const a = await createHousehold({ displayName: 'Familie Qwerty', members: [{ role: 'ouder', firstName: 'Anouk' }] });
    const b = await createHousehold({ displayName: 'Familie Asdf', members: [{ role: 'ouder', firstName: 'Bram' }] });
    const meeting = await planMeeting('2025-06-05', TODAY);
    const ia = await nominate({ householdId: a.id, question: 'Wie pakt de schulden op?', timeBoxMinutes: '20', meetingId: meeting.id }, 'tm-1', TODAY);
    const ib = await nominate({ householdId: b.id, question: 'Is opvoedondersteuning nodig?', timeBoxMinutes: '15', meetingId: meeting.id }, 'tm-1', TODAY);
    expect((await getMeeting(meeting.id))?.pseudonyms).toEqual({ [a.id]: 'A', [b.id]: 'B' });
    await moveAgendaItem(meeting.id, ib.id, 'up');
    expect((await listAgendaItems(meeting.id)).map((i) => i.id)).toEqual([ib.id, ia.id]);

    // No consent yet: refused, with the reason and what to do.
    const refused = await setInvitedContacts(ia.id, ['c-ggz'], TODAY).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConsentRefusedError);
    expect(refused instanceof ConsentRefusedError && [refused.access.reason, refused.access.todo]).toEqual(['missing', 'record']);
    await getSession().db.consents.add(
      await seal('consents', { id: 'cons1', householdId: a.id, organisationId: 'org-ggz', purpose: 'bespreken', givenBy: 'Anouk', givenAt: '2025-05-01', createdAt: TS }),
    );
    expect((await setInvitedContacts(ia.id, ['c-ggz'], TODAY)).invitedContactIds).toEqual(['c-ggz']);
    // The guest is invited to the household for this meeting: visible there, ending after it.
    const [invitation] = await listInvitations(a.id);
    expect(invitation).toMatchObject({ contactId: 'c-ggz', organisationId: 'org-ggz', kind: 'meeting', meetingId: meeting.id, purpose: 'bespreken', startDate: TODAY, endDate: '2025-06-05' });
    expect(invitationState(invitation ?? { startDate: '', endDate: '' }, '2025-06-06')).toBe('ended');
    // Inviting again adds nothing; taking the guest off ends the invitation; inviting again starts a new one.
    await setInvitedContacts(ia.id, ['c-ggz'], TODAY);
    expect(await listInvitations(a.id)).toHaveLength(1);
    await setInvitedContacts(ia.id, [], TODAY);
    expect((await listInvitations(a.id)).map((i) => i.cancelledAt)).toEqual([TODAY]);
    await setInvitedContacts(ia.id, ['c-ggz'], TODAY);
    expect((await listInvitations(a.id)).filter((i) => !i.cancelledAt)).toHaveLength(1);

    await startMeeting(meeting.id);
    await addDecision(ia.id, { kind: 'besluit', text: 'Schuldhulp inschakelen' });
    await addMeetingAction(ia.id, {
      id: 'act-new-1', text: 'Aanmelden bij schuldhulp', layer: 'professioneel', layerReason: 'schuld te hoog',
      owner: { kind: 'team_member', refId: 'tm-1' }, dueDate: '2025-06-20', reportTo: { kind: 'contact', refId: 'c-ggz' },
      newGoal: { domainId: 'financien', text: 'Rust in de financiën' },
    });
    const result = await closeItem(ia.id, TODAY);
    expect(result.createdPlan).toBe(true);
    const ctx = await loadPlanContext(a.id);
    expect(ctx.plan?.status).toBe('actief');
    expect(ctx.goals.map((g) => g.text)).toEqual(['Rust in de financiën']);
    expect(ctx.actions.map((x) => [x.id, x.meetingId, x.status])).toEqual([['act-new-1', meeting.id, 'open']]);
    expect(result.duties.map((d) => d.kind)).toEqual(['partner_report']);
    // The decision is on the household's timeline as a note written in the same transaction.
    const notes = await getSession().db.notes.where('householdId').equals(a.id).toArray();
    expect(notes.map((n) => n.id)).toEqual(result.notes.map((n) => n.id));
    expect(result.notes.map((n) => n.text)).toEqual(['Besproken in het teamoverleg:\nBesluit: Schuldhulp inschakelen']);
    await expect(closeItem(ia.id, TODAY)).rejects.toThrow();

    // A second action without a layer reason would break the case file's layer rule: nothing is written.
    await addMeetingAction(ib.id, {
      id: 'act-bad', text: 'Netwerk vragen', layer: 'netwerk', owner: { kind: 'network', name: 'oma' }, dueDate: '2025-06-20',
      reportTo: { kind: 'team_member', refId: 'tm-1' }, newGoal: { domainId: 'opvoeding', text: 'Rust thuis' },
    });
    await expect(closeItem(ib.id, TODAY)).rejects.toThrow(/layerReason/);
    expect((await loadPlanContext(b.id)).plan).toBeUndefined();

    await closeMeeting(meeting.id);
    const next = await planMeeting('2025-06-19', TODAY);
    const items = await listAgendaItems(next.id);
    expect(items.map((i) => [i.kind, i.householdId, i.followUp?.actionIds])).toEqual([['follow_up', a.id, ['act-new-1']]]);
    expect(items[0]?.followUp?.dutyIds.length).toBe(1);

    // The pack is built from the loaded records; household names never reach it.
    const input = await loadMeetingExportInput(meeting.id, TODAY);
    const text = plainText(projectMeetingPack(input, { kind: 'binnenring' }).document);
    expect(text).toContain('Huishouden A');
    expect(text).not.toContain('Qwerty');
  });

  it('logs exports without content and refuses them while locked', async () => {
    await logExport({ profile: 'minutes', purpose: 'verslag', audience: { kind: 'participants' }, format: 'pdf', householdIds: ['h1', 'h2'], meetingId: 'm1' });
    const [entry] = await listAudit(1);
    expect(entry).toMatchObject({ action: 'export', entityId: 'm1', details: { profile: 'minutes', households: ['h1', 'h2'], format: 'pdf' } });
    setSession(null);
    expect(() => assertUnlocked()).toThrow('locked');
    await expect(logExport({ profile: 'minutes', purpose: 'p', audience: { kind: 'participants' }, format: 'pdf', householdIds: [] })).rejects.toThrow('locked');
  });
});
