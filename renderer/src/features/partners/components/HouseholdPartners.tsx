import { useRef, useState, type FormEvent } from 'react';
import { localDay } from '@shared/dates';
import {
  canBeInvited,
  checkPartnerAccess,
  consentState,
  invitationState,
  isInvolvementActive,
  lapsedConsents,
  professionalsInvolved,
  ringOf,
  type PartnerAccess,
} from '@shared/domain/partner-rules';
import {
  CONSENT_PURPOSES,
  ConsentDraftSchema,
  INVITATION_KINDS,
  INVOLVEMENT_LEVELS,
  InvitationDraftSchema,
  InvolvementDraftSchema,
  type ConsentPurpose,
  type InvitationKind,
  type InvolvementLevel,
  type Organisation,
} from '@shared/domain/partners';
import { ConsentRequiredError } from '../../../data/stores/partners/partners';
import { useI18n } from '../../../i18n';
import { useDates } from '../../../i18n/format';
import { useHousehold } from '../../households/queries';
import type { FieldErrors } from '../../../ui/errors';
import { SelectField, TextArea, TextField } from '../../../ui/Field';
import { useAddInvolvement, useCancelInvitation, useInviteContact, useRecordConsent, useUpdateInvolvement, useWithdrawConsent } from '../../team/mutations';
import { useConsents, useContacts, useInvitations, useInvolvements, useOrganisations, usePlacements, useTeamSettings } from '../../team/queries';
import { teamFieldErrors } from '../../team/components/errors';
import { HouseholdRing } from '../../team/components/HouseholdRing';
import { TeamSaveError } from '../../team/components/SaveError';
import { FormActions } from '../../../ui/FormActions';
import { Table } from '../../../ui/Table';

type ConsentPrefill = Readonly<{ organisationId: string; purpose: ConsentPurpose; nonce: number }>;

/**
 * The household page section of the team feature: who is around this household (drawn),
 * involvement levels, the consent ledger and invitations of partners from outside the table.
 */
export function HouseholdPartners({ householdId }: Readonly<{ householdId: string }>) {
  const { t, tx } = useI18n();
  const today = localDay();
  const orgs = useOrganisations();
  const contacts = useContacts();
  const placements = usePlacements();
  const settings = useTeamSettings();
  const involvements = useInvolvements(householdId);
  const consents = useConsents(householdId);
  const invitations = useInvitations(householdId);
  const household = useHousehold(householdId);
  const [consentPrefill, setConsentPrefill] = useState<ConsentPrefill | undefined>(undefined);
  const consentFormRef = useRef<HTMLDivElement>(null);

  const loading = [orgs, contacts, placements, settings, involvements, consents, invitations, household].some((q) => q.isLoading);
  if (loading) return <p>{t('common.loading')}</p>;

  const active = (involvements.data ?? []).filter((i) => isInvolvementActive(i, today));
  // A closed household's partner data is history (the repository refuses edits too).
  const closed = household.data?.status === 'afgesloten';
  const max = settings.data?.maxProfessionals ?? 5;
  const pros = professionalsInvolved(involvements.data ?? [], today, max);
  // Per organisation and purpose: a lapsed line that was renewed since is history, not a warning.
  const lapsed = lapsedConsents(consents.data ?? [], householdId, today);
  const orgName = (id: string) => orgs.data?.find((o) => o.id === id)?.name ?? t('team.org.unknown');

  return (
    <section aria-labelledby="hh-partners-title" className="hh-partners" data-ready="household-partners">
      <h2 id="hh-partners-title">{t('team.hh.title')}</h2>
      {pros.overLimit ? (
        <p className="warning" role="status" data-testid="professionals-warning">
          {t('team.hh.tooMany', { count: pros.count, max: pros.max })}
        </p>
      ) : null}
      {lapsed.length > 0 ? (
        <p className="warning" role="status" data-testid="consent-lapsed">
          {t('team.hh.consentLapsed', {
            list: lapsed
              .map((l) => t('team.hh.consentLapsedItem', { name: orgName(l.organisationId), purpose: tx(`team.purpose.${l.purpose}`), state: tx(`team.consent.state.${l.status}`).toLocaleLowerCase('nl') }))
              .join('; '),
          })}
        </p>
      ) : null}
      {closed ? (
        <p className="notice" data-testid="partners-closed">
          {t('team.closed.readOnly')}
        </p>
      ) : null}
      <div className="hh-partners__grid">
        <HouseholdRing involvements={active} organisations={orgs.data ?? []} contacts={contacts.data ?? []} placements={placements.data ?? []} />
        <div>
          <InvolvementList householdId={householdId} today={today} closed={closed} />
          {closed ? null : <InvolvementForm householdId={householdId} today={today} />}
        </div>
      </div>
      <ConsentLedger householdId={householdId} today={today} />
      {closed ? null : (
        <div ref={consentFormRef}>
          <ConsentForm key={consentPrefill?.nonce ?? 0} householdId={householdId} today={today} prefill={consentPrefill} />
        </div>
      )}
      <Invitations
        householdId={householdId}
        today={today}
        closed={closed}
        onRecordConsent={(organisationId, purpose) => {
          setConsentPrefill({ organisationId, purpose, nonce: Date.now() });
          requestAnimationFrame(() => consentFormRef.current?.querySelector<HTMLElement>('input, select')?.focus());
        }}
      />
    </section>
  );
}

function useLookups() {
  const { t, tx } = useI18n();
  const orgs = useOrganisations();
  const contacts = useContacts();
  const placements = usePlacements();
  const orgName = (id: string) => orgs.data?.find((o) => o.id === id)?.name ?? t('team.org.unknown');
  const contactName = (id: string | undefined) => contacts.data?.find((c) => c.id === id)?.name;
  const ringLabel = (orgId: string) => {
    const r = ringOf(placements.data ?? [], orgId);
    return r ? tx(`team.ring.${r}`) : t('team.ring.notPlaced');
  };
  return { orgs: orgs.data ?? [], contacts: contacts.data ?? [], placements: placements.data ?? [], orgName, contactName, ringLabel };
}

function orgOptions(orgs: readonly Organisation[], ringLabel: (id: string) => string) {
  return orgs.map((o) => ({ value: o.id, label: `${o.name} (${ringLabel(o.id)})` }));
}

// ---------------------------------------------------------------------------------------------

function InvolvementList({ householdId, today, closed }: Readonly<{ householdId: string; today: string; closed: boolean }>) {
  const { t, tx } = useI18n();
  const dates = useDates();
  const involvements = useInvolvements(householdId);
  const update = useUpdateInvolvement(householdId);
  const { orgName, contactName, ringLabel } = useLookups();
  const list = involvements.data ?? [];
  if (list.length === 0) return <p className="muted">{t('team.hh.noInvolvements')}</p>;
  return (
    <>
      <Table className="table--compact" caption={t('team.hh.involvementsCaption')} captionHidden columns={[{ label: t('team.hh.partner') }, { label: t('team.hh.level') }, { label: t('team.hh.since') }, { label: t('team.hh.role') }, { label: t('team.member.actions'), hidden: true }]}>
          {list.map((inv) => {
            const activeNow = isInvolvementActive(inv, today);
            const who = contactName(inv.contactId) ? `${contactName(inv.contactId) ?? ''} · ${orgName(inv.organisationId)}` : orgName(inv.organisationId);
            return (
              <tr key={inv.id} className={activeNow ? undefined : 'row--inactive'} data-involvement={orgName(inv.organisationId)}>
                <th scope="row">
                  {who}
                  <div className="muted">{ringLabel(inv.organisationId)}</div>
                </th>
                <td>
                  {activeNow && !closed ? (
                    <>
                      <label className="visually-hidden" htmlFor={`lvl-${inv.id}`}>
                        {t('team.hh.levelFor', { name: who })}
                      </label>
                      <select autoComplete="off" id={`lvl-${inv.id}`} value={inv.level} onChange={(e) => update.mutate({ id: inv.id, patch: { level: e.target.value as InvolvementLevel } })}>
                        {INVOLVEMENT_LEVELS.map((l) => (
                          <option key={l} value={l}>
                            {tx(`team.level.${l}`)}
                          </option>
                        ))}
                      </select>
                    </>
                  ) : (
                    tx(`team.level.${inv.level}`)
                  )}
                </td>
                <td>{dates.date(inv.since)}</td>
                <td>{inv.role ?? '—'}</td>
                <td>
                  {activeNow && !closed ? (
                    <button type="button" className="button button--secondary" onClick={() => update.mutate({ id: inv.id, patch: { endedAt: today } })} aria-label={t('team.hh.endFor', { name: who })}>
                      {t('team.hh.end')}
                    </button>
                  ) : inv.endedAt ? (
                    <span className="muted">{t('team.hh.ended', { date: dates.date(inv.endedAt) })}</span>
                  ) : null}
                </td>
              </tr>
            );
          })}
      </Table>
      <TeamSaveError error={update.error} />
    </>
  );
}

function InvolvementForm({ householdId, today }: Readonly<{ householdId: string; today: string }>) {
  const { t, tx } = useI18n();
  const add = useAddInvolvement(householdId);
  const { orgs, contacts, ringLabel } = useLookups();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ organisationId: '', contactId: '', level: 'afstemmen' as InvolvementLevel, since: today, role: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  if (!open) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        {t('team.hh.involve')}
      </button>
    );
  }
  const orgContacts = contacts.filter((c) => c.organisationId === form.organisationId && c.active);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const draft = { ...form, householdId };
    const parsed = InvolvementDraftSchema.safeParse(draft);
    if (!parsed.success) {
      setErrors(teamFieldErrors(parsed.error));
      return;
    }
    try {
      await add.mutateAsync(draft);
    } catch {
      return; // shown next to the button (TeamSaveError); nothing was written
    }
    setForm({ organisationId: '', contactId: '', level: 'afstemmen', since: today, role: '' });
    setErrors({});
    setOpen(false);
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="member-fieldset form-card" aria-labelledby="involve-title">
      <h3 id="involve-title">{t('team.hh.involve')}</h3>
      <div className="grid-2">
        <SelectField
          label={t('team.hh.organisation')}
          value={form.organisationId}
          onChange={(e) => setForm({ ...form, organisationId: e.target.value, contactId: '' })}
          options={[{ value: '', label: t('team.hh.chooseOrganisation') }, ...orgOptions(orgs, ringLabel)]}
          error={errors.organisationId ? 'validation.choice' : undefined}
          required
        />
        <SelectField
          label={t('team.hh.contact')}
          value={form.contactId}
          onChange={(e) => setForm({ ...form, contactId: e.target.value })}
          options={[{ value: '', label: t('team.hh.noContact') }, ...orgContacts.map((c) => ({ value: c.id, label: c.role ? `${c.name} (${c.role})` : c.name }))]}
        />
        <SelectField
          label={t('team.hh.level')}
          hint={t('team.hh.levelHint')}
          value={form.level}
          onChange={(e) => setForm({ ...form, level: e.target.value as InvolvementLevel })}
          options={INVOLVEMENT_LEVELS.map((l) => ({ value: l, label: tx(`team.level.${l}`) }))}
        />
        <TextField label={t('team.hh.since')} type="date" value={form.since} onChange={(e) => setForm({ ...form, since: e.target.value })} error={errors.since} required />
      </div>
      <TextField label={t('team.hh.role')} hint={t('team.hh.roleHint')} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })} error={errors.role} autoComplete="off" />
      <TeamSaveError error={add.error} />
      <FormActions submitLabel={t('team.hh.involveSubmit')} pending={add.isPending} onCancel={() => setOpen(false)} />
    </form>
  );
}

// ---------------------------------------------------------------------------------------------

function ConsentLedger({ householdId, today }: Readonly<{ householdId: string; today: string }>) {
  const { t, tx } = useI18n();
  const dates = useDates();
  const consents = useConsents(householdId);
  const withdraw = useWithdrawConsent(householdId);
  const { orgName } = useLookups();
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  const list = consents.data ?? [];
  return (
    <section aria-labelledby="consent-title">
      <h3 id="consent-title">{t('team.consent.title')}</h3>
      {list.length === 0 ? (
        <p className="muted">{t('team.consent.empty')}</p>
      ) : (
        <Table className="table--compact" testId="consent-ledger" columns={[{ label: t('team.hh.partner') }, { label: t('team.consent.purpose') }, { label: t('team.consent.givenBy') }, { label: t('team.consent.givenAt') }, { label: t('team.consent.expiresAt') }, { label: t('team.consent.status') }, { label: t('team.member.actions'), hidden: true }]}>
            {list.map((c) => {
              const state = consentState(c, today);
              return (
                <tr key={c.id} data-consent={`${orgName(c.organisationId)}|${c.purpose}`}>
                  <th scope="row">
                    {orgName(c.organisationId)}
                    {c.scope ? <div className="muted">{c.scope}</div> : null}
                  </th>
                  <td>{tx(`team.purpose.${c.purpose}`)}</td>
                  <td>{c.givenBy}</td>
                  <td>{dates.date(c.givenAt)}</td>
                  <td>{c.expiresAt ? dates.date(c.expiresAt) : t('team.consent.noExpiry')}</td>
                  <td>
                    <span className={`badge badge--consent-${state}`}>{tx(`team.consent.state.${state}`)}</span>
                    {c.withdrawnAt ? <div className="muted">{t('team.consent.withdrawnOn', { date: dates.date(c.withdrawnAt) })}</div> : null}
                  </td>
                  <td>
                    {state === 'valid' || state === 'pending' ? (
                      confirming === c.id ? (
                        <span className="inline-confirm">
                          <button
                            type="button"
                            className="button button--danger"
                            onClick={() => withdraw.mutate({ id: c.id, date: today }, { onSuccess: () => setConfirming(undefined) })}
                          >
                            {t('team.consent.withdrawConfirm')}
                          </button>
                          <button type="button" className="button button--secondary" onClick={() => setConfirming(undefined)}>
                            {t('common.cancel')}
                          </button>
                        </span>
                      ) : (
                        <button
                          type="button"
                          className="button button--secondary"
                          onClick={() => setConfirming(c.id)}
                          aria-label={t('team.consent.withdrawFor', { name: orgName(c.organisationId), purpose: tx(`team.purpose.${c.purpose}`) })}
                        >
                          {t('team.consent.withdraw')}
                        </button>
                      )
                    ) : null}
                  </td>
                </tr>
              );
            })}
        </Table>
      )}
      <TeamSaveError error={withdraw.error} />
    </section>
  );
}

function ConsentForm({ householdId, today, prefill }: Readonly<{ householdId: string; today: string; prefill: ConsentPrefill | undefined }>) {
  const { t, tx } = useI18n();
  const record = useRecordConsent(householdId);
  const { orgs, ringLabel } = useLookups();
  const [open, setOpen] = useState(Boolean(prefill));
  const empty = { organisationId: prefill?.organisationId ?? '', purpose: prefill?.purpose ?? ('bespreken' as ConsentPurpose), givenBy: '', givenAt: today, scope: '', expiresAt: '' };
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const draft = { ...form, householdId };
    const parsed = ConsentDraftSchema.safeParse(draft);
    if (!parsed.success) {
      setErrors(teamFieldErrors(parsed.error));
      return;
    }
    try {
      await record.mutateAsync(draft);
    } catch {
      return; // shown next to the button (TeamSaveError); nothing was written
    }
    setSaved(t('team.consent.saved'));
    setErrors({});
    setForm({ ...empty, organisationId: '', givenBy: '' });
    setOpen(false);
  }

  return (
    <>
      <p role="status" className="muted">
        {saved}
      </p>
      {!open ? (
        <button type="button" className="button button--secondary" onClick={() => { setSaved(''); setOpen(true); }}>
          {t('team.consent.record')}
        </button>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate className="member-fieldset form-card" aria-labelledby="consent-form-title">
          <h3 id="consent-form-title">{t('team.consent.record')}</h3>
          <div className="grid-3">
            <SelectField
              label={t('team.hh.organisation')}
              value={form.organisationId}
              onChange={(e) => setForm({ ...form, organisationId: e.target.value })}
              options={[{ value: '', label: t('team.hh.chooseOrganisation') }, ...orgOptions(orgs, ringLabel)]}
              error={errors.organisationId ? 'validation.choice' : undefined}
              required
            />
            <SelectField
              label={t('team.consent.purpose')}
              value={form.purpose}
              onChange={(e) => setForm({ ...form, purpose: e.target.value as ConsentPurpose })}
              options={CONSENT_PURPOSES.map((p) => ({ value: p, label: tx(`team.purpose.${p}`) }))}
            />
            <TextField label={t('team.consent.givenBy')} hint={t('team.consent.givenByHint')} value={form.givenBy} onChange={(e) => setForm({ ...form, givenBy: e.target.value })} error={errors.givenBy} required autoComplete="off" />
            <TextField label={t('team.consent.givenAt')} type="date" value={form.givenAt} onChange={(e) => setForm({ ...form, givenAt: e.target.value })} error={errors.givenAt} required />
            <TextField label={t('team.consent.expiresAt')} hint={t('team.consent.expiresHint')} type="date" value={form.expiresAt} onChange={(e) => setForm({ ...form, expiresAt: e.target.value })} error={errors.expiresAt} />
          </div>
          <TextArea label={t('team.consent.scope')} hint={t('team.consent.scopeHint')} value={form.scope} onChange={(e) => setForm({ ...form, scope: e.target.value })} error={errors.scope} rows={2} />
          <TeamSaveError error={record.error} />
          <FormActions submitLabel={t('team.consent.save')} pending={record.isPending} onCancel={() => setOpen(false)} />
        </form>
      )}
    </>
  );
}

// ---------------------------------------------------------------------------------------------

function Invitations({
  householdId,
  today,
  closed,
  onRecordConsent,
}: Readonly<{ householdId: string; today: string; closed: boolean; onRecordConsent: (organisationId: string, purpose: ConsentPurpose) => void }>) {
  const { t, tx } = useI18n();
  const dates = useDates();
  const invitations = useInvitations(householdId);
  const consents = useConsents(householdId);
  const invite = useInviteContact(householdId);
  const cancel = useCancelInvitation(householdId);
  const { contacts, placements, orgName, contactName } = useLookups();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ contactId: '', purpose: 'bespreken' as ConsentPurpose, kind: 'meeting' as InvitationKind, startDate: today, endDate: today, note: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refusal, setRefusal] = useState<{ access: PartnerAccess; organisationId: string; purpose: ConsentPurpose } | undefined>(undefined);
  const refusalRef = useRef<HTMLDivElement>(null);

  const invitable = contacts.filter((c) => c.active && canBeInvited(ringOf(placements, c.organisationId)));
  const list = invitations.data ?? [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setRefusal(undefined);
    const contact = contacts.find((c) => c.id === form.contactId);
    const draft = { ...form, endDate: form.kind === 'meeting' ? form.startDate : form.endDate, organisationId: contact?.organisationId ?? '', householdId };
    const parsed = InvitationDraftSchema.safeParse(draft);
    if (!parsed.success) {
      const errs = teamFieldErrors(parsed.error);
      setErrors({ ...errs, ...(errs.organisationId || errs.contactId ? { contactId: 'validation.choice' } : {}) });
      return;
    }
    setErrors({});
    // Checked here to explain, and again in the repository to enforce.
    const access = checkPartnerAccess({ placements, consents: consents.data ?? [], householdId, organisationId: draft.organisationId, purpose: draft.purpose }, today);
    if (!access.allowed) {
      setRefusal({ access, organisationId: draft.organisationId, purpose: draft.purpose });
      requestAnimationFrame(() => refusalRef.current?.focus());
      return;
    }
    try {
      await invite.mutateAsync({ draft, today });
      setOpen(false);
      setForm({ ...form, contactId: '', note: '' });
    } catch (err) {
      // Any other failure is shown next to the button from the mutation's error.
      if (err instanceof ConsentRequiredError) {
        setRefusal({ access: err.access, organisationId: draft.organisationId, purpose: draft.purpose });
        requestAnimationFrame(() => refusalRef.current?.focus());
      }
    }
  }

  return (
    <section aria-labelledby="invite-title">
      <h3 id="invite-title">{t('team.invite.title')}</h3>
      <p className="muted">{t('team.invite.intro')}</p>
      {list.length === 0 ? (
        <p className="muted">{t('team.invite.empty')}</p>
      ) : (
        <Table className="table--compact" testId="invitations" columns={[{ label: t('team.invite.who') }, { label: t('team.consent.purpose') }, { label: t('team.invite.when') }, { label: t('team.consent.status') }, { label: t('team.member.actions'), hidden: true }]}>
            {list.map((inv) => {
              const state = invitationState(inv, today);
              const who = `${contactName(inv.contactId) ?? '—'} · ${orgName(inv.organisationId)}`;
              return (
                <tr key={inv.id} data-invitation={contactName(inv.contactId) ?? ''}>
                  <th scope="row">
                    {who}
                    {inv.note ? <div className="muted">{inv.note}</div> : null}
                  </th>
                  <td>{tx(`team.purpose.${inv.purpose}`)}</td>
                  <td>{inv.kind === 'meeting' ? t('team.invite.forMeeting', { date: dates.date(inv.endDate) }) : t('team.invite.forPeriod', { from: dates.date(inv.startDate), to: dates.date(inv.endDate) })}</td>
                  <td>
                    <span className={`badge badge--invite-${state}`}>{tx(`team.invite.state.${state}`)}</span>
                  </td>
                  <td>
                    {(state === 'active' || state === 'scheduled') && !closed ? (
                      <button type="button" className="button button--secondary" onClick={() => cancel.mutate({ id: inv.id, date: today })} aria-label={t('team.invite.cancelFor', { name: who })}>
                        {t('team.invite.cancel')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
        </Table>
      )}
      <TeamSaveError error={cancel.error} />
      {closed ? null : !open ? (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t('team.invite.add')}
        </button>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate className="member-fieldset form-card" aria-labelledby="invite-form-title">
          <h4 id="invite-form-title">{t('team.invite.add')}</h4>
          <div className="grid-3">
            <SelectField
              label={t('team.invite.contact')}
              hint={t('team.invite.contactHint')}
              value={form.contactId}
              onChange={(e) => setForm({ ...form, contactId: e.target.value })}
              options={[
                { value: '', label: t('team.invite.chooseContact') },
                ...invitable.map((c) => ({ value: c.id, label: `${c.name} · ${orgName(c.organisationId)} (${tx(`team.ring.${ringOf(placements, c.organisationId) ?? 'invliegen'}`)})` })),
              ]}
              error={errors.contactId}
              required
            />
            <SelectField
              label={t('team.consent.purpose')}
              value={form.purpose}
              onChange={(e) => setForm({ ...form, purpose: e.target.value as ConsentPurpose })}
              options={CONSENT_PURPOSES.map((p) => ({ value: p, label: tx(`team.purpose.${p}`) }))}
            />
            <SelectField
              label={t('team.invite.kind')}
              value={form.kind}
              onChange={(e) => setForm({ ...form, kind: e.target.value as InvitationKind })}
              options={INVITATION_KINDS.map((k) => ({ value: k, label: tx(`team.invite.kind.${k}`) }))}
            />
            <TextField
              label={form.kind === 'meeting' ? t('team.invite.meetingDate') : t('team.invite.startDate')}
              type="date"
              value={form.startDate}
              onChange={(e) => setForm({ ...form, startDate: e.target.value })}
              error={errors.startDate}
              required
            />
            {form.kind === 'period' ? (
              <TextField label={t('team.invite.endDate')} hint={t('team.invite.endHint')} type="date" value={form.endDate} onChange={(e) => setForm({ ...form, endDate: e.target.value })} error={errors.endDate} required />
            ) : null}
          </div>
          <TextField label={t('team.invite.note')} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} error={errors.note} autoComplete="off" />
          {refusal ? (
            <div ref={refusalRef} tabIndex={-1} role="alert" className="refusal" data-testid="invite-refused">
              <p>
                <strong>{t('team.invite.refusedTitle', { name: orgName(refusal.organisationId) })}</strong>
              </p>
              <p>
                {tx(`team.invite.refused.${refusal.access.reason}`, {
                  purpose: tx(`team.purpose.${refusal.purpose}`),
                  ring: refusal.access.ring ? tx(`team.ring.${refusal.access.ring}`) : t('team.ring.notPlaced'),
                  date: refusalDate(refusal.access, dates.date),
                })}
              </p>
              <p>{t('team.invite.whatToDo')}</p>
              <button type="button" className="button" onClick={() => onRecordConsent(refusal.organisationId, refusal.purpose)}>
                {t('team.invite.recordConsentNow')}
              </button>
            </div>
          ) : null}
          {invite.error instanceof ConsentRequiredError ? null : <TeamSaveError error={invite.error} />}
          <FormActions submitLabel={t('team.invite.submit')} pending={invite.isPending} onCancel={() => { setOpen(false); setRefusal(undefined); }} />
        </form>
      )}
    </section>
  );
}

/** The date a refusal names: when the consent was withdrawn, or when it expired. */
function refusalDate(access: PartnerAccess, format: (iso: string) => string): string {
  const iso = access.consent?.withdrawnAt ?? access.consent?.expiresAt;
  return iso ? format(iso) : '';
}
