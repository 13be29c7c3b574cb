import {
  DEFAULT_LIFE_DOMAINS,
  TeamMemberDraftSchema,
  TeamSettingsDraftSchema,
  TeamSettingsSchema,
  type TeamMemberDraft,
  type TeamSettings,
  type TeamSettingsDraft,
} from '@shared/domain/partners';
import { TeamMemberSchema, type TeamMember } from '@shared/domain/team';
import { getSession } from '../session';
import { sealAudit } from './audit';
import { newId, nowIso, open, openAll, seal } from './kit';

/**
 * The team's composition: settings (row 'team' in the settings table) and the people at the
 * table. Composition is data a coordinator edits, not code ("hét sociale team bestaat niet").
 */
export const TEAM_SETTINGS_ID = 'team';

/** What a new team starts from in the wizard (schema defaults included). */
export function defaultTeamSettingsDraft(): TeamSettingsDraft {
  return {
    name: '',
    model: 'vast_team',
    wijken: [],
    meeting: { everyWeeks: 2, weekday: 2, lengthMinutes: 90 },
    lifeDomains: DEFAULT_LIFE_DOMAINS.map((d) => ({ ...d })),
    flags: [],
    alsoKnownByOptions: [],
    escalationRoute: [{ label: 'Coördinator sociaal wijkteam' }, { label: 'Escalatieoverleg met doorzettingsmacht (gemeente)' }],
    retentionMonths: 24,
    feedbackDueWorkingDays: 10,
    evaluationMonths: 3,
    inactivityWeeks: 6,
    maxProfessionals: 5,
    legalBasis: { bespreken: 'toestemming', delen: 'toestemming', verwijzen: 'toestemming' },
  };
}

export async function getTeamSettings(): Promise<TeamSettings | null> {
  const row = await getSession().db.settings.get(TEAM_SETTINGS_ID);
  return row ? open('settings', row, TeamSettingsSchema) : null;
}

export async function saveTeamSettings(input: TeamSettingsDraft): Promise<TeamSettings> {
  const draft = TeamSettingsDraftSchema.parse(input);
  const settings = TeamSettingsSchema.parse({ ...draft, id: TEAM_SETTINGS_ID, updatedAt: nowIso() });
  const row = await seal('settings', settings);
  const audit = await sealAudit({ action: 'settings.change', entity: 'team', entityId: TEAM_SETTINGS_ID });
  const db = getSession().db;
  await db.transaction('rw', [db.settings, db.audit], async () => {
    await db.settings.put(row);
    await db.audit.add(audit);
  });
  return settings;
}

// ---------------------------------------------------------------------------------------------
// Team members

export async function listMembers(): Promise<TeamMember[]> {
  const rows = await getSession().db.teamMembers.toArray();
  const members = await openAll('teamMembers', rows, TeamMemberSchema);
  return members.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** Create (no id) or update a team member. */
export async function saveMember(input: TeamMemberDraft, id?: string): Promise<TeamMember> {
  const draft = TeamMemberDraftSchema.parse(input);
  const db = getSession().db;
  const existingRow = id ? await db.teamMembers.get(id) : undefined;
  const existing = existingRow ? await open('teamMembers', existingRow, TeamMemberSchema) : undefined;
  const member = TeamMemberSchema.parse({ ...(existing ?? {}), ...draft, id: existing?.id ?? newId() });
  // An emptied optional field must disappear, not survive from the old record.
  if (draft.organisationId === undefined) delete member.organisationId;
  if (draft.hoursPerWeek === undefined) delete member.hoursPerWeek;
  if (draft.specialism === undefined) delete member.specialism;
  const row = await seal('teamMembers', member);
  const audit = await sealAudit({ action: 'settings.change', entity: 'teamMember', entityId: member.id, details: { change: existing ? 'update' : 'create' } });
  await db.transaction('rw', [db.teamMembers, db.audit], async () => {
    await db.teamMembers.put(row);
    await db.audit.add(audit);
  });
  return member;
}

/** Bulk insert for generators and the example team: one transaction, one audit entry. */
export async function addMembers(members: readonly TeamMember[]): Promise<void> {
  const valid = members.map((m) => TeamMemberSchema.parse(m));
  const rows = await Promise.all(valid.map((m) => seal('teamMembers', m)));
  const audit = await sealAudit({ action: 'settings.change', entity: 'teamMember', details: { change: 'bulk-create', count: rows.length } });
  const db = getSession().db;
  await db.transaction('rw', [db.teamMembers, db.audit], async () => {
    await db.teamMembers.bulkPut(rows);
    await db.audit.add(audit);
  });
}
