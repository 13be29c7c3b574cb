import { AppSettingsSchema, TeamMemberSchema, type AppSettings, type TeamMember } from '@shared/domain/team';
import { getSession } from '../session';
import { appendAudit } from './audit';
import { newId, open, seal } from './kit';

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
