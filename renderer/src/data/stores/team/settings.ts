import { z } from 'zod';
import { CONSENT_PURPOSES, LEGAL_BASES, TeamSettingsSchema } from '@shared/domain/partners';
import { AppSettingsSchema, TeamMemberSchema, type AppSettings, type TeamMember } from '@shared/domain/team';
import { getSession } from '../../session';
import { appendAudit } from '../audit/audit';
import { newId, open, seal } from '../kit';
import { readTeamRow } from './team';

export async function getAppSettings(): Promise<AppSettings | null> {
  const row = await getSession().db.settings.get('app');
  return row ? open('settings', row, AppSettingsSchema) : null;
}

export async function saveAppSettings(settings: AppSettings): Promise<void> {
  const row = await seal('settings', AppSettingsSchema.parse(settings));
  await getSession().db.settings.put(row);
  await appendAudit({ action: 'settings.change', entity: 'settings', entityId: 'app' });
}

/** First run: the user becomes the first team member and the current user. */
export async function initialiseUser(name: string): Promise<TeamMember> {
  const member = TeamMemberSchema.parse({ id: newId(), name, active: true });
  const settings = AppSettingsSchema.parse({ id: 'app', currentUserId: member.id });
  const memberRow = await seal('teamMembers', member);
  const settingsRow = await seal('settings', settings);
  const db = getSession().db;
  await db.transaction('rw', [db.teamMembers, db.settings], async () => {
    await db.teamMembers.add(memberRow);
    await db.settings.put(settingsRow);
  });
  return member;
}

export async function listTeamMembers(): Promise<TeamMember[]> {
  const rows = await getSession().db.teamMembers.toArray();
  return Promise.all(rows.map((r) => open('teamMembers', r, TeamMemberSchema)));
}

/** Used when the team has not set a bewaartermijn yet (the team feature owns that setting). */
export const DEFAULT_RETENTION_MONTHS = 24;

export type TeamPrivacy = {
  retentionMonths: number;
  /** The legal basis the team chose per purpose; absent purposes are not configured yet. */
  legalBasis: Partial<Record<(typeof CONSENT_PURPOSES)[number], (typeof LEGAL_BASES)[number]>>;
  /** False while the team settings row does not exist or sets no term (the default is used). */
  configured: boolean;
};

// Only the privacy-relevant part of the team settings row (owned by the team feature); other
// fields are not validated here so a half-configured team does not break retention.
const TeamPrivacySchema = z.object({
  retentionMonths: TeamSettingsSchema.shape.retentionMonths.optional(),
  legalBasis: z.partialRecord(z.enum(CONSENT_PURPOSES), z.enum(LEGAL_BASES)).optional(),
});

export async function getTeamPrivacy(): Promise<TeamPrivacy> {
  const team = (await readTeamRow(TeamPrivacySchema)) ?? {};
  return {
    retentionMonths: team.retentionMonths ?? DEFAULT_RETENTION_MONTHS,
    legalBasis: team.legalBasis ?? {},
    configured: team.retentionMonths !== undefined,
  };
}
