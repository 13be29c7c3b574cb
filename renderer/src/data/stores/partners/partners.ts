import { checkPartnerAccess, type PartnerAccess, type WorkloadInput } from '@shared/domain/partner-rules';
import {
  ConsentDraftSchema,
  ConsentSchema,
  ContactDraftSchema,
  ContactSchema,
  InvitationDraftSchema,
  InvitationSchema,
  InvolvementDraftSchema,
  InvolvementSchema,
  OrganisationDraftSchema,
  OrganisationSchema,
  PlacementDraftSchema,
  PlacementSchema,
  TEAM_VALIDATION,
  type Consent,
  type ConsentDraft,
  type ConsentPurpose,
  type Contact,
  type ContactDraft,
  type Invitation,
  type InvitationDraft,
  type Involvement,
  type InvolvementDraft,
  type InvolvementLevel,
  type Organisation,
  type OrganisationDraft,
  type Placement,
  type PlacementDraft,
} from '@shared/domain/partners';
import { TeamMemberSchema } from '@shared/domain/team';
import type { z } from 'zod';
import type { StoredRow, WijktafelDB } from '../../db';
import { getSession } from '../../session';
import { sealAudit, writeAudit, writeAudits } from '../audit/audit';
import { newId, nowIso, open, openAll, seal } from '../kit';

/**
 * Partner organisations, their contacts, their ring placement in this team, and per household
 * the involvements, consents and invitations. Team-level records are sealed with the data key;
 * per-household records with that household's key (records.ts HOUSEHOLD_SCOPED).
 * Bulk functions take arrays and write in one transaction, for generators and the example team.
 */

// ---------------------------------------------------------------------------------------------
// Organisations

export async function listOrganisations(): Promise<Organisation[]> {
  const rows = await getSession().db.organisations.toArray();
  const list = await openAll('organisations', rows, OrganisationSchema);
  return list.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

export async function saveOrganisation(input: OrganisationDraft, id?: string): Promise<Organisation> {
  const draft = OrganisationDraftSchema.parse(input);
  const db = getSession().db;
  const existingRow = id ? await db.organisations.get(id) : undefined;
  const existing = existingRow ? await open('organisations', existingRow, OrganisationSchema) : undefined;
  const org = OrganisationSchema.parse({ ...(existing ?? { id: newId(), createdAt: nowIso() }), ...draft });
  if (draft.description === undefined) delete org.description;
  const row = await seal('organisations', org);
  const audit = await sealAudit({ action: 'settings.change', entity: 'organisation', entityId: org.id, details: { change: existing ? 'update' : 'create' } });
  await db.transaction('rw', [db.organisations, db.audit], async () => {
    await db.organisations.put(row);
    await writeAudit(db, audit);
  });
  return org;
}

/**
 * A new organisation and its first ring placement, in one transaction: an organisation never
 * lands half-placed (saved but in no ring) because the second of two writes failed. Both drafts
 * are validated before anything is written; the placement's organisationId is the new id.
 */
export async function createPlacedOrganisation(
  input: OrganisationDraft,
  placementInput: Omit<PlacementDraft, 'organisationId'>,
): Promise<{ organisation: Organisation; placement: Placement }> {
  const draft = OrganisationDraftSchema.parse(input);
  const org = OrganisationSchema.parse({ id: newId(), createdAt: nowIso(), ...draft });
  if (draft.description === undefined) delete org.description;
  const placement = PlacementSchema.parse({ id: newId(), ...PlacementDraftSchema.parse({ ...placementInput, organisationId: org.id }), updatedAt: nowIso() });
  if (placement.shell === undefined) delete placement.shell;
  const [orgRow, placementRow, orgAudit, placementAudit] = await Promise.all([
    seal('organisations', org),
    seal('placements', placement),
    sealAudit({ action: 'settings.change', entity: 'organisation', entityId: org.id, details: { change: 'create' } }),
    sealAudit({ action: 'settings.change', entity: 'placement', entityId: placement.id, details: { organisationId: org.id, from: 'none', to: placement.ring } }),
  ]);
  const db = getSession().db;
  await db.transaction('rw', [db.organisations, db.placements, db.audit], async () => {
    await db.organisations.add(orgRow);
    await db.placements.add(placementRow);
    await writeAudits(db, [orgAudit, placementAudit]);
  });
  return { organisation: org, placement };
}

export type PartnerBundle = Readonly<{ organisations: readonly Organisation[]; contacts: readonly Contact[]; placements: readonly Placement[] }>;

/** Bulk write of organisations with their contacts and placements (example team, generators, import). */
export async function addPartners(bundle: PartnerBundle): Promise<void> {
  const orgs = bundle.organisations.map((o) => OrganisationSchema.parse(o));
  const contacts = bundle.contacts.map((c) => ContactSchema.parse(c));
  const placements = bundle.placements.map((p) => PlacementSchema.parse(p));
  const [orgRows, contactRows, placementRows] = await Promise.all([
    Promise.all(orgs.map((o) => seal('organisations', o))),
    Promise.all(contacts.map((c) => seal('contacts', c))),
    Promise.all(placements.map((p) => seal('placements', p))),
  ]);
  const audit = await sealAudit({
    action: 'settings.change',
    entity: 'organisation',
    details: { change: 'bulk-create', organisations: orgRows.length, contacts: contactRows.length, placements: placementRows.length },
  });
  const db = getSession().db;
  await db.transaction('rw', [db.organisations, db.contacts, db.placements, db.audit], async () => {
    await db.organisations.bulkPut(orgRows);
    await db.contacts.bulkPut(contactRows);
    await db.placements.bulkPut(placementRows);
    await writeAudit(db, audit);
  });
}

// ---------------------------------------------------------------------------------------------
// Contacts

export async function listContacts(): Promise<Contact[]> {
  const rows = await getSession().db.contacts.toArray();
  const list = await openAll('contacts', rows, ContactSchema);
  return list.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

export class TeamRuleError extends Error {
  constructor(readonly key: string) {
    super(key);
    this.name = 'TeamRuleError';
  }
}

export async function saveContact(input: ContactDraft, id?: string): Promise<Contact> {
  const draft = ContactDraftSchema.parse(input);
  const db = getSession().db;
  const existingRow = id ? await db.contacts.get(id) : undefined;
  const existing = existingRow ? await open('contacts', existingRow, ContactSchema) : undefined;
  if (id && draft.backupContactId === id) throw new TeamRuleError(TEAM_VALIDATION.backupSelf);
  const contact = ContactSchema.parse({ ...(existing ?? { id: newId(), active: true, createdAt: nowIso() }), ...draft });
  for (const k of ['role', 'phone', 'email', 'backupContactId'] as const) if (draft[k] === undefined) delete contact[k];
  const row = await seal('contacts', contact);
  const audit = await sealAudit({ action: 'settings.change', entity: 'contact', entityId: contact.id, details: { change: existing ? 'update' : 'create' } });
  await db.transaction('rw', [db.contacts, db.audit], async () => {
    await db.contacts.put(row);
    await writeAudit(db, audit);
  });
  return contact;
}

/** Sealed contact rows (backups and the leaving contact) inside a use case's transaction (usecases/replace-contact). */
export function putContactRows(db: WijktafelDB, rows: readonly StoredRow[]): Promise<unknown> {
  return db.contacts.bulkPut([...rows]);
}

/** Sealed involvement and invitation rows inside a use case's transaction. */
export async function putHouseholdPartnerRows(db: WijktafelDB, rows: Readonly<{ involvements: readonly StoredRow[]; invitations: readonly StoredRow[] }>): Promise<void> {
  await db.involvements.bulkPut([...rows.involvements]);
  await db.invitations.bulkPut([...rows.invitations]);
}

/** Sealed invitation rows inside another store's or a use case's transaction (agenda invitations). */
export function putInvitationRows(db: WijktafelDB, rows: readonly StoredRow[]): Promise<unknown> {
  return db.invitations.bulkPut([...rows]);
}

/** A contact's involvement and invitation rows, and the consent rows of some households (for a use case). */
export function involvementRowsOfContact(db: WijktafelDB, contactId: string): Promise<StoredRow[]> {
  return db.involvements.where('contactId').equals(contactId).toArray();
}
export function invitationRowsOfContact(db: WijktafelDB, contactId: string): Promise<StoredRow[]> {
  return db.invitations.where('contactId').equals(contactId).toArray();
}
export async function consentsOf(db: WijktafelDB, householdIds: readonly string[]): Promise<Consent[]> {
  const rows = householdIds.length > 0 ? await db.consents.where('householdId').anyOf([...householdIds]).toArray() : [];
  return openAll('consents', rows, ConsentSchema);
}
export async function contactById(db: WijktafelDB, id: string): Promise<Contact | undefined> {
  const row = await db.contacts.get(id);
  return row ? open('contacts', row, ContactSchema) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Ring placements (one per organisation in this team)

export async function listPlacements(): Promise<Placement[]> {
  const rows = await getSession().db.placements.toArray();
  return openAll('placements', rows, PlacementSchema);
}

/** Place or move an organisation; the reason is required every time (a placement is a choice). */
export async function placeOrganisation(input: PlacementDraft): Promise<Placement> {
  const draft = PlacementDraftSchema.parse(input);
  const db = getSession().db;
  const rows = await db.placements.where('organisationId').equals(draft.organisationId).toArray();
  const previous = (await openAll('placements', rows, PlacementSchema)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  const placement = PlacementSchema.parse({ id: previous?.id ?? newId(), ...draft, updatedAt: nowIso() });
  if (placement.shell === undefined) delete placement.shell;
  const row = await seal('placements', placement);
  const audit = await sealAudit({
    action: 'settings.change',
    entity: 'placement',
    entityId: placement.id,
    details: { organisationId: placement.organisationId, from: previous?.ring ?? 'none', to: placement.ring },
  });
  await db.transaction('rw', [db.placements, db.audit], async () => {
    // One placement per organisation: stray older rows (e.g. from an import) are replaced.
    await db.placements.bulkDelete(rows.map((r) => String(r.id)).filter((rid) => rid !== placement.id));
    await db.placements.put(row);
    await writeAudit(db, audit);
  });
  return placement;
}

// ---------------------------------------------------------------------------------------------
// Per household: involvements, consents, invitations

async function householdRows<S extends z.ZodType>(table: 'involvements' | 'consents' | 'invitations', householdId: string, schema: S) {
  const rows = await getSession().db.rows(table).where('householdId').equals(householdId).toArray();
  return openAll(table, rows, schema);
}

/** The message key of the refusal below (translated by the team UI). */
export const HOUSEHOLD_CLOSED_KEY = 'team.closed.readOnly';

/**
 * A closed household's partner data is history: involvements, consents and invitations are
 * read-only. Only recording a withdrawal of consent stays possible (the resident's right, and the
 * ledger must say from when consent no longer holds). Reads the plain status field, so it is
 * cheap and can run inside a write transaction.
 */
async function assertHouseholdOpen(householdId: string): Promise<void> {
  const row = await getSession().db.households.get(householdId);
  if (!row) throw new Error('household not found');
  if (row.status === 'afgesloten') throw new TeamRuleError(HOUSEHOLD_CLOSED_KEY);
}

async function putHouseholdRecord(
  table: 'involvements' | 'consents' | 'invitations',
  record: Involvement | Consent | Invitation,
  change: string,
  opts: Readonly<{ allowClosed?: boolean }> = {},
): Promise<void> {
  if (!opts.allowClosed) await assertHouseholdOpen(record.householdId);
  const row = await seal(table, record);
  const audit = await sealAudit({ action: 'household.update', entity: table, entityId: record.id, details: { householdId: record.householdId, change } });
  const db = getSession().db;
  await db.transaction('rw', [db.rows(table), db.households, db.audit], async () => {
    // Again inside the transaction: the household may have been closed meanwhile.
    if (!opts.allowClosed) await assertHouseholdOpen(record.householdId);
    await db.rows(table).put(row);
    await writeAudit(db, audit);
  });
}

export async function listInvolvements(householdId: string): Promise<Involvement[]> {
  const list = await householdRows('involvements', householdId, InvolvementSchema);
  return list.sort((a, b) => a.since.localeCompare(b.since));
}

export async function addInvolvement(input: InvolvementDraft): Promise<Involvement> {
  const draft = InvolvementDraftSchema.parse(input);
  const inv = InvolvementSchema.parse({ ...draft, id: newId(), createdAt: nowIso() });
  await putHouseholdRecord('involvements', inv, 'create');
  return inv;
}

export async function updateInvolvement(
  householdId: string,
  id: string,
  patch: Readonly<{ level?: InvolvementLevel; role?: string | undefined; endedAt?: string }>,
): Promise<Involvement> {
  const current = (await listInvolvements(householdId)).find((i) => i.id === id);
  if (!current) throw new Error('involvement not found');
  const next = InvolvementSchema.parse({ ...current, ...patch });
  await putHouseholdRecord('involvements', next, patch.endedAt ? 'end' : 'update');
  return next;
}

export async function listConsents(householdId: string): Promise<Consent[]> {
  const list = await householdRows('consents', householdId, ConsentSchema);
  return list.sort((a, b) => b.givenAt.localeCompare(a.givenAt) || b.createdAt.localeCompare(a.createdAt));
}

export async function recordConsent(input: ConsentDraft): Promise<Consent> {
  const draft = ConsentDraftSchema.parse(input);
  const consent = ConsentSchema.parse({ ...draft, id: newId(), createdAt: nowIso() });
  await putHouseholdRecord('consents', consent, 'record');
  return consent;
}

/** Withdrawal is recorded, never a delete: the ledger shows what was allowed when. */
export async function withdrawConsent(householdId: string, id: string, date: string): Promise<Consent> {
  const current = (await listConsents(householdId)).find((c) => c.id === id);
  if (!current) throw new Error('consent not found');
  const next = ConsentSchema.parse({ ...current, withdrawnAt: date });
  await putHouseholdRecord('consents', next, 'withdraw', { allowClosed: true });
  return next;
}

/** For the meeting and exports: may this partner see this household's case for this purpose today? */
export async function getPartnerAccess(householdId: string, organisationId: string, purpose: ConsentPurpose, today: string): Promise<PartnerAccess> {
  const [placements, consents] = await Promise.all([listPlacements(), listConsents(householdId)]);
  return checkPartnerAccess({ placements, consents, householdId, organisationId, purpose }, today);
}

export async function listInvitations(householdId: string): Promise<Invitation[]> {
  const list = await householdRows('invitations', householdId, InvitationSchema);
  return list.sort((a, b) => b.startDate.localeCompare(a.startDate));
}

/** Refused: the partner is outside the table and has no valid consent for the purpose. */
export class ConsentRequiredError extends Error {
  constructor(readonly access: PartnerAccess) {
    super(`consent ${access.reason}`);
    this.name = 'ConsentRequiredError';
  }
}

/**
 * Invite a buitenring or invliegen contact for one household. The consent rule is enforced
 * here too (not only in the form): without valid consent for the purpose nothing is written.
 */
export async function inviteContact(input: InvitationDraft, today: string): Promise<Invitation> {
  const draft = InvitationDraftSchema.parse(input);
  // A closed household says so first, before any consent question.
  await assertHouseholdOpen(draft.householdId);
  const access = await getPartnerAccess(draft.householdId, draft.organisationId, draft.purpose, today);
  if (!access.allowed) throw new ConsentRequiredError(access);
  if (access.ring === 'binnenring') throw new TeamRuleError('team.invite.binnenring');
  const invitation = InvitationSchema.parse({ ...draft, id: newId(), createdAt: nowIso() });
  await putHouseholdRecord('invitations', invitation, 'create');
  return invitation;
}

export async function cancelInvitation(householdId: string, id: string, date: string): Promise<Invitation> {
  const current = (await listInvitations(householdId)).find((i) => i.id === id);
  if (!current) throw new Error('invitation not found');
  const next = InvitationSchema.parse({ ...current, cancelledAt: date });
  await putHouseholdRecord('invitations', next, 'cancel');
  return next;
}

// ---------------------------------------------------------------------------------------------
// Workload inputs: plain index fields wherever they suffice, so this stays fast at scale

export async function loadWorkloadInput(): Promise<WorkloadInput> {
  const db = getSession().db;
  const [actionRows, householdRows_, involvementRows, contacts, memberRows] = await Promise.all([
    db.actions.where('status').equals('open').toArray(),
    db.households.toArray(),
    db.involvements.toArray(),
    listContacts(),
    db.teamMembers.toArray(),
  ]);
  const [involvements, members] = await Promise.all([openAll('involvements', involvementRows, InvolvementSchema), openAll('teamMembers', memberRows, TeamMemberSchema)]);
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    openActions: actionRows.flatMap((r) => {
      const householdId = str(r.householdId);
      return householdId ? [{ householdId, ownerId: str(r.ownerId) }] : [];
    }),
    households: householdRows_.flatMap((r) => {
      const id = str(r.id);
      return id && r.status !== 'afgesloten' ? [{ id, regisseurId: str(r.regisseurId) }] : [];
    }),
    involvements,
    contacts,
    members,
  };
}
