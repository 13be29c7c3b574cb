import {
  DEFAULT_LIFE_DOMAINS,
  TeamMemberDraftSchema,
  TeamSettingsDraftSchema,
  TeamSettingsSchema,
  type LifeDomain,
  type TeamMemberDraft,
  type TeamSettings,
  type TeamSettingsDraft,
} from '@shared/domain/partners';
import { DEFAULT_ESCALATION_ROUTE } from '@shared/domain/feedback';
import { DEFAULT_EVALUATION_MONTHS, DEFAULT_FEEDBACK_DUE_WORKING_DAYS, DEFAULT_INACTIVITY_WEEKS } from '@shared/domain/feedback-rules';
import { TeamMemberSchema, type TeamMember } from '@shared/domain/team';
import type { z } from 'zod';
import { getSession } from '../../session';
import { sealAudit, writeAudit } from '../audit/audit';
import { newId, nowIso, open, openAll, seal } from '../kit';

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

/**
 * THE reader of the team settings row: every other view of it (readTeamSettings, teamRules,
 * getTeamPrivacy) goes through here. Null before the team is configured; throws when the row
 * does not parse with `schema`.
 */
export async function readTeamRow<S extends z.ZodType>(schema: S): Promise<z.output<S> | null> {
  const row = await getSession().db.settings.get(TEAM_SETTINGS_ID);
  return row ? open('settings', row, schema) : null;
}

/** The team settings for the editor (the wizard): a row that does not parse is an error. */
export function getTeamSettings(): Promise<TeamSettings | null> {
  return readTeamRow(TeamSettingsSchema);
}

/**
 * The team settings for every other reader: null before the team is configured, and null for a
 * row the schema cannot read yet (a half-shaped row must not take a screen down).
 */
export async function readTeamSettings(): Promise<TeamSettings | null> {
  try {
    return await getTeamSettings();
  } catch {
    return null;
  }
}

export type TeamRules = Readonly<{
  teamName?: string | undefined;
  workingDays: number;
  evaluationMonths: number;
  inactivityWeeks: number;
  escalationRoute: readonly { label: string; holderId?: string | undefined }[];
  lifeDomains: readonly LifeDomain[];
}>;

/** The team's rules with their defaults before the team sets them (feedback, evaluation, escalation). */
export async function teamRules(): Promise<TeamRules> {
  const team = await readTeamSettings();
  return {
    teamName: team?.name,
    workingDays: team?.feedbackDueWorkingDays ?? DEFAULT_FEEDBACK_DUE_WORKING_DAYS,
    evaluationMonths: team?.evaluationMonths ?? DEFAULT_EVALUATION_MONTHS,
    inactivityWeeks: team?.inactivityWeeks ?? DEFAULT_INACTIVITY_WEEKS,
    escalationRoute: team?.escalationRoute.length ? team.escalationRoute : DEFAULT_ESCALATION_ROUTE,
    lifeDomains: lifeDomainsOf(team),
  };
}

/** The team's life domains, or the default set before the team chose its own. */
export function lifeDomainsOf(settings: TeamSettings | null): readonly LifeDomain[] {
  return settings?.lifeDomains.length ? settings.lifeDomains : DEFAULT_LIFE_DOMAINS;
}

export async function saveTeamSettings(input: TeamSettingsDraft): Promise<TeamSettings> {
  const draft = TeamSettingsDraftSchema.parse(input);
  const settings = TeamSettingsSchema.parse({ ...draft, id: TEAM_SETTINGS_ID, updatedAt: nowIso() });
  const row = await seal('settings', settings);
  const audit = await sealAudit({ action: 'settings.change', entity: 'team', entityId: TEAM_SETTINGS_ID });
  const db = getSession().db;
  await db.transaction('rw', [db.settings, db.audit], async () => {
    await db.settings.put(row);
    await writeAudit(db, audit);
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
    await writeAudit(db, audit);
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
    await writeAudit(db, audit);
  });
}
