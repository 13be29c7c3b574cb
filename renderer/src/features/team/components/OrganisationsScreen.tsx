import { useState, type FormEvent } from 'react';
import { placementOf, suggestedRing } from '@shared/domain/partner-rules';
import { ORGANISATION_TYPES, OrganisationDraftSchema, PlacementDraftSchema, type OrganisationType } from '@shared/domain/partners';
import { href, navigate } from '../../../app/router';
import { useI18n } from '../../../i18n';
import type { FieldErrors } from '../../../ui/errors';
import { SelectField, TextArea, TextField } from '../../../ui/Field';
import { useCreatePlacedOrganisation } from '../mutations';
import { useContacts, useOrganisations, usePlacements } from '../queries';
import { teamFieldErrors } from './errors';
import { TeamSaveError } from './SaveError';
import { POSITIONS, positionOf, splitPosition, type Position } from './geometry';
import { TeamNav } from './TeamNav';
import { FormActions } from '../../../ui/FormActions';
import { Table } from '../../../ui/Table';

/** All partner organisations with their ring and contacts; add a new one with its first placement. */
export function OrganisationsScreen() {
  const { t, tx } = useI18n();
  const orgs = useOrganisations();
  const placements = usePlacements();
  const contacts = useContacts();
  if (orgs.isLoading || placements.isLoading || contacts.isLoading) return <p>{t('common.loading')}</p>;
  const list = orgs.data ?? [];
  return (
    <section aria-labelledby="orgs-title" data-ready="team-organisations">
      <h1 id="orgs-title">{t('team.org.title')}</h1>
      <TeamNav />
      {list.length === 0 ? (
        <p className="empty">{t('team.org.empty')}</p>
      ) : (
        <Table columns={[{ label: t('team.org.name') }, { label: t('team.org.type') }, { label: t('team.org.position') }, { label: t('team.org.contacts') }]}>
            {list.map((o) => {
              const pos = positionOf(placementOf(placements.data ?? [], o.id));
              const active = (contacts.data ?? []).filter((c) => c.organisationId === o.id && c.active);
              return (
                <tr key={o.id}>
                  <th scope="row">
                    <a href={href(`/team/organisations/${o.id}`)}>{o.name}</a>
                    {o.example ? <span className="badge badge--example">{t('team.example.badge')}</span> : null}
                  </th>
                  <td>{tx(`team.orgType.${o.type}`)}</td>
                  <td>{pos ? <span className={`badge badge--ring-${splitPosition(pos).ring}`}>{tx(`team.position.${pos}`)}</span> : <span className="muted">{t('team.ring.notPlaced')}</span>}</td>
                  <td>{active.map((c) => c.name).join(', ') || '—'}</td>
                </tr>
              );
            })}
        </Table>
      )}
      <NewOrganisationForm />
    </section>
  );
}

function NewOrganisationForm() {
  const { t, tx } = useI18n();
  const create = useCreatePlacedOrganisation();
  const [name, setName] = useState('');
  const [type, setType] = useState<OrganisationType>('amw');
  const [description, setDescription] = useState('');
  const [position, setPosition] = useState<Position>(positionOf({ ring: suggestedRing('amw'), shell: 'eerste' }) ?? 'binnenring');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    const draft = { name, type, description };
    const placement = { ...splitPosition(position), reason };
    const o = OrganisationDraftSchema.safeParse(draft);
    // Both are checked here to show every error at once; the repository writes them together.
    const p = PlacementDraftSchema.safeParse({ organisationId: 'pending', ...placement });
    if (!o.success || !p.success) {
      setErrors({ ...(o.success ? {} : teamFieldErrors(o.error)), ...(p.success ? {} : teamFieldErrors(p.error)) });
      return;
    }
    setErrors({});
    try {
      const { organisation } = await create.mutateAsync({ draft, placement });
      navigate(`/team/organisations/${organisation.id}`);
    } catch {
      // Shown below from the mutation's error; nothing was written.
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-org-title" className="member-fieldset form-card">
      <h2 id="new-org-title">{t('team.org.add')}</h2>
      <div className="grid-2">
        <TextField label={t('team.org.name')} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} required autoComplete="off" />
        <SelectField
          label={t('team.org.type')}
          value={type}
          onChange={(e) => {
            const next = e.target.value as OrganisationType;
            setType(next);
            setPosition(positionOf({ ring: suggestedRing(next), shell: 'eerste' }) ?? 'binnenring');
          }}
          options={ORGANISATION_TYPES.map((ty) => ({ value: ty, label: tx(`team.orgType.${ty}`) }))}
          error={errors.type}
        />
        <SelectField
          label={t('team.org.position')}
          hint={t('team.org.positionHint')}
          value={position}
          onChange={(e) => setPosition(e.target.value as Position)}
          options={POSITIONS.map((p) => ({ value: p, label: tx(`team.position.${p}`) }))}
        />
        <TextArea label={t('team.ring.reason')} hint={t('team.ring.reasonHint')} value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} required rows={2} />
      </div>
      <TextArea label={t('team.org.description')} value={description} onChange={(e) => setDescription(e.target.value)} error={errors.description} rows={2} />
      <TeamSaveError error={create.error} />
      <FormActions submitLabel={t('team.org.addSubmit')} pending={create.isPending} />
    </form>
  );
}
