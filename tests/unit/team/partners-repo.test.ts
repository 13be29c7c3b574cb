import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ActionSchema, NoteSchema, type Action } from '../../../shared/domain/casefile';
import { seal, open } from '../../../renderer/src/data/repositories/kit';
import { createHousehold } from '../../../renderer/src/data/repositories/households';
import { closeHousehold } from '../../../renderer/src/data/repositories/casefile-regie';
import { listAudit } from '../../../renderer/src/data/repositories/audit';
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
  previewReplacement,
  recordConsent,
  replaceContact,
  saveContact,
  saveOrganisation,
  updateInvolvement,
  withdrawConsent,
} from '../../../renderer/src/data/repositories/partners';
import { getTeamSettings, listMembers, saveTeamSettings, defaultTeamSettingsDraft } from '../../../renderer/src/data/repositories/team';
import { loadExampleTeam } from '../../../renderer/src/data/repositories/team-example';
import { freshUnlockedDb } from '../../support/test-db';

const T = '2025-03-01T09:00:00.000Z';
let db: Awaited<ReturnType<typeof freshUnlockedDb>>['db'];

beforeEach(async () => {
  ({ db } = await freshUnlockedDb());
});

async function seedAction(householdId: string, ownerId: string, status: Action['status']): Promise<Action> {
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

describe('a contact leaves', () => {
  it('moves open actions and active involvements to the successor in one go, with a handover note per household', async () => {
    const org = await saveOrganisation({ name: 'Woonstichting', type: 'woningcorporatie' });
    const leaving = await saveContact({ organisationId: org.id, name: 'Kees Visser' });
    const successor = await saveContact({ organisationId: org.id, name: 'Petra de Wit' });
    const h1 = await createHousehold({ displayName: 'Familie A', members: [] });
    const h2 = await createHousehold({ displayName: 'Familie B', members: [] });
    const open1 = await seedAction(h1.id, leaving.id, 'open');
    const open2 = await seedAction(h2.id, leaving.id, 'open');
    const done = await seedAction(h1.id, leaving.id, 'gedaan');
    await addInvolvement({ householdId: h1.id, organisationId: org.id, contactId: leaving.id, level: 'afstemmen', since: '2025-01-01' });

    expect(await previewReplacement(leaving.id, '2025-03-01')).toEqual({ actions: 2, involvements: 1, households: 2 });
    const result = await replaceContact(
      { contactId: leaving.id, successorId: successor.id, leftAt: '2025-03-01', handoverNote: 'Let op: huurachterstand loopt.' },
      (note) => `Overdracht: ${note}`,
    );
    expect(result).toEqual({ movedActions: 2, movedInvolvements: 1, households: 2 });

    const byId = async (id: string) => {
      const row = await db.actions.get(id);
      if (!row) throw new Error('missing');
      return open('actions', row, ActionSchema);
    };
    for (const a of [open1, open2]) {
      const moved = await byId(a.id);
      expect(moved.owner.refId).toBe(successor.id);
      expect(moved.ownerId).toBe(successor.id);
      expect(moved.reportTo.refId).toBe(successor.id);
    }
    expect((await byId(done.id)).ownerId).toBe(leaving.id);
    expect((await listInvolvements(h1.id))[0]?.contactId).toBe(successor.id);
    const contacts = await listContacts();
    expect(contacts.find((c) => c.id === leaving.id)).toMatchObject({ active: false, successorId: successor.id, leftAt: '2025-03-01', handoverNote: 'Let op: huurachterstand loopt.' });
    const notes = await Promise.all((await db.notes.toArray()).map((r) => open('notes', r, NoteSchema)));
    expect(notes.map((n) => n.householdId).sort()).toEqual([h1.id, h2.id].sort());
    expect(notes.every((n) => n.internal && n.text === 'Overdracht: Let op: huurachterstand loopt.')).toBe(true);
    const audit = (await listAudit()).find((a) => a.action === 'handover' && a.entity === 'contact');
    expect(audit?.details).toMatchObject({ movedActions: 2, movedInvolvements: 1 });
    expect(JSON.stringify(audit)).not.toContain('huurachterstand');
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
