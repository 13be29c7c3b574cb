import { useEffect, useRef, useState, type FormEvent } from 'react';
import { localDay } from '@shared/dates';
import { applyContactReplacement, inviteRule, placementOf, successorCandidates } from '@shared/domain/partner-rules';
import {
  ContactDraftSchema,
  ContactReplacementSchema,
  ORGANISATION_TYPES,
  OrganisationDraftSchema,
  type Contact,
  type Organisation,
  type OrganisationType,
} from '@shared/domain/partners';
import { href } from '../../../app/router';
import { TeamRuleError } from '../../../data/stores/partners/partners';
import { useI18n } from '../../../i18n';
import { useDates } from '../../../i18n/format';
import type { FieldErrors } from '../../../ui/errors';
import { SelectField, TextArea, TextField } from '../../../ui/Field';
import { useReplaceContact, useSaveContact, useSaveOrganisation } from '../mutations';
import { useContacts, useOrganisations, usePlacements, useReplacementPreview } from '../queries';
import { teamFieldErrors } from './errors';
import { TeamSaveError } from './SaveError';
import { positionOf } from './geometry';
import { TeamNav } from './TeamNav';
import { FormActions } from '../../../ui/FormActions';

export function OrganisationPage({ id }: Readonly<{ id: string }>) {
  const { t, tx } = useI18n();
  const dates = useDates();
  const orgs = useOrganisations();
  const contacts = useContacts();
  const placements = usePlacements();
  const [editing, setEditing] = useState<string | 'new' | undefined>(undefined);
  const [leaving, setLeaving] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState('');
  if (orgs.isLoading || contacts.isLoading || placements.isLoading) return <p>{t('common.loading')}</p>;
  const org = (orgs.data ?? []).find((o) => o.id === id);
  if (!org) return <p role="alert">{t('team.org.notFound')}</p>;
  const all = contacts.data ?? [];
  const mine = all.filter((c) => c.organisationId === id);
  const placement = placementOf(placements.data ?? [], id);
  const pos = positionOf(placement);
  const nameOf = (cid: string | undefined) => all.find((c) => c.id === cid)?.name ?? '—';

  return (
    <article aria-labelledby="org-title" data-ready="team-organisation">
      <div className="page-head">
        <h1 id="org-title">
          {org.name}
          {org.example ? <span className="badge badge--example">{t('team.example.badge')}</span> : null}
        </h1>
      </div>
      <TeamNav />
      <dl className="facts">
        <div>
          <dt>{t('team.org.type')}</dt>
          <dd>{tx(`team.orgType.${org.type}`)}</dd>
        </div>
        <div>
          <dt>{t('team.org.position')}</dt>
          <dd>{pos ? tx(`team.position.${pos}`) : t('team.ring.notPlaced')}</dd>
        </div>
        <div>
          <dt>{t('team.ring.reason')}</dt>
          <dd>{placement?.reason ?? '—'}</dd>
        </div>
      </dl>
      <p>
        <a href={href('/team')}>{t('team.org.changeRing')}</a>
      </p>
      <OrganisationEdit org={org} />

      <h2 id="contacts-title">{t('team.contact.title')}</h2>
      <p role="status" className="muted" data-testid="contact-message">
        {message}
      </p>
      {mine.length === 0 ? <p className="empty">{t('team.contact.empty')}</p> : null}
      <ul className="members contact-list" aria-labelledby="contacts-title">
        {mine.map((c) => (
          <li key={c.id} data-contact={c.name}>
            <div className="contact-row">
              <div>
                <strong>{c.name}</strong> {c.role ? <span className="muted">· {c.role}</span> : null}
                {c.example ? <span className="badge badge--example">{t('team.example.badge')}</span> : null}
                {!c.active ? <span className="badge">{t('team.contact.left', { date: c.leftAt ? dates.date(c.leftAt) : '' })}</span> : null}
                <div className="muted">
                  {[c.phone, c.email].filter(Boolean).join(' · ')}
                  {c.backupContactId ? ` ${t('team.contact.backupIs', { name: nameOf(c.backupContactId) })}` : ''}
                  {c.successorId ? ` ${t('team.contact.successorIs', { name: nameOf(c.successorId) })}` : ''}
                </div>
                {c.handoverNote ? <p className="handover-note">{t('team.contact.handoverNoteShown', { note: c.handoverNote })}</p> : null}
              </div>
              {c.active ? (
                <div className="contact-row__actions">
                  <button type="button" className="button button--secondary" onClick={() => { setLeaving(undefined); setEditing(c.id); }} aria-label={t('team.contact.editFor', { name: c.name })}>
                    {t('common.edit')}
                  </button>
                  <button type="button" className="button button--secondary" onClick={() => { setEditing(undefined); setLeaving(c.id); }} aria-label={t('team.contact.leaveFor', { name: c.name })}>
                    {t('team.contact.leave')}
                  </button>
                </div>
              ) : null}
            </div>
            {editing === c.id ? <ContactForm organisationId={id} contact={c} contacts={all} onDone={() => setEditing(undefined)} /> : null}
            {leaving === c.id ? (
              <LeaveForm
                contact={c}
                contacts={all}
                onDone={(msg) => {
                  setLeaving(undefined);
                  if (msg) setMessage(msg);
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {editing === 'new' ? (
        <ContactForm organisationId={id} contacts={all} onDone={() => setEditing(undefined)} />
      ) : (
        <button type="button" className="button" onClick={() => { setLeaving(undefined); setEditing('new'); }}>
          {t('team.contact.add')}
        </button>
      )}
      <p>
        <a href={href('/team/organisations')}>{t('common.back')}</a>
      </p>
    </article>
  );
}

function OrganisationEdit({ org }: Readonly<{ org: Organisation }>) {
  const { t, tx } = useI18n();
  const save = useSaveOrganisation();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(org.name);
  const [type, setType] = useState<OrganisationType>(org.type);
  const [description, setDescription] = useState(org.description ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  if (!open) {
    return (
      <>
        {org.description ? <p>{org.description}</p> : null}
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t('team.org.edit')}
        </button>
      </>
    );
  }
  async function submit(e: FormEvent) {
    e.preventDefault();
    const draft = { name, type, description };
    const parsed = OrganisationDraftSchema.safeParse(draft);
    if (!parsed.success) {
      setErrors(teamFieldErrors(parsed.error));
      return;
    }
    try {
      await save.mutateAsync({ draft, id: org.id });
    } catch {
      return; // shown next to the button (TeamSaveError); nothing was written
    }
    setOpen(false);
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="member-fieldset form-card" aria-label={t('team.org.edit')}>
      <div className="grid-2">
        <TextField label={t('team.org.name')} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} required autoComplete="off" />
        <SelectField label={t('team.org.type')} value={type} onChange={(e) => setType(e.target.value as OrganisationType)} options={ORGANISATION_TYPES.map((ty) => ({ value: ty, label: tx(`team.orgType.${ty}`) }))} />
      </div>
      <TextArea label={t('team.org.description')} value={description} onChange={(e) => setDescription(e.target.value)} error={errors.description} rows={2} />
      <TeamSaveError error={save.error} />
      <FormActions submitLabel={t('common.save')} pending={save.isPending} onCancel={() => setOpen(false)} />
    </form>
  );
}

function ContactForm({ organisationId, contact, contacts, onDone }: Readonly<{ organisationId: string; contact?: Contact; contacts: readonly Contact[]; onDone: () => void }>) {
  const { t } = useI18n();
  const save = useSaveContact();
  const [form, setForm] = useState({
    name: contact?.name ?? '',
    role: contact?.role ?? '',
    phone: contact?.phone ?? '',
    email: contact?.email ?? '',
    backupContactId: contact?.backupContactId ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => ref.current?.querySelector('input')?.focus(), []);
  const backups = contacts.filter((c) => c.active && c.id !== contact?.id);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const draft = { ...form, organisationId };
    const parsed = ContactDraftSchema.safeParse(draft);
    if (!parsed.success) {
      setErrors(teamFieldErrors(parsed.error));
      return;
    }
    try {
      await save.mutateAsync({ draft, id: contact?.id });
      onDone();
    } catch (err) {
      // A broken rule stands next to its field; anything else below the form (TeamSaveError).
      if (err instanceof TeamRuleError) setErrors({ backupContactId: err.key });
    }
  }

  return (
    <form ref={ref} onSubmit={(e) => void submit(e)} noValidate className="member-fieldset form-card" aria-label={contact ? t('team.contact.editFor', { name: contact.name }) : t('team.contact.add')}>
      <div className="grid-3">
        <TextField label={t('team.contact.name')} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={errors.name} required autoComplete="off" />
        <TextField label={t('team.contact.role')} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })} error={errors.role} autoComplete="off" />
        <TextField label={t('team.contact.phone')} type="tel" value={form.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} error={errors.phone} autoComplete="off" />
        <TextField label={t('team.contact.email')} type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} error={errors.email} autoComplete="off" />
        <SelectField
          label={t('team.contact.backup')}
          hint={t('team.contact.backupHint')}
          value={form.backupContactId}
          onChange={(e) => setForm({ ...form, backupContactId: e.target.value })}
          options={[{ value: '', label: t('team.contact.noBackup') }, ...backups.map((c) => ({ value: c.id, label: c.name }))]}
          error={errors.backupContactId}
        />
      </div>
      {save.error instanceof TeamRuleError ? null : <TeamSaveError error={save.error} />}
      <FormActions submitLabel={t('common.save')} pending={save.isPending} onCancel={onDone} />
    </form>
  );
}

/**
 * A contact leaves: choose the successor (the backup is proposed, colleagues of the same
 * organisation come first, others are marked), write the handover note, see what will move,
 * confirm. Everything open moves in one transaction (replaceContact).
 */
function LeaveForm({ contact, contacts, onDone }: Readonly<{ contact: Contact; contacts: readonly Contact[]; onDone: (message?: string) => void }>) {
  const { t } = useI18n();
  const today = localDay();
  const replace = useReplaceContact();
  const preview = useReplacementPreview(contact.id, today);
  const orgs = useOrganisations();
  const orgName = (id: string) => orgs.data?.find((o) => o.id === id)?.name ?? t('team.org.unknown');
  const { sameOrganisation, otherOrganisations } = successorCandidates(contact, contacts);
  const candidates = [...sameOrganisation, ...otherOrganisations];
  const proposed = sameOrganisation.find((c) => c.id === contact.backupContactId) ?? candidates.find((c) => c.id === contact.backupContactId) ?? sameOrganisation[0];
  const [successorId, setSuccessorId] = useState(proposed?.id ?? '');
  const [leftAt, setLeftAt] = useState(today);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => ref.current?.querySelector('select')?.focus(), []);
  const successor = candidates.find((c) => c.id === successorId);
  const otherOrg = successor !== undefined && successor.organisationId !== contact.organisationId;
  const work = preview.data?.work;
  // What this successor would get: across organisations, consent decides about invitations.
  const outcome =
    preview.data && successor
      ? applyContactReplacement(preview.data.work, contact, successor, today, inviteRule(preview.data.placements, preview.data.consents, today)).summary
      : undefined;
  const own = orgName(contact.organisationId);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const replacement = { contactId: contact.id, successorId, leftAt, handoverNote: note };
    const parsed = ContactReplacementSchema.safeParse(replacement);
    if (!parsed.success) {
      setErrors(teamFieldErrors(parsed.error));
      return;
    }
    const from = contact.name;
    const to = successor?.name ?? '';
    try {
      const r = await replace.mutateAsync({
        replacement,
        householdNote: (n) => t('team.leave.householdNote', { from, to, note: n }),
      });
      const done = t('team.leave.done', { from, to, actions: r.actions, involvements: r.involvements, invitations: r.invitations, agendaItems: r.agendaItems, duties: r.duties });
      const other = r.involvementsUnnamed + r.invitationsEnded + r.agendaItemsDropped > 0
        ? t('team.leave.doneOther', { own, unnamed: r.involvementsUnnamed, ended: r.invitationsEnded, dropped: r.agendaItemsDropped })
        : '';
      onDone(done + other);
    } catch {
      // Shown next to the button (TeamSaveError); nothing was handed over.
    }
  }

  return (
    <form ref={ref} onSubmit={(e) => void submit(e)} noValidate className="member-fieldset form-card leave-form" aria-labelledby={`leave-${contact.id}`}>
      <h3 id={`leave-${contact.id}`}>{t('team.leave.title', { name: contact.name })}</h3>
      <p className="muted" role="status" data-testid="leave-preview">
        {work
          ? t('team.leave.preview', {
              actions: work.actions.length,
              involvements: work.involvements.length,
              invitations: work.invitations.length,
              agendaItems: work.agendaItems.length,
              duties: work.duties.length,
              backups: work.backups.length,
              households: new Set([...work.actions, ...work.involvements, ...work.invitations, ...work.agendaItems, ...work.duties].map((r) => r.householdId)).size,
            })
          : t('common.loading')}
      </p>
      <div className="grid-2">
        <SelectField
          label={t('team.leave.successor')}
          hint={t('team.leave.successorHint', { org: own })}
          value={successorId}
          onChange={(e) => setSuccessorId(e.target.value)}
          options={[
            { value: '', label: t('team.leave.chooseSuccessor') },
            ...sameOrganisation.map((c) => ({ value: c.id, label: c.name })),
            ...otherOrganisations.map((c) => ({ value: c.id, label: t('team.leave.otherOrgOption', { name: c.name, org: orgName(c.organisationId) }) })),
          ]}
          error={errors.successorId}
          required
        />
        <TextField label={t('team.leave.leftAt')} type="date" value={leftAt} onChange={(e) => setLeftAt(e.target.value)} error={errors.leftAt} required />
      </div>
      {otherOrg && successor ? (
        <p className="warning" data-testid="successor-other-org">
          {t('team.leave.otherOrgWarning', {
            name: successor.name,
            org: orgName(successor.organisationId),
            own,
            unnamed: outcome?.involvementsUnnamed ?? 0,
            ended: outcome?.invitationsEnded ?? 0,
            dropped: outcome?.agendaItemsDropped ?? 0,
          })}
        </p>
      ) : null}
      <TextArea
        label={t('team.leave.note')}
        hint={t('team.leave.noteHint', { name: successor?.name ?? t('team.leave.theSuccessor') })}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={errors.handoverNote}
        required
        rows={4}
      />
      <TeamSaveError error={replace.error} />
      <FormActions submitLabel={t('team.leave.submit')} pending={replace.isPending} onCancel={onDone} />
    </form>
  );
}
