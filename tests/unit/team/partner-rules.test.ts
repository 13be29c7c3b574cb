import { describe, expect, it } from 'vitest';
import type { Action } from '../../../shared/domain/casefile';
import type { FeedbackDuty } from '../../../shared/domain/feedback';
import type { AgendaItem } from '../../../shared/domain/meeting';
import {
  TABLE_SIZE_LIMIT,
  checkPartnerAccess,
  computeWorkload,
  consentStatus,
  invitationState,
  lapsedConsents,
  applyContactReplacement,
  selectReplacementWork,
  successorCandidates,
  professionalsInvolved,
  ringOf,
  suggestedRing,
  tableSize,
} from '../../../shared/domain/partner-rules';
import {
  ConsentDraftSchema,
  InvitationDraftSchema,
  PlacementDraftSchema,
  type Consent,
  type Contact,
  type Invitation,
  type Involvement,
  type Placement,
} from '../../../shared/domain/partners';
import type { TeamMember } from '../../../shared/domain/team';

const T = '2025-03-01T09:00:00.000Z';
const H = 'h1';
const ORG = 'o-ggz';

function consent(over: Partial<Consent> = {}): Consent {
  return { id: Math.random().toString(36).slice(2), householdId: H, organisationId: ORG, purpose: 'bespreken', givenBy: 'moeder', givenAt: '2025-01-10', createdAt: T, ...over };
}
function placement(organisationId: string, ring: Placement['ring'], updatedAt = T): Placement {
  return { id: `p-${organisationId}-${updatedAt}`, organisationId, ring, reason: 'omdat', updatedAt, ...(ring === 'buitenring' ? { shell: 'eerste' as const } : {}) };
}
const q = { householdId: H, organisationId: ORG, purpose: 'bespreken' as const };

describe('consentStatus', () => {
  it('is missing when nothing is recorded, and asks to record it', () => {
    expect(consentStatus([], q, '2025-02-01')).toEqual({ status: 'missing', todo: 'record' });
  });

  it('is valid from the day it is given through the expiry date', () => {
    const c = consent({ givenAt: '2025-01-10', expiresAt: '2025-06-30' });
    expect(consentStatus([c], q, '2025-01-09').status).toBe('missing');
    expect(consentStatus([c], q, '2025-01-10').status).toBe('valid');
    expect(consentStatus([c], q, '2025-06-30').status).toBe('valid');
    const after = consentStatus([c], q, '2025-07-01');
    expect(after.status).toBe('expired');
    expect(after.todo).toBe('renew');
    expect(after.consent?.id).toBe(c.id);
  });

  it('is per purpose: consent to discuss is not consent to share or refer', () => {
    const c = consent({ purpose: 'bespreken' });
    expect(consentStatus([c], { ...q, purpose: 'bespreken' }, '2025-02-01').status).toBe('valid');
    expect(consentStatus([c], { ...q, purpose: 'delen' }, '2025-02-01').status).toBe('missing');
    expect(consentStatus([c], { ...q, purpose: 'verwijzen' }, '2025-02-01').status).toBe('missing');
  });

  it('is per household and per partner', () => {
    const c = consent();
    expect(consentStatus([c], { ...q, householdId: 'h2' }, '2025-02-01').status).toBe('missing');
    expect(consentStatus([c], { ...q, organisationId: 'o-other' }, '2025-02-01').status).toBe('missing');
  });

  it('is withdrawn from the withdrawal date on', () => {
    const c = consent({ withdrawnAt: '2025-02-15' });
    expect(consentStatus([c], q, '2025-02-14').status).toBe('valid');
    const s = consentStatus([c], q, '2025-02-15');
    expect(s.status).toBe('withdrawn');
    expect(s.todo).toBe('renew');
  });

  it('a newer consent after a withdrawal makes it valid again; the latest lapsed one explains a refusal', () => {
    const old = consent({ givenAt: '2024-01-01', expiresAt: '2024-12-31' });
    const withdrawn = consent({ givenAt: '2025-01-10', withdrawnAt: '2025-02-01' });
    expect(consentStatus([old, withdrawn], q, '2025-03-01').status).toBe('withdrawn');
    const renewed = consent({ givenAt: '2025-03-01' });
    expect(consentStatus([old, withdrawn, renewed], q, '2025-03-01')).toMatchObject({ status: 'valid', consent: { id: renewed.id } });
  });

  it('picks the longest-lasting of several valid consents', () => {
    const short = consent({ expiresAt: '2025-03-01' });
    const open = consent({});
    expect(consentStatus([short, open], q, '2025-02-01').consent?.id).toBe(open.id);
  });
});

describe('lapsedConsents (the household warning)', () => {
  it('warns per organisation and purpose, and clears once the lapsed consent is renewed', () => {
    const expired = consent({ givenAt: '2024-01-01', expiresAt: '2024-12-31' });
    const withdrawn = consent({ organisationId: 'o-woon', purpose: 'delen', givenAt: '2025-01-01', withdrawnAt: '2025-02-01' });
    expect(lapsedConsents([expired, withdrawn], H, '2025-03-01')).toEqual([
      { organisationId: ORG, purpose: 'bespreken', status: 'expired', consent: expired },
      { organisationId: 'o-woon', purpose: 'delen', status: 'withdrawn', consent: withdrawn },
    ]);
    // Renewing one pair clears that pair only; the old ledger line stays as history.
    const renewed = consent({ givenAt: '2025-03-01', expiresAt: '2025-12-31' });
    expect(lapsedConsents([expired, withdrawn, renewed], H, '2025-03-01').map((l) => l.organisationId)).toEqual(['o-woon']);
    // Two lapsed lines for one pair are one warning, not two.
    const expiredAgain = consent({ givenAt: '2024-06-01', expiresAt: '2025-01-31' });
    expect(lapsedConsents([expired, expiredAgain], H, '2025-03-01')).toHaveLength(1);
  });

  it('does not count valid consent for another purpose as a renewal, nor other households', () => {
    const expired = consent({ purpose: 'bespreken', expiresAt: '2025-01-31' });
    const otherPurpose = consent({ purpose: 'delen', givenAt: '2025-02-15' });
    const otherHousehold = consent({ householdId: 'h2', expiresAt: '2025-01-01' });
    expect(lapsedConsents([expired, otherPurpose, otherHousehold], H, '2025-03-01')).toEqual([
      { organisationId: ORG, purpose: 'bespreken', status: 'expired', consent: expired },
    ]);
    expect(lapsedConsents([], H, '2025-03-01')).toEqual([]);
  });
});

describe('checkPartnerAccess (meeting items and exports)', () => {
  const placements = [placement('o-amw', 'binnenring'), placement('o-woon', 'buitenring'), placement(ORG, 'invliegen')];

  it('lets the binnenring in without recorded consent', () => {
    const a = checkPartnerAccess({ placements, consents: [], ...q, organisationId: 'o-amw' }, '2025-02-01');
    expect(a).toMatchObject({ allowed: true, reason: 'binnenring', ring: 'binnenring' });
  });

  it('refuses an invliegen partner without consent and says to record it', () => {
    expect(checkPartnerAccess({ placements, consents: [], ...q }, '2025-02-01')).toMatchObject({ allowed: false, reason: 'missing', todo: 'record', ring: 'invliegen' });
  });

  it('refuses a buitenring partner with expired consent and says to renew it', () => {
    const c = consent({ organisationId: 'o-woon', expiresAt: '2025-01-31' });
    expect(checkPartnerAccess({ placements, consents: [c], ...q, organisationId: 'o-woon' }, '2025-02-01')).toMatchObject({ allowed: false, reason: 'expired', todo: 'renew' });
  });

  it('allows an outside partner with valid consent for that purpose only', () => {
    const c = consent({ purpose: 'bespreken' });
    expect(checkPartnerAccess({ placements, consents: [c], ...q }, '2025-02-01')).toMatchObject({ allowed: true, reason: 'consent' });
    expect(checkPartnerAccess({ placements, consents: [c], ...q, purpose: 'delen' }, '2025-02-01')).toMatchObject({ allowed: false, reason: 'missing' });
  });

  it('treats an organisation that is not placed in any ring as outside the table', () => {
    expect(checkPartnerAccess({ placements: [], consents: [], ...q }, '2025-02-01')).toMatchObject({ allowed: false, ring: undefined });
  });

  it('uses the latest placement: moving out of the binnenring takes the seat away', () => {
    const moved = [placement(ORG, 'binnenring', '2025-01-01T00:00:00.000Z'), placement(ORG, 'invliegen', '2025-02-01T00:00:00.000Z')];
    expect(ringOf(moved, ORG)).toBe('invliegen');
    expect(checkPartnerAccess({ placements: moved, consents: [], ...q }, '2025-02-02').allowed).toBe(false);
  });
});

describe('invitations end by themselves', () => {
  const inv = { startDate: '2025-03-10', endDate: '2025-03-20' };
  it('is scheduled, active through the end date, then ended', () => {
    expect(invitationState(inv, '2025-03-09')).toBe('scheduled');
    expect(invitationState(inv, '2025-03-10')).toBe('active');
    expect(invitationState(inv, '2025-03-20')).toBe('active');
    expect(invitationState(inv, '2025-03-21')).toBe('ended');
  });
  it('is cancelled from the cancellation date', () => {
    expect(invitationState({ ...inv, cancelledAt: '2025-03-12' }, '2025-03-11')).toBe('active');
    expect(invitationState({ ...inv, cancelledAt: '2025-03-12' }, '2025-03-12')).toBe('cancelled');
  });
  it('validates dates: a meeting is one day, a period is limited and never ends before it starts', () => {
    const base = { householdId: H, organisationId: ORG, contactId: 'c', purpose: 'bespreken' as const };
    expect(InvitationDraftSchema.safeParse({ ...base, kind: 'meeting', startDate: '2025-03-10', endDate: '2025-03-10' }).success).toBe(true);
    const twoDays = InvitationDraftSchema.safeParse({ ...base, kind: 'meeting', startDate: '2025-03-10', endDate: '2025-03-11' });
    expect(twoDays.success ? [] : twoDays.error.issues.map((i) => i.message)).toEqual(['team.validation.meetingOneDay']);
    const backwards = InvitationDraftSchema.safeParse({ ...base, kind: 'period', startDate: '2025-03-10', endDate: '2025-03-01' });
    expect(backwards.success ? [] : backwards.error.issues.map((i) => i.message)).toEqual(['team.validation.endBeforeStart']);
    const tooLong = InvitationDraftSchema.safeParse({ ...base, kind: 'period', startDate: '2025-01-01', endDate: '2025-12-31' });
    expect(tooLong.success ? [] : tooLong.error.issues.map((i) => i.message)).toEqual(['team.validation.periodTooLong']);
  });
  it('a consent cannot expire before it was given', () => {
    const r = ConsentDraftSchema.safeParse({ householdId: H, organisationId: ORG, purpose: 'delen', givenBy: 'vader', givenAt: '2025-03-10', expiresAt: '2025-03-01' });
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual(['team.validation.expiryBeforeGiven']);
  });
});

describe('rings and the table', () => {
  const member = (name: string, active = true): TeamMember => ({ id: name, name, active });
  const contact = (name: string, organisationId: string, active = true): Contact => ({ id: `c-${name}`, name, organisationId, active, createdAt: T });

  it('counts active team members and active binnenring contacts, each person once', () => {
    const placements = [placement('in', 'binnenring'), placement('out', 'buitenring')];
    const count = tableSize(
      [member('Anouk Peters'), member('Sanne'), member('Oud lid', false)],
      [contact('anouk  peters', 'in'), contact('Joost', 'in'), contact('Vertrokken', 'in', false), contact('Kees', 'out')],
      placements,
    );
    expect(count).toMatchObject({ size: 3, members: 2, contacts: 1, overLimit: false });
  });

  it('warns above fifteen people, not at fifteen', () => {
    const placements = [placement('in', 'binnenring')];
    const members = Array.from({ length: 10 }, (_, i) => member(`lid ${i}`));
    const five = Array.from({ length: 5 }, (_, i) => contact(`contact ${i}`, 'in'));
    expect(tableSize(members, five, placements)).toMatchObject({ size: 15, overLimit: false });
    expect(tableSize(members, [...five, contact('zestiende', 'in')], placements)).toMatchObject({ size: TABLE_SIZE_LIMIT + 1, overLimit: true });
  });

  it('requires a shell for the buitenring and drops it elsewhere', () => {
    expect(PlacementDraftSchema.safeParse({ organisationId: 'o', ring: 'buitenring', reason: 'r' }).success).toBe(false);
    expect(PlacementDraftSchema.parse({ organisationId: 'o', ring: 'buitenring', shell: 'tweede', reason: 'r' }).shell).toBe('tweede');
    expect(PlacementDraftSchema.parse({ organisationId: 'o', ring: 'invliegen', shell: 'tweede', reason: 'r' }).shell).toBeUndefined();
    expect(PlacementDraftSchema.safeParse({ organisationId: 'o', ring: 'binnenring', reason: '  ' }).success).toBe(false);
  });

  it('suggests rings after the field: GGZ flies in, volunteers and huisarts sit outside, AMW at the table', () => {
    expect(suggestedRing('ggz')).toBe('invliegen');
    expect(suggestedRing('vrijwilligers')).toBe('buitenring');
    expect(suggestedRing('huisarts_poh')).toBe('buitenring');
    expect(suggestedRing('amw')).toBe('binnenring');
  });
});

describe('involvement per household', () => {
  const inv = (over: Partial<Involvement>): Involvement => ({ id: Math.random().toString(36), householdId: H, organisationId: 'o', level: 'afstemmen', since: '2025-01-01', createdAt: T, ...over });

  it('counts professionals involved at once and warns above the maximum', () => {
    const list = [
      inv({ contactId: 'a' }),
      inv({ contactId: 'a', organisationId: 'o2' }),
      inv({ organisationId: 'o3' }),
      inv({ contactId: 'b', endedAt: '2025-02-01' }),
      inv({ contactId: 'c', since: '2025-06-01' }),
    ];
    expect(professionalsInvolved(list, '2025-03-01', 5)).toEqual({ count: 2, max: 5, overLimit: false });
    expect(professionalsInvolved(list, '2025-03-01', 1)).toMatchObject({ overLimit: true });
  });
});

describe('a contact leaves', () => {
  const action = (over: Partial<Action>): Action => ({
    id: Math.random().toString(36),
    householdId: H,
    planId: 'p',
    goalId: 'g',
    text: 't',
    layer: 'professioneel',
    owner: { kind: 'contact', refId: 'leaving' },
    ownerId: 'leaving',
    dueDate: '2025-04-01',
    reportTo: { kind: 'team_member', refId: 'm' },
    status: 'open',
    createdAt: T,
    ...over,
  });
  const contact = (over: Partial<Contact>): Contact => ({ id: 'c', organisationId: 'o', name: 'Naam', active: true, createdAt: T, ...over });
  const invitation = (over: Partial<Invitation>): Invitation => ({
    id: Math.random().toString(36),
    householdId: H,
    organisationId: 'o',
    contactId: 'leaving',
    purpose: 'bespreken',
    kind: 'period',
    startDate: '2025-02-01',
    endDate: '2025-04-30',
    createdAt: T,
    ...over,
  });
  const item = (over: Partial<AgendaItem>): AgendaItem => ({
    id: Math.random().toString(36),
    meetingId: 'mt',
    householdId: H,
    kind: 'case',
    question: 'Wie pakt de schulden op?',
    timeBoxMinutes: 15,
    order: 0,
    invitedContactIds: ['leaving', 'x'],
    decisions: [],
    actions: [],
    writtenActionIds: [],
    status: 'open',
    createdAt: T,
    updatedAt: T,
    ...over,
  });
  const duty = (over: Partial<FeedbackDuty>): FeedbackDuty => ({
    id: `fd:${Math.random().toString(36)}`,
    householdId: H,
    kind: 'action_result',
    sourceId: 'a1',
    factDate: '2025-02-01',
    dueDate: '2025-02-15',
    status: 'open',
    recipient: { kind: 'party', party: { kind: 'contact', refId: 'leaving' } },
    createdAt: T,
    ...over,
  });
  const none = { actions: [], involvements: [], invitations: [], agendaItems: [], duties: [], contacts: [] };
  const notClosed = () => false;
  const leaver = contact({ id: 'leaving' });
  const colleague = contact({ id: 'next' });
  const elsewhere = contact({ id: 'far', organisationId: 'o-other' });

  it('selects open actions they own or that report to them, and their involvements that have not ended', () => {
    const owned = action({});
    const reportsToThem = action({ owner: { kind: 'team_member', refId: 'm' }, ownerId: 'm', reportTo: { kind: 'contact', refId: 'leaving' } });
    const done = action({ status: 'gedaan' });
    const other = action({ owner: { kind: 'contact', refId: 'x' }, ownerId: 'x' });
    const member = action({ owner: { kind: 'team_member', refId: 'leaving' } });
    const active: Involvement = { id: 'i1', householdId: H, organisationId: 'o', contactId: 'leaving', level: 'afwegen', since: '2025-01-01', createdAt: T };
    const ended: Involvement = { ...active, id: 'i2', endedAt: '2025-01-15' };
    const work = selectReplacementWork('leaving', { ...none, actions: [owned, reportsToThem, done, other, member], involvements: [active, ended] }, '2025-03-01', notClosed);
    expect(work.actions.map((a) => a.id)).toEqual([owned.id, reportsToThem.id]);
    expect(work.involvements.map((i) => i.id)).toEqual(['i1']);
  });

  it('selects running invitations, agenda items not yet discussed, open duties to or by them, and backups', () => {
    const running = invitation({});
    const over = invitation({ endDate: '2025-02-28' });
    const cancelled = invitation({ cancelledAt: '2025-02-10' });
    const open = item({});
    const discussed = item({ status: 'besproken' });
    const owedTo = duty({});
    const owedBy = duty({ kind: 'partner_report', recipient: { kind: 'team' }, fromContactId: 'leaving' });
    const doneDuty = duty({ status: 'gedaan' });
    const someoneElse = duty({ recipient: { kind: 'party', party: { kind: 'contact', refId: 'x' } } });
    const backupOf = contact({ id: 'b1', backupContactId: 'leaving' });
    const inactiveBackupOf = contact({ id: 'b2', backupContactId: 'leaving', active: false });
    const work = selectReplacementWork(
      'leaving',
      { ...none, invitations: [running, over, cancelled], agendaItems: [open, discussed], duties: [owedTo, owedBy, doneDuty, someoneElse], contacts: [leaver, backupOf, inactiveBackupOf] },
      '2025-03-01',
      notClosed,
    );
    expect(work.invitations).toEqual([running]);
    expect(work.agendaItems).toEqual([open]);
    expect(work.duties).toEqual([owedTo, owedBy]);
    expect(work.backups).toEqual([backupOf]);
  });

  it('never selects work in a closed household', () => {
    const input = { ...none, actions: [action({})], invitations: [invitation({})], agendaItems: [item({})], duties: [duty({})] };
    const work = selectReplacementWork('leaving', input, '2025-03-01', (h) => h === H);
    expect([work.actions, work.invitations, work.agendaItems, work.duties].map((l) => l.length)).toEqual([0, 0, 0, 0]);
  });

  it('within the organisation, everything moves to the successor', () => {
    const owned = action({ reportTo: { kind: 'contact', refId: 'leaving' } });
    const inv: Involvement = { id: 'i1', householdId: H, organisationId: 'o', contactId: 'leaving', level: 'afwegen', since: '2025-01-01', createdAt: T };
    const work = selectReplacementWork(
      'leaving',
      {
        actions: [owned],
        involvements: [inv],
        invitations: [invitation({})],
        agendaItems: [item({ invitedContactIds: ['leaving', 'next'] })],
        duties: [duty({}), duty({ kind: 'partner_report', recipient: { kind: 'team' }, fromContactId: 'leaving' })],
        contacts: [leaver, colleague, contact({ id: 'b1', backupContactId: 'leaving' }), contact({ id: 'next', backupContactId: 'leaving' })],
      },
      '2025-03-01',
      notClosed,
    );
    const plan = applyContactReplacement(work, leaver, colleague, '2025-03-01', () => false);
    expect(plan.actions[0]).toMatchObject({ owner: { kind: 'contact', refId: 'next' }, ownerId: 'next', reportTo: { kind: 'contact', refId: 'next' } });
    expect(plan.involvements[0]).toMatchObject({ contactId: 'next', organisationId: 'o' });
    expect(plan.invitations[0]).toMatchObject({ contactId: 'next', organisationId: 'o' });
    expect(plan.invitations[0]?.cancelledAt).toBeUndefined();
    // The successor was already invited: one invitation, not two.
    expect(plan.agendaItems[0]?.invitedContactIds).toEqual(['next']);
    expect(plan.duties.map((d) => d.recipient.party?.refId ?? d.fromContactId)).toEqual(['next', 'next']);
    // The successor's own backup was the leaver: nobody is their own backup.
    expect(plan.backups.map((c) => [c.id, c.backupContactId])).toEqual([['b1', 'next'], ['next', undefined]]);
    expect(plan.summary).toMatchObject({ actions: 1, involvements: 1, involvementsUnnamed: 0, invitations: 1, invitationsEnded: 0, agendaItems: 1, duties: 2, backups: 2, households: 1 });
  });

  it('a successor elsewhere: the involvement keeps its organisation; invitations move only with consent', () => {
    const inv: Involvement = { id: 'i1', householdId: H, organisationId: 'o', contactId: 'leaving', level: 'afwegen', since: '2025-01-01', createdAt: T };
    const work = selectReplacementWork(
      'leaving',
      { ...none, actions: [action({})], involvements: [inv], invitations: [invitation({}), invitation({ householdId: 'h2' })], agendaItems: [item({}), item({ householdId: 'h2' })] },
      '2025-03-01',
      notClosed,
    );
    // Only household h2 gave the other organisation consent.
    const asked: string[] = [];
    const plan = applyContactReplacement(work, leaver, elsewhere, '2025-03-01', (h, org, purpose) => {
      asked.push(`${h}|${org}|${purpose}`);
      return h === 'h2';
    });
    expect(plan.actions[0]).toMatchObject({ ownerId: 'far' });
    expect(plan.involvements[0]).toMatchObject({ organisationId: 'o' });
    expect(plan.involvements[0]?.contactId).toBeUndefined();
    expect(plan.invitations.map((i) => [i.householdId, i.contactId, i.organisationId, i.cancelledAt])).toEqual([
      [H, 'leaving', 'o', '2025-03-01'],
      ['h2', 'far', 'o-other', undefined],
    ]);
    expect(plan.agendaItems.map((i) => i.invitedContactIds)).toEqual([['x'], ['far', 'x']]);
    expect(asked).toContain(`h2|o-other|bespreken`);
    expect(plan.summary).toMatchObject({ involvements: 0, involvementsUnnamed: 1, invitations: 1, invitationsEnded: 1, agendaItems: 1, agendaItemsDropped: 1, households: 2 });
  });

  it('offers colleagues of the same organisation first, then active contacts elsewhere', () => {
    const list = [contact({ id: 'z', organisationId: 'o-other' }), leaver, colleague, contact({ id: 'gone', active: false })];
    expect(successorCandidates(leaver, list)).toEqual({ sameOrganisation: [colleague], otherOrganisations: [list[0]] });
  });
});

describe('workload', () => {
  it('counts households and open actions per organisation and team member, without a score', () => {
    const contacts: Contact[] = [{ id: 'c1', organisationId: 'o1', name: 'C', active: true, createdAt: T }];
    const members: TeamMember[] = [{ id: 'm1', name: 'M', active: true }, { id: 'm2', name: 'N', active: true }];
    const w = computeWorkload(
      {
        openActions: [
          { householdId: 'h1', ownerId: 'c1' },
          { householdId: 'h1', ownerId: 'c1' },
          { householdId: 'h2', ownerId: 'm1' },
          { householdId: 'closed', ownerId: 'm1' },
        ],
        involvements: [{ id: 'i', householdId: 'h3', organisationId: 'o1', level: 'informeren', since: '2025-01-01', createdAt: T }],
        contacts,
        members,
        households: [{ id: 'h1', regisseurId: 'm2' }, { id: 'h2' }, { id: 'h3', regisseurId: 'm2' }],
      },
      '2025-03-01',
    );
    expect(w.organisations).toEqual([{ id: 'o1', households: 2, openActions: 2 }]);
    expect(w.members).toEqual([
      { id: 'm1', households: 1, openActions: 1 },
      { id: 'm2', households: 2, openActions: 0 },
    ]);
    expect(Object.keys(w.members[0] ?? {}).sort()).toEqual(['households', 'id', 'openActions']);
  });

  it('counts what a team member carries as the contact of their organisation (same person) for them too', () => {
    const w = computeWorkload(
      {
        openActions: [{ householdId: 'h1', ownerId: 'c-anouk' }],
        involvements: [],
        contacts: [{ id: 'c-anouk', organisationId: 'o1', name: 'Anouk  Peters', active: true, createdAt: T }],
        members: [{ id: 'm-anouk', name: 'anouk peters', active: true }],
        households: [{ id: 'h1' }],
      },
      '2025-03-01',
    );
    expect(w.members).toEqual([{ id: 'm-anouk', households: 1, openActions: 1 }]);
    expect(w.organisations).toEqual([{ id: 'o1', households: 1, openActions: 1 }]);
  });
});
