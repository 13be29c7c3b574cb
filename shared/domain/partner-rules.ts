import type { Action, Party } from './casefile';
import type { FeedbackDuty } from './feedback';
import type { AgendaItem } from './meeting';
import {
  INVOLVEMENT_LEVELS,
  type Consent,
  type ConsentPurpose,
  type Contact,
  type Invitation,
  type Involvement,
  type InvolvementLevel,
  type OrganisationType,
  type Placement,
  type Ring,
} from './partners';
import type { TeamMember } from './team';

/**
 * Rules about who sits at the table and who may see a case. Pure: every rule takes `today`
 * (an ISO date, YYYY-MM-DD) as a parameter, so tests and the UI agree on what "now" is.
 * Used by the team feature, the case file, feedback loops and the meeting (agenda items, packs).
 */

/** Above this many people at the table collaboration turns into "schijnsamenwerking" (002:2586-2588). */
export const TABLE_SIZE_LIMIT = 15;

// ---------------------------------------------------------------------------------------------
// Consent

export type ConsentState = 'valid' | 'missing' | 'expired' | 'withdrawn';
/** What the user can do about it: nothing, record a consent, or record a new one (renew). */
export type ConsentTodo = 'none' | 'record' | 'renew';

export type ConsentStatus = Readonly<{
  status: ConsentState;
  /** The consent that decided the status (the valid one, or the latest lapsed one). */
  consent?: Consent;
  todo: ConsentTodo;
}>;

export type ConsentQuery = Readonly<{ householdId: string; organisationId: string; purpose: ConsentPurpose }>;

/** A consent counts from givenAt up to and including expiresAt, until the day it is withdrawn. */
export function isConsentValid(c: Consent, today: string): boolean {
  if (c.givenAt > today) return false;
  if (c.withdrawnAt !== undefined && c.withdrawnAt <= today) return false;
  if (c.expiresAt !== undefined && c.expiresAt < today) return false;
  return true;
}

/** The state of one consent on `today` (for showing a ledger line). */
export function consentState(c: Consent, today: string): ConsentState | 'pending' {
  if (c.withdrawnAt !== undefined && c.withdrawnAt <= today) return 'withdrawn';
  if (c.expiresAt !== undefined && c.expiresAt < today) return 'expired';
  if (c.givenAt > today) return 'pending';
  return 'valid';
}

/**
 * Is there valid consent of this household for this partner and purpose today?
 * Consent is per purpose: consent to discuss in the meeting is not consent to share data.
 * When none is valid, the latest lapsed one says why (expired or withdrawn) so the user can renew it.
 */
export function consentStatus(consents: readonly Consent[], query: ConsentQuery, today: string): ConsentStatus {
  const relevant = consents.filter(
    (c) => c.householdId === query.householdId && c.organisationId === query.organisationId && c.purpose === query.purpose,
  );
  const valid = relevant.filter((c) => isConsentValid(c, today));
  if (valid.length > 0) {
    // The one that lasts longest decides (no expiry lasts longest).
    const best = [...valid].sort((a, b) => (b.expiresAt ?? '9999-12-31').localeCompare(a.expiresAt ?? '9999-12-31'))[0];
    return best ? { status: 'valid', consent: best, todo: 'none' } : { status: 'missing', todo: 'record' };
  }
  const lapsed = relevant
    .filter((c) => c.givenAt <= today)
    .sort((a, b) => b.givenAt.localeCompare(a.givenAt) || b.createdAt.localeCompare(a.createdAt))[0];
  if (!lapsed) return { status: 'missing', todo: 'record' };
  const state = consentState(lapsed, today);
  return { status: state === 'withdrawn' ? 'withdrawn' : 'expired', consent: lapsed, todo: 'renew' };
}

export type LapsedConsent = Readonly<{ organisationId: string; purpose: ConsentPurpose; status: 'expired' | 'withdrawn'; consent?: Consent }>;

/**
 * The partner+purpose pairs of one household whose consent has lapsed today: there is a ledger
 * line for the pair, but no valid consent now. A lapsed line that was renewed (a newer valid
 * consent for the same organisation and purpose) is history, not a warning.
 * Ordered by organisation id and purpose, so the warning does not reshuffle between renders.
 */
export function lapsedConsents(consents: readonly Consent[], householdId: string, today: string): LapsedConsent[] {
  const pairs = new Map<string, Readonly<{ organisationId: string; purpose: ConsentPurpose }>>();
  for (const c of consents) {
    if (c.householdId !== householdId) continue;
    pairs.set(`${c.organisationId}|${c.purpose}`, { organisationId: c.organisationId, purpose: c.purpose });
  }
  const out: LapsedConsent[] = [];
  for (const [, pair] of [...pairs].sort(([a], [b]) => a.localeCompare(b))) {
    const s = consentStatus(consents, { householdId, ...pair }, today);
    if (s.status === 'expired' || s.status === 'withdrawn') out.push({ ...pair, status: s.status, ...(s.consent ? { consent: s.consent } : {}) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Who may be put on a household's meeting item or an export

/** Binnenring partners sit at the table under the team's own legal basis; everyone else needs consent. */
export function needsConsent(ring: Ring | undefined): boolean {
  return ring !== 'binnenring';
}

export type AccessReason = 'binnenring' | 'consent' | ConsentState;

export type PartnerAccess = Readonly<{
  allowed: boolean;
  /** The ring the organisation sits in (undefined: not placed, treated as outside the table). */
  ring: Ring | undefined;
  /** Why: 'binnenring' and 'consent' allow; 'missing', 'expired' and 'withdrawn' refuse. */
  reason: AccessReason;
  /** What the user should do: nothing, record consent, or record a renewed consent. */
  todo: ConsentTodo;
  consent?: Consent;
}>;

/**
 * May this partner be put on this household's meeting item or export for this purpose today?
 * A buitenring or invliegen partner (or one not placed in any ring) needs valid consent for the
 * purpose (PRIVACY.md). The answer carries why and what to do, so the UI can say both.
 */
export function checkPartnerAccess(
  input: Readonly<{ placements: readonly Placement[]; consents: readonly Consent[] } & ConsentQuery>,
  today: string,
): PartnerAccess {
  const ring = ringOf(input.placements, input.organisationId);
  if (!needsConsent(ring)) return { allowed: true, ring, reason: 'binnenring', todo: 'none' };
  const status = consentStatus(input.consents, input, today);
  if (status.status === 'valid') return { allowed: true, ring, reason: 'consent', todo: 'none', ...(status.consent ? { consent: status.consent } : {}) };
  return { allowed: false, ring, reason: status.status, todo: status.todo, ...(status.consent ? { consent: status.consent } : {}) };
}

/** The ring of an organisation in this team (the latest placement counts). */
export function ringOf(placements: readonly Placement[], organisationId: string): Ring | undefined {
  return placementOf(placements, organisationId)?.ring;
}

export function placementOf(placements: readonly Placement[], organisationId: string): Placement | undefined {
  return placements.filter((p) => p.organisationId === organisationId).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}

// ---------------------------------------------------------------------------------------------
// Invitations (invliegen): for one meeting or a limited period, ended by the calendar

export type InvitationState = 'scheduled' | 'active' | 'ended' | 'cancelled';

/** An invitation needs no background job to end: its state is derived from its dates and today. */
export function invitationState(inv: Pick<Invitation, 'startDate' | 'endDate' | 'cancelledAt'>, today: string): InvitationState {
  if (inv.cancelledAt !== undefined && inv.cancelledAt <= today) return 'cancelled';
  if (today > inv.endDate) return 'ended';
  if (today < inv.startDate) return 'scheduled';
  return 'active';
}

/** Only partners outside the table are invited per household; the binnenring is already there. */
export function canBeInvited(ring: Ring | undefined): boolean {
  return ring === 'buitenring' || ring === 'invliegen';
}

// ---------------------------------------------------------------------------------------------
// Rings and the size of the table

/** A first suggestion when placing a new organisation; the team decides (002:490-498, 002:3612-3656). */
export function suggestedRing(type: OrganisationType): Ring {
  switch (type) {
    case 'amw':
    case 'welzijn':
    case 'mee':
    case 'wijkverpleging':
    case 'gemeente_wmo':
    case 'sociaal_raadslieden':
      return 'binnenring';
    case 'ggz':
    case 'ggd_jgz':
    case 'jeugdzorg':
    case 'ervaringsdeskundige':
      return 'invliegen';
    default:
      // Huisarts/POH cannot all be at the table (002:524-526); volunteers mostly sit outside (002:3612-3616).
      return 'buitenring';
  }
}

function personKey(name: string): string {
  return name.trim().toLocaleLowerCase('nl').replace(/\s+/g, ' ');
}

export type TableCount = Readonly<{ size: number; members: number; contacts: number; overLimit: boolean; limit: number }>;

/**
 * The people at the table: active team members plus the active contacts of binnenring
 * organisations. A team member who is also listed as a contact (same name) counts once.
 */
export function tableSize(
  members: readonly TeamMember[],
  contacts: readonly Contact[],
  placements: readonly Placement[],
  limit = TABLE_SIZE_LIMIT,
): TableCount {
  const people = new Set<string>();
  let memberCount = 0;
  for (const m of members) {
    if (!m.active) continue;
    memberCount += 1;
    people.add(personKey(m.name));
  }
  let contactCount = 0;
  for (const c of contacts) {
    if (!c.active || ringOf(placements, c.organisationId) !== 'binnenring') continue;
    const key = personKey(c.name);
    if (people.has(key)) continue;
    people.add(key);
    contactCount += 1;
  }
  return { size: people.size, members: memberCount, contacts: contactCount, overLimit: people.size > limit, limit };
}

// ---------------------------------------------------------------------------------------------
// Involvement per household

export function isInvolvementActive(inv: Pick<Involvement, 'since' | 'endedAt'>, today: string): boolean {
  return inv.since <= today && (inv.endedAt === undefined || inv.endedAt > today);
}

export function levelRank(level: InvolvementLevel): number {
  return INVOLVEMENT_LEVELS.indexOf(level);
}

export type ProfessionalsCount = Readonly<{ count: number; max: number; overLimit: boolean }>;

/**
 * How many professionals are involved with one household at once. A named contact is one
 * professional; an organisation involved without a named contact counts as one too.
 */
export function professionalsInvolved(involvements: readonly Involvement[], today: string, max: number): ProfessionalsCount {
  const people = new Set<string>();
  for (const inv of involvements) {
    if (!isInvolvementActive(inv, today)) continue;
    people.add(inv.contactId ? `c:${inv.contactId}` : `o:${inv.organisationId}`);
  }
  return { count: people.size, max, overLimit: people.size > max };
}

// ---------------------------------------------------------------------------------------------
// A contact leaves: what moves to the successor

/** Everything a leaving contact still has open, in households that are not closed. */
export type ReplacementWork = Readonly<{
  /** Open actions the contact owns, or whose result is reported to them ("terugkoppelen aan"). */
  actions: readonly Action[];
  /** Involvements naming the contact that have not ended. */
  involvements: readonly Involvement[];
  /** Household invitations of the contact that are scheduled or running. */
  invitations: readonly Invitation[];
  /** Agenda items not yet discussed that invite the contact. */
  agendaItems: readonly AgendaItem[];
  /** Open feedback duties owed to the contact (an action's result) or by them (a partner's report). */
  duties: readonly FeedbackDuty[];
  /** Other active contacts who list the leaving contact as their backup. */
  backups: readonly Contact[];
}>;

export type ReplacementInput = Readonly<{
  actions: readonly Action[];
  involvements: readonly Involvement[];
  invitations: readonly Invitation[];
  agendaItems: readonly AgendaItem[];
  duties: readonly FeedbackDuty[];
  contacts: readonly Contact[];
}>;

const isContact = (p: Pick<Party, 'kind' | 'refId'> | undefined, id: string) => p?.kind === 'contact' && p.refId === id;

/**
 * What is still open for a contact who leaves on `leftAt`. Done and lapsed work stays with who did
 * it: that is the history. Nothing of a closed household is touched (`isClosed`): its file is read-only.
 */
export function selectReplacementWork(contactId: string, input: ReplacementInput, leftAt: string, isClosed: (householdId: string) => boolean): ReplacementWork {
  const open = (householdId: string) => !isClosed(householdId);
  return {
    actions: input.actions.filter(
      (a) =>
        a.status === 'open' &&
        open(a.householdId) &&
        ((a.owner.kind === 'contact' && (a.owner.refId ?? a.ownerId) === contactId) || isContact(a.reportTo, contactId)),
    ),
    involvements: input.involvements.filter((i) => i.contactId === contactId && (i.endedAt === undefined || i.endedAt > leftAt) && open(i.householdId)),
    invitations: input.invitations.filter((i) => {
      const state = invitationState(i, leftAt);
      return i.contactId === contactId && (state === 'scheduled' || state === 'active') && open(i.householdId);
    }),
    agendaItems: input.agendaItems.filter((i) => i.status !== 'besproken' && i.invitedContactIds.includes(contactId) && open(i.householdId)),
    duties: input.duties.filter((d) => d.status === 'open' && open(d.householdId) && (isContact(d.recipient.party, contactId) || d.fromContactId === contactId)),
    backups: input.contacts.filter((c) => c.id !== contactId && c.active && c.backupContactId === contactId),
  };
}

export type ReplacementSummary = Readonly<{
  actions: number;
  /** Involvements now naming the successor (same organisation). */
  involvements: number;
  /** Involvements that stay with the leaver's organisation without a named contact (successor elsewhere). */
  involvementsUnnamed: number;
  invitations: number;
  /** Invitations ended on the leaving date: the successor's organisation may not be invited without consent. */
  invitationsEnded: number;
  agendaItems: number;
  /** Agenda items the leaver was taken off without the successor (no consent for the successor's organisation). */
  agendaItemsDropped: number;
  duties: number;
  backups: number;
  households: number;
}>;

export type ReplacementResultPlan = Readonly<{
  actions: Action[];
  involvements: Involvement[];
  invitations: Invitation[];
  agendaItems: AgendaItem[];
  duties: FeedbackDuty[];
  backups: Contact[];
  householdIds: string[];
  summary: ReplacementSummary;
}>;

/**
 * Rewrite the open work to the successor. Within the same organisation everything moves as is.
 * A successor from another organisation is a different partner: actions and feedback duties
 * still move (they are the person's work), but an involvement is never silently moved to another
 * organisation (it stays with the leaver's organisation, without a named contact), and an
 * invitation or an agenda-item invitation moves only when the successor's organisation may be
 * invited for that household and purpose (`mayInvite`, the consent rule); otherwise the
 * invitation ends on the leaving date and the leaver is taken off the item.
 */
export function applyContactReplacement(
  work: ReplacementWork,
  leaver: Pick<Contact, 'id' | 'organisationId'>,
  successor: Pick<Contact, 'id' | 'organisationId'>,
  leftAt: string,
  mayInvite: (householdId: string, organisationId: string, purpose: ConsentPurpose) => boolean,
): ReplacementResultPlan {
  const sameOrg = successor.organisationId === leaver.organisationId;
  const swap = <P extends Party>(p: P): P => (isContact(p, leaver.id) ? { ...p, refId: successor.id } : p);

  const actions = work.actions.map((a): Action => {
    const owns = a.owner.kind === 'contact' && (a.owner.refId ?? a.ownerId) === leaver.id;
    return { ...a, ...(owns ? { owner: { ...a.owner, refId: successor.id }, ownerId: successor.id } : {}), reportTo: swap(a.reportTo) };
  });
  const involvements = work.involvements.map((i): Involvement => {
    if (sameOrg) return { ...i, contactId: successor.id };
    const { contactId: _leaver, ...rest } = i;
    return rest;
  });
  let invitationsEnded = 0;
  const invitations = work.invitations.map((i): Invitation => {
    if (sameOrg || mayInvite(i.householdId, successor.organisationId, i.purpose)) return { ...i, contactId: successor.id, organisationId: successor.organisationId };
    invitationsEnded += 1;
    return { ...i, cancelledAt: leftAt };
  });
  let agendaItemsDropped = 0;
  const agendaItems = work.agendaItems.map((item): AgendaItem => {
    const keep = sameOrg || mayInvite(item.householdId, successor.organisationId, 'bespreken');
    if (!keep) agendaItemsDropped += 1;
    const ids = item.invitedContactIds.flatMap((id) => (id === leaver.id ? (keep ? [successor.id] : []) : [id]));
    return { ...item, invitedContactIds: [...new Set(ids)] };
  });
  const duties = work.duties.map((d): FeedbackDuty => {
    const party = d.recipient.party;
    return {
      ...d,
      recipient: party ? { ...d.recipient, party: swap(party) } : d.recipient,
      ...(d.fromContactId === leaver.id ? { fromContactId: successor.id } : {}),
    };
  });
  const backups = work.backups.map((c): Contact => {
    if (c.id !== successor.id) return { ...c, backupContactId: successor.id };
    // The successor listed the leaver as backup: nobody is their own backup.
    const { backupContactId: _leaver, ...rest } = c;
    return rest;
  });
  const householdIds = [
    ...new Set([...actions, ...involvements, ...invitations, ...agendaItems, ...duties].map((r) => r.householdId)),
  ];
  return {
    actions,
    involvements,
    invitations,
    agendaItems,
    duties,
    backups,
    householdIds,
    summary: {
      actions: actions.length,
      involvements: sameOrg ? involvements.length : 0,
      involvementsUnnamed: sameOrg ? 0 : involvements.length,
      invitations: invitations.length - invitationsEnded,
      invitationsEnded,
      agendaItems: agendaItems.length - agendaItemsDropped,
      agendaItemsDropped,
      duties: duties.length,
      backups: backups.length,
      households: householdIds.length,
    },
  };
}

/**
 * The invitation rule as one predicate, for a plan that needs to ask it many times: may this
 * organisation be invited for this household and purpose on `today` (outside the table, and
 * with valid consent)? Meeting items ask the same (purpose 'bespreken').
 */
export function inviteRule(placements: readonly Placement[], consents: readonly Consent[], today: string) {
  return (householdId: string, organisationId: string, purpose: ConsentPurpose): boolean =>
    canBeInvited(ringOf(placements, organisationId)) && checkPartnerAccess({ placements, consents, householdId, organisationId, purpose }, today).allowed;
}

/** Successor candidates: active contacts of the leaver's own organisation first, then the others. */
export function successorCandidates(leaver: Pick<Contact, 'id' | 'organisationId'>, contacts: readonly Contact[]): { sameOrganisation: Contact[]; otherOrganisations: Contact[] } {
  const active = contacts.filter((c) => c.active && c.id !== leaver.id);
  return {
    sameOrganisation: active.filter((c) => c.organisationId === leaver.organisationId),
    otherOrganisations: active.filter((c) => c.organisationId !== leaver.organisationId),
  };
}

// ---------------------------------------------------------------------------------------------
// Workload: counts to see balance — never a productivity score

export type WorkloadRow = Readonly<{ id: string; households: number; openActions: number }>;

export type WorkloadInput = Readonly<{
  /** Open actions only need their household and owner (plain index fields). */
  openActions: readonly Readonly<{ householdId: string; ownerId?: string | undefined }>[];
  involvements: readonly Involvement[];
  contacts: readonly Contact[];
  members: readonly TeamMember[];
  /** Households that are not closed, with their regisseur. */
  households: readonly Readonly<{ id: string; regisseurId?: string | undefined }>[];
}>;

/**
 * Per organisation: households it is involved with (active involvement, or a contact owning an
 * open action there) and the open actions its contacts carry. Per team member: households where
 * they are regisseur or own an open action (as member, or as their organisation's contact of the
 * same name), and their open actions.
 */
export function computeWorkload(input: WorkloadInput, today: string): { organisations: WorkloadRow[]; members: WorkloadRow[] } {
  const open = new Set(input.households.map((h) => h.id));
  const orgOfContact = new Map(input.contacts.map((c) => [c.id, c.organisationId]));
  const memberIds = new Set(input.members.map((m) => m.id));
  const orgHouseholds = new Map<string, Set<string>>();
  const orgActions = new Map<string, number>();
  const memberHouseholds = new Map<string, Set<string>>();
  const memberActions = new Map<string, number>();
  const add = (m: Map<string, Set<string>>, k: string, v: string) => {
    const set = m.get(k) ?? new Set<string>();
    set.add(v);
    m.set(k, set);
  };
  for (const inv of input.involvements) {
    if (open.has(inv.householdId) && isInvolvementActive(inv, today)) add(orgHouseholds, inv.organisationId, inv.householdId);
  }
  // A team member is often also listed as their organisation's contact (same person, same name):
  // what they carry as that contact is theirs too.
  const memberByName = new Map(input.members.map((m) => [personKey(m.name), m.id]));
  const memberOfContact = new Map(input.contacts.flatMap((c) => {
    const m = memberByName.get(personKey(c.name));
    return m ? [[c.id, m] as const] : [];
  }));
  const addMember = (memberId: string, householdId: string) => {
    add(memberHouseholds, memberId, householdId);
    memberActions.set(memberId, (memberActions.get(memberId) ?? 0) + 1);
  };
  for (const a of input.openActions) {
    if (!a.ownerId || !open.has(a.householdId)) continue;
    const org = orgOfContact.get(a.ownerId);
    if (org) {
      add(orgHouseholds, org, a.householdId);
      orgActions.set(org, (orgActions.get(org) ?? 0) + 1);
      const member = memberOfContact.get(a.ownerId);
      if (member) addMember(member, a.householdId);
    } else if (memberIds.has(a.ownerId)) {
      addMember(a.ownerId, a.householdId);
    }
  }
  for (const h of input.households) {
    if (h.regisseurId && memberIds.has(h.regisseurId)) add(memberHouseholds, h.regisseurId, h.id);
  }
  const orgIds = new Set([...orgHouseholds.keys(), ...orgActions.keys()]);
  return {
    organisations: [...orgIds].map((id) => ({ id, households: orgHouseholds.get(id)?.size ?? 0, openActions: orgActions.get(id) ?? 0 })),
    members: input.members
      .filter((m) => m.active)
      .map((m) => ({ id: m.id, households: memberHouseholds.get(m.id)?.size ?? 0, openActions: memberActions.get(m.id) ?? 0 })),
  };
}
