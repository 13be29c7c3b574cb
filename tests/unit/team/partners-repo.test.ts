import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { ActionSchema, NoteSchema, type Action } from '../../../shared/domain/casefile';
import { FeedbackDutySchema, type FeedbackDuty } from '../../../shared/domain/feedback';
import { AgendaItemSchema, type AgendaItem } from '../../../shared/domain/meeting';
import { InvitationSchema } from '../../../shared/domain/partners';
import { seal, open } from '../../../renderer/src/data/stores/kit';
import { createHousehold } from '../../../renderer/src/data/stores/households/households';
import { closeHousehold } from '../../../renderer/src/data/stores/casefile/regie';
import { listAudit } from '../../../renderer/src/data/stores/audit/audit';
import {
  ConsentRequiredError,
  HOUSEHOLD_CLOSED_KEY,
  TeamRuleError,
  addInvolvement,
  cancelInvitation,
  createPlacedOrganisation,
  inviteContact,
  listConsents,
  listContacts,
  listInvitations,
  listInvolvements,
  listOrganisations,
  listPlacements,
  loadWorkloadInput,
  placeOrganisation,
  recordConsent,
  saveContact,
  saveOrganisation,
  updateInvolvement,
  withdrawConsent,
} from '../../../renderer/src/data/stores/partners/partners';
import { previewReplacement, replaceContact } from '../../../renderer/src/data/usecases/replace-contact';
import { getTeamSettings, listMembers, saveTeamSettings, defaultTeamSettingsDraft } from '../../../renderer/src/data/stores/team/team';
import { loadExampleTeam } from '../../../renderer/src/data/stores/team/example';
import { freshUnlockedDb } from '../../support/test-db';

const T = '2025-03-01T09:00:00.000Z';
let db: Awaited<ReturnType<typeof freshUnlockedDb>>['db'];

beforeEach(async () => {
  ({ db } = await freshUnlockedDb());
});

async function seedAction(householdId: string, ownerId: string, status: Action['status'], over: Partial<Action> = {}): Promise<Action> {
  const action = ActionSchema.parse({
    id: crypto.randomUUID(),
    householdId,
    planId: 'p1',
    goalId: 'g1',
    text: 'Afspraak bij de schuldhulp maken',
    layer: 'professioneel',
    layerReason: 'schulden te groot',
    owner: { kind: 'contact', refId: ownerId },
    ownerId,
    dueDate: '2025-04-01',
    reportTo: { kind: 'contact', refId: ownerId },
    status,
    createdAt: T,
    ...over,
  });
  await db.actions.put(await seal('actions', action));
  return action;
}

describe('team settings', () => {
  it('stores the settings row "team" encrypted and reads it back', async () => {
    expect(await getTeamSettings()).toBeNull();
    await saveTeamSettings({ ...defaultTeamSettingsDraft(), name: 'Wijkteam Zuid', wijken: ['Zuid'] });
    const s = await getTeamSettings();
    expect(s).toMatchObject({ id: 'team', name: 'Wijkteam Zuid', wijken: ['Zuid'], maxProfessionals: 5 });
    const row = await db.settings.get('team');
    expect(Object.keys(row ?? {}).sort()).toEqual(['enc', 'id']);
  });

  it('loads an example team marked as example, with all three rings', async () => {
    await loadExampleTeam();
    expect((await getTeamSettings())?.example).toBe(true);
    const rings = new Set((await listPlacements()).map((p) => p.ring));
    expect([...rings].sort()).toEqual(['binnenring', 'buitenring', 'invliegen']);
    expect((await listContacts()).every((c) => c.example)).toBe(true);
    expect((await listMembers()).length).toBeGreaterThan(3);
  });
});

describe('placements', () => {
  it('keeps one placement per organisation and audits the move without content', async () => {
    const org = await saveOrganisation({ name: 'GGZ Noord', type: 'ggz' });
    await placeOrganisation({ organisationId: org.id, ring: 'invliegen', reason: 'specialistisch' });
    await placeOrganisation({ organisationId: org.id, ring: 'buitenring', shell: 'eerste', reason: 'vaste POH-lijn' });
    const placements = await listPlacements();
    expect(placements).toHaveLength(1);
    expect(placements[0]).toMatchObject({ ring: 'buitenring', shell: 'eerste', reason: 'vaste POH-lijn' });
    const audit = (await listAudit()).find((a) => a.entity === 'placement' && a.details?.to === 'buitenring');
    expect(audit?.details).toMatchObject({ from: 'invliegen', to: 'buitenring' });
    expect(JSON.stringify(audit)).not.toContain('POH');
  });
});

describe('a new organisation with its placement', () => {
  it('writes the organisation and its first placement together, or neither', async () => {
    const { organisation } = await createPlacedOrganisation({ name: 'GGZ Noord', type: 'ggz' }, { ring: 'invliegen', reason: 'op afroep' });
    expect(await listPlacements()).toEqual([expect.objectContaining({ organisationId: organisation.id, ring: 'invliegen', reason: 'op afroep' })]);

    // An invalid placement (the buitenring needs a shell) writes no organisation either.
    await expect(createPlacedOrganisation({ name: 'Woonstichting', type: 'woningcorporatie' }, { ring: 'buitenring', reason: 'korte lijn' })).rejects.toThrow();
    // A failure while writing the placement rolls the organisation back too.
    const add = vi.spyOn(db.placements, 'add').mockImplementationOnce(() => {
      throw new Error('disk full');
    });
    await expect(createPlacedOrganisation({ name: 'Schuldhulp', type: 'schuldhulp' }, { ring: 'buitenring', shell: 'eerste', reason: 'korte lijn' })).rejects.toThrow('disk full');
    add.mockRestore();
    expect((await listOrganisations()).map((o) => o.name)).toEqual(['GGZ Noord']);
    expect(await listPlacements()).toHaveLength(1);
    const audit = (await listAudit()).filter((a) => a.entity === 'organisation' || a.entity === 'placement');
    expect(audit).toHaveLength(2);
  });
});

async function seedAgendaItem(householdId: string, invitedContactIds: string[], status: AgendaItem['status']): Promise<AgendaItem> {
  const item = AgendaItemSchema.parse({
    id: crypto.randomUUID(),
    meetingId: crypto.randomUUID(),
    householdId,
    kind: 'case',
    question: 'Wie pakt de huurachterstand op?',
    timeBoxMinutes: 15,
    order: 0,
    invitedContactIds,
    status,
    createdAt: T,
    updatedAt: T,
  });
  await db.agendaItems.put(await seal('agendaItems', item));
  return item;
}

async function seedDuty(householdId: string, over: Partial<FeedbackDuty>): Promise<FeedbackDuty> {
  const duty = FeedbackDutySchema.parse({
    id: `fd:action:${crypto.randomUUID()}`,
    householdId,
    kind: 'action_result',
    sourceId: crypto.randomUUID(),
    factDate: '2025-02-01',
    dueDate: '2025-02-15',
    status: 'open',
    recipient: { kind: 'team' },
    createdAt: T,
    ...over,
  });
  await db.feedbackDuties.put(await seal('feedbackDuties', duty));
  return duty;
}

async function read<S extends z.ZodType>(table: 'actions' | 'agendaItems' | 'feedbackDuties' | 'invitations', id: string, schema: S): Promise<z.output<S>> {
  const row = await db.rows(table).get(id);
  if (!row) throw new Error('missing');
  return open(table, row, schema);
}

describe('a contact leaves', () => {
  it('moves all their open work to a successor of the same organisation in one go, with a handover note per household', async () => {
    const org = await saveOrganisation({ name: 'Woonstichting', type: 'woningcorporatie' });
    await placeOrganisation({ organisationId: org.id, ring: 'buitenring', shell: 'eerste', reason: 'korte lijn' });
    const leaving = await saveContact({ organisationId: org.id, name: 'Kees Visser' });
    const successor = await saveContact({ organisationId: org.id, name: 'Petra de Wit' });
    const colleague = await saveContact({ organisationId: org.id, name: 'Ali Demir', backupContactId: leaving.id });
    const h1 = await createHousehold({ displayName: 'Familie A', members: [] });
    const h2 = await createHousehold({ displayName: 'Familie B', members: [] });
    const h3 = await createHousehold({ displayName: 'Familie C (gesloten)', members: [] });
    const open1 = await seedAction(h1.id, leaving.id, 'open');
    const open2 = await seedAction(h2.id, leaving.id, 'open');
    const done = await seedAction(h1.id, leaving.id, 'gedaan');
    // Done by a team member, but the result is reported to the leaving contact.
    const reportsTo = await seedAction(h2.id, 'm1', 'open', { owner: { kind: 'team_member', refId: 'm1' }, ownerId: 'm1', reportTo: { kind: 'contact', refId: leaving.id } });
    await addInvolvement({ householdId: h1.id, organisationId: org.id, contactId: leaving.id, level: 'afstemmen', since: '2025-01-01' });
    await recordConsent({ householdId: h1.id, organisationId: org.id, purpose: 'bespreken', givenBy: 'moeder', givenAt: '2025-01-01' });
    const invitation = await inviteContact(
      { householdId: h1.id, organisationId: org.id, contactId: leaving.id, purpose: 'bespreken', kind: 'period', startDate: '2025-02-01', endDate: '2025-04-30' },
      '2025-02-01',
    );
    const item = await seedAgendaItem(h1.id, [leaving.id], 'open');
    const discussed = await seedAgendaItem(h1.id, [leaving.id], 'besproken');
    const owedTo = await seedDuty(h2.id, { recipient: { kind: 'party', party: { kind: 'contact', refId: leaving.id } } });
    const owedBy = await seedDuty(h1.id, { kind: 'partner_report', fromContactId: leaving.id });

    // A closed household's file is read-only: its involvement, invitation and duty stay as they are.
    await addInvolvement({ householdId: h3.id, organisationId: org.id, contactId: leaving.id, level: 'informeren', since: '2025-01-01' });
    await recordConsent({ householdId: h3.id, organisationId: org.id, purpose: 'bespreken', givenBy: 'vader', givenAt: '2025-01-01' });
    const closedInvitation = await inviteContact(
      { householdId: h3.id, organisationId: org.id, contactId: leaving.id, purpose: 'bespreken', kind: 'period', startDate: '2025-02-01', endDate: '2025-04-30' },
      '2025-02-01',
    );
    const closedItem = await seedAgendaItem(h3.id, [leaving.id], 'open');
    await closeHousehold(h3.id, { outcome: 'Verhuisd', acknowledgeOpen: true });
    const closedDuty = await seedDuty(h3.id, { recipient: { kind: 'party', party: { kind: 'contact', refId: leaving.id } } });

    const preview = await previewReplacement(leaving.id, '2025-03-01');
    expect([preview.work.actions, preview.work.involvements, preview.work.invitations, preview.work.agendaItems, preview.work.duties, preview.work.backups].map((l) => l.length)).toEqual([
      3, 1, 1, 1, 2, 1,
    ]);
    const result = await replaceContact(
      { contactId: leaving.id, successorId: successor.id, leftAt: '2025-03-01', handoverNote: 'Let op: huurachterstand loopt.' },
      (note) => `Overdracht: ${note}`,
    );
    expect(result).toEqual({
      actions: 3,
      involvements: 1,
      involvementsUnnamed: 0,
      invitations: 1,
      invitationsEnded: 0,
      agendaItems: 1,
      agendaItemsDropped: 0,
      duties: 2,
      backups: 1,
      households: 2,
    });

    for (const a of [open1, open2]) {
      const moved = await read('actions', a.id, ActionSchema);
      expect(moved.owner.refId).toBe(successor.id);
      expect(moved.ownerId).toBe(successor.id);
      expect(moved.reportTo.refId).toBe(successor.id);
    }
    expect(await read('actions', reportsTo.id, ActionSchema)).toMatchObject({ ownerId: 'm1', reportTo: { kind: 'contact', refId: successor.id } });
    expect((await read('actions', done.id, ActionSchema)).ownerId).toBe(leaving.id);
    expect((await listInvolvements(h1.id))[0]?.contactId).toBe(successor.id);
    expect(await read('invitations', invitation.id, InvitationSchema)).toMatchObject({ contactId: successor.id, organisationId: org.id });
    expect((await read('agendaItems', item.id, AgendaItemSchema)).invitedContactIds).toEqual([successor.id]);
    expect((await read('agendaItems', discussed.id, AgendaItemSchema)).invitedContactIds).toEqual([leaving.id]);
    expect((await read('feedbackDuties', owedTo.id, FeedbackDutySchema)).recipient.party?.refId).toBe(successor.id);
    expect((await read('feedbackDuties', owedBy.id, FeedbackDutySchema)).fromContactId).toBe(successor.id);
    const contacts = await listContacts();
    expect(contacts.find((c) => c.id === leaving.id)).toMatchObject({ active: false, successorId: successor.id, leftAt: '2025-03-01', handoverNote: 'Let op: huurachterstand loopt.' });
    expect(contacts.find((c) => c.id === colleague.id)?.backupContactId).toBe(successor.id);

    // Nothing of the closed household changed.
    expect((await listInvolvements(h3.id))[0]?.contactId).toBe(leaving.id);
    expect(await read('invitations', closedInvitation.id, InvitationSchema)).toEqual(closedInvitation);
    expect((await read('agendaItems', closedItem.id, AgendaItemSchema)).invitedContactIds).toEqual([leaving.id]);
    expect((await read('feedbackDuties', closedDuty.id, FeedbackDutySchema)).recipient.party?.refId).toBe(leaving.id);

    const notes = await Promise.all((await db.notes.toArray()).map((r) => open('notes', r, NoteSchema)));
    expect(notes.map((n) => n.householdId).sort()).toEqual([h1.id, h2.id].sort());
    expect(notes.every((n) => n.internal && n.text === 'Overdracht: Let op: huurachterstand loopt.')).toBe(true);
    const audit = (await listAudit()).find((a) => a.action === 'handover' && a.entity === 'contact');
    expect(audit?.details).toMatchObject({ actions: 3, involvements: 1, duties: 2 });
    expect(JSON.stringify(audit)).not.toContain('huurachterstand');
  });

  it('to a successor elsewhere: the involvement keeps its organisation, an invitation without consent ends', async () => {
    const amw = await saveOrganisation({ name: 'AMW', type: 'amw' });
    const ggz = await saveOrganisation({ name: 'GGZ', type: 'ggz' });
    await placeOrganisation({ organisationId: amw.id, ring: 'buitenring', shell: 'eerste', reason: 'korte lijn' });
    await placeOrganisation({ organisationId: ggz.id, ring: 'invliegen', reason: 'op afroep' });
    const leaving = await saveContact({ organisationId: amw.id, name: 'Mehmet' });
    const elsewhere = await saveContact({ organisationId: ggz.id, name: 'Iris' });
    const h = await createHousehold({ displayName: 'Familie D', members: [] });
    const action = await seedAction(h.id, leaving.id, 'open');
    await addInvolvement({ householdId: h.id, organisationId: amw.id, contactId: leaving.id, level: 'afwegen', since: '2025-01-01' });
    await recordConsent({ householdId: h.id, organisationId: amw.id, purpose: 'bespreken', givenBy: 'moeder', givenAt: '2025-01-01' });
    const invitation = await inviteContact(
      { householdId: h.id, organisationId: amw.id, contactId: leaving.id, purpose: 'bespreken', kind: 'period', startDate: '2025-02-01', endDate: '2025-04-30' },
      '2025-02-01',
    );
    const item = await seedAgendaItem(h.id, [leaving.id], 'open');

    const result = await replaceContact({ contactId: leaving.id, successorId: elsewhere.id, leftAt: '2025-03-01', handoverNote: 'Zie dossier.' }, (n) => n);
    expect(result).toMatchObject({ actions: 1, involvements: 0, involvementsUnnamed: 1, invitations: 0, invitationsEnded: 1, agendaItems: 0, agendaItemsDropped: 1 });
    expect((await read('actions', action.id, ActionSchema)).ownerId).toBe(elsewhere.id);
    const [inv] = await listInvolvements(h.id);
    expect(inv?.organisationId).toBe(amw.id);
    expect(inv?.contactId).toBeUndefined();
    // GGZ has no consent of this household: the invitation ends, it does not pass to GGZ.
    expect(await read('invitations', invitation.id, InvitationSchema)).toMatchObject({ contactId: leaving.id, organisationId: amw.id, cancelledAt: '2025-03-01' });
    expect((await read('agendaItems', item.id, AgendaItemSchema)).invitedContactIds).toEqual([]);
  });

  it('refuses a successor who is the same person, and writes nothing', async () => {
    const org = await saveOrganisation({ name: 'AMW', type: 'amw' });
    const c = await saveContact({ organisationId: org.id, name: 'Anouk' });
    await expect(replaceContact({ contactId: c.id, successorId: c.id, leftAt: '2025-03-01', handoverNote: 'x' }, (n) => n)).rejects.toThrow();
    expect((await listContacts())[0]?.active).toBe(true);
  });
});

describe('invitations are refused without consent', () => {
  it('refuses an invliegen partner until consent for the purpose is recorded; refuses again after withdrawal', async () => {
    const org = await saveOrganisation({ name: 'GGZ', type: 'ggz' });
    await placeOrganisation({ organisationId: org.id, ring: 'invliegen', reason: 'op invliegbasis' });
    const contact = await saveContact({ organisationId: org.id, name: 'Iris' });
    const h = await createHousehold({ displayName: 'Familie C', members: [] });
    const draft = { householdId: h.id, organisationId: org.id, contactId: contact.id, purpose: 'bespreken' as const, kind: 'meeting' as const, startDate: '2025-03-11', endDate: '2025-03-11' };

    const refused = await inviteContact(draft, '2025-03-04').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConsentRequiredError);
    expect(refused instanceof ConsentRequiredError ? refused.access : undefined).toMatchObject({ allowed: false, reason: 'missing', todo: 'record' });
    expect(await listInvitations(h.id)).toHaveLength(0);

    // Consent for another purpose does not count.
    await recordConsent({ householdId: h.id, organisationId: org.id, purpose: 'delen', givenBy: 'moeder', givenAt: '2025-03-01' });
    await expect(inviteContact(draft, '2025-03-04')).rejects.toBeInstanceOf(ConsentRequiredError);

    const consent = await recordConsent({ householdId: h.id, organisationId: org.id, purpose: 'bespreken', givenBy: 'moeder', givenAt: '2025-03-01' });
    await inviteContact(draft, '2025-03-04');
    expect(await listInvitations(h.id)).toHaveLength(1);

    await withdrawConsent(h.id, consent.id, '2025-03-05');
    await expect(inviteContact(draft, '2025-03-06')).rejects.toMatchObject({ access: { reason: 'withdrawn', todo: 'renew' } });
  });
});

describe('a closed household is read-only for partner data', () => {
  it('refuses involvements, consents and invitations with a message key, but still records a withdrawal', async () => {
    const org = await saveOrganisation({ name: 'GGZ', type: 'ggz' });
    await placeOrganisation({ organisationId: org.id, ring: 'invliegen', reason: 'op invliegbasis' });
    const contact = await saveContact({ organisationId: org.id, name: 'Iris' });
    const h = await createHousehold({ displayName: 'Familie E', members: [] });
    const inv = await addInvolvement({ householdId: h.id, organisationId: org.id, contactId: contact.id, level: 'informeren', since: '2025-01-01' });
    const consent = await recordConsent({ householdId: h.id, organisationId: org.id, purpose: 'bespreken', givenBy: 'moeder', givenAt: '2025-01-01' });
    const invitation = await inviteContact(
      { householdId: h.id, organisationId: org.id, contactId: contact.id, purpose: 'bespreken', kind: 'period', startDate: '2025-03-01', endDate: '2025-04-30' },
      '2025-03-01',
    );
    await closeHousehold(h.id, { outcome: 'Doelen bereikt', acknowledgeOpen: true });

    const refusal = async (p: Promise<unknown>) => {
      const e = await p.then(() => undefined, (err: unknown) => err);
      return e instanceof TeamRuleError ? e.key : e;
    };
    expect(HOUSEHOLD_CLOSED_KEY).toBe('team.closed.readOnly');
    expect(await refusal(addInvolvement({ householdId: h.id, organisationId: org.id, level: 'afstemmen', since: '2025-03-02' }))).toBe(HOUSEHOLD_CLOSED_KEY);
    expect(await refusal(updateInvolvement(h.id, inv.id, { level: 'doorzetten' }))).toBe(HOUSEHOLD_CLOSED_KEY);
    expect(await refusal(updateInvolvement(h.id, inv.id, { endedAt: '2025-03-02' }))).toBe(HOUSEHOLD_CLOSED_KEY);
    expect(await refusal(recordConsent({ householdId: h.id, organisationId: org.id, purpose: 'delen', givenBy: 'moeder', givenAt: '2025-03-02' }))).toBe(HOUSEHOLD_CLOSED_KEY);
    // Closed says so before any consent question (there is no consent for 'delen').
    const draft = { householdId: h.id, organisationId: org.id, contactId: contact.id, purpose: 'delen' as const, kind: 'meeting' as const, startDate: '2025-03-11', endDate: '2025-03-11' };
    expect(await refusal(inviteContact(draft, '2025-03-02'))).toBe(HOUSEHOLD_CLOSED_KEY);
    expect(await refusal(cancelInvitation(h.id, invitation.id, '2025-03-02'))).toBe(HOUSEHOLD_CLOSED_KEY);

    expect(await listInvolvements(h.id)).toEqual([inv]);
    expect(await listInvitations(h.id)).toEqual([invitation]);
    expect(await listConsents(h.id)).toHaveLength(1);

    // Withdrawing consent stays possible: the ledger must say from when it no longer holds.
    await withdrawConsent(h.id, consent.id, '2025-03-02');
    expect((await listConsents(h.id))[0]).toMatchObject({ id: consent.id, withdrawnAt: '2025-03-02' });
  });
});

describe('workload input', () => {
  it('reads open actions from plain index fields and leaves closed households out', async () => {
    const org = await saveOrganisation({ name: 'AMW', type: 'amw' });
    const c = await saveContact({ organisationId: org.id, name: 'Anouk' });
    const h = await createHousehold({ displayName: 'Familie D', members: [] });
    await seedAction(h.id, c.id, 'open');
    await seedAction(h.id, c.id, 'gedaan');
    const input = await loadWorkloadInput();
    expect(input.openActions).toEqual([{ householdId: h.id, ownerId: c.id }]);
    expect(input.households.map((x) => x.id)).toEqual([h.id]);
  });
});
