import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { TeamMemberDraftSchema } from '@shared/domain/partners';
import type { TeamMember } from '@shared/domain/team';
import { getAppSettings } from '../../../data/stores/team/settings';
import { useI18n } from '../../../i18n';
import type { FieldErrors } from '../../../ui/errors';
import { SelectField, TextField } from '../../../ui/Field';
import { useSaveMember } from '../mutations';
import { teamKeys, useMembers, useOrganisations } from '../queries';
import { teamFieldErrors } from './errors';
import { TeamSaveError } from './SaveError';
import { TeamNav } from './TeamNav';
import { FormActions } from '../../../ui/FormActions';
import { Table } from '../../../ui/Table';

/** The people at the table: home organisation, hours for the team, specialism. The current user is one of them. */
export function MembersScreen() {
  const { t } = useI18n();
  const members = useMembers();
  const orgs = useOrganisations();
  const app = useQuery({ queryKey: [...teamKeys.all, 'app'], queryFn: getAppSettings, staleTime: Infinity });
  const [editing, setEditing] = useState<string | 'new' | undefined>(undefined);
  if (members.isLoading || orgs.isLoading || app.isLoading) return <p>{t('common.loading')}</p>;
  const orgName = (id: string | undefined) => (orgs.data ?? []).find((o) => o.id === id)?.name;
  const list = members.data ?? [];
  const totalHours = list.filter((m) => m.active).reduce((sum, m) => sum + (m.hoursPerWeek ?? 0), 0);

  return (
    <section aria-labelledby="members-title" data-ready="team-members">
      <h1 id="members-title">{t('team.member.title')}</h1>
      <TeamNav />
      <p className="muted">{t('team.member.summary', { count: list.filter((m) => m.active).length, hours: totalHours })}</p>
      <Table columns={[{ label: t('team.member.name') }, { label: t('team.member.organisation') }, { label: t('team.member.hours') }, { label: t('team.member.specialism') }, { label: t('team.member.actions'), hidden: true }]}>
          {list.map((m) => (
            <tr key={m.id} className={m.active ? undefined : 'row--inactive'}>
              <th scope="row">
                {m.name}
                {m.id === app.data?.currentUserId ? <span className="badge badge--you">{t('team.member.you')}</span> : null}
                {m.example ? <span className="badge badge--example">{t('team.example.badge')}</span> : null}
                {!m.active ? <span className="badge">{t('team.member.inactive')}</span> : null}
              </th>
              <td>{orgName(m.organisationId) ?? '—'}</td>
              <td>{m.hoursPerWeek ?? '—'}</td>
              <td>{m.specialism ?? '—'}</td>
              <td>
                <button type="button" className="button button--secondary" onClick={() => setEditing(m.id)} aria-label={t('team.member.editFor', { name: m.name })}>
                  {t('common.edit')}
                </button>
              </td>
            </tr>
          ))}
      </Table>
      {editing ? (
        <MemberForm key={editing} member={list.find((m) => m.id === editing)} onDone={() => setEditing(undefined)} />
      ) : (
        <p>
          <button type="button" className="button" onClick={() => setEditing('new')}>
            {t('team.member.add')}
          </button>
        </p>
      )}
    </section>
  );
}

function MemberForm({ member, onDone }: Readonly<{ member: TeamMember | undefined; onDone: () => void }>) {
  const { t } = useI18n();
  const orgs = useOrganisations();
  const save = useSaveMember();
  const [form, setForm] = useState({
    name: member?.name ?? '',
    organisationId: member?.organisationId ?? '',
    hoursPerWeek: member?.hoursPerWeek === undefined ? '' : String(member.hoursPerWeek),
    specialism: member?.specialism ?? '',
    active: member?.active ?? true,
  });
  const [errors, setErrors] = useState<FieldErrors>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = TeamMemberDraftSchema.safeParse(form);
    if (!parsed.success) {
      setErrors(teamFieldErrors(parsed.error));
      return;
    }
    try {
      await save.mutateAsync({ draft: form, id: member?.id });
    } catch {
      return; // shown next to the button (TeamSaveError); nothing was written
    }
    onDone();
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="member-fieldset form-card" aria-labelledby="member-form-title">
      <h2 id="member-form-title">{member ? t('team.member.editFor', { name: member.name }) : t('team.member.add')}</h2>
      <div className="grid-2">
        <TextField label={t('team.member.name')} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={errors.name} required autoComplete="off" />
        <SelectField
          label={t('team.member.organisation')}
          value={form.organisationId}
          onChange={(e) => setForm({ ...form, organisationId: e.target.value })}
          options={[{ value: '', label: t('team.member.noOrganisation') }, ...(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))]}
        />
        <TextField label={t('team.member.hours')} inputMode="decimal" value={form.hoursPerWeek} onChange={(e) => setForm({ ...form, hoursPerWeek: e.target.value })} error={errors.hoursPerWeek} />
        <TextField label={t('team.member.specialism')} value={form.specialism} onChange={(e) => setForm({ ...form, specialism: e.target.value })} error={errors.specialism} autoComplete="off" />
      </div>
      <label className="check">
        <input autoComplete="off" type="checkbox" checked={form.active} onChange={(e) => setForm({ ...form, active: e.target.checked })} />
        {t('team.member.active')}
      </label>
      <TeamSaveError error={save.error} />
      <FormActions submitLabel={t('common.save')} pending={save.isPending} onCancel={onDone} />
    </form>
  );
}
