import { useRef, useState, type FormEvent } from 'react';
import { HouseholdDraftSchema, MEMBER_ROLES, type Household, type MemberRole } from '@shared/domain/household';
import { navigate } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { fieldErrors, type FieldErrors } from '../../../ui/errors';
import { SelectField, TextField } from '../../../ui/Field';
import { useCreateHousehold, useUpdateHousehold } from '../mutations';

type MemberState = {
  id?: string | undefined;
  role: MemberRole;
  firstName: string;
  lastName: string;
  birthDate: string;
  bsn: string;
  phone: string;
  email: string;
};
type FormState = { displayName: string; wijk: string; postcode: string; address: string; members: MemberState[] };

const emptyMember = (): MemberState => ({ role: 'ouder', firstName: '', lastName: '', birthDate: '', bsn: '', phone: '', email: '' });

function fromHousehold(h?: Household | null): FormState {
  if (!h) return { displayName: '', wijk: '', postcode: '', address: '', members: [emptyMember()] };
  return {
    displayName: h.displayName,
    wijk: h.wijk ?? '',
    postcode: h.postcode ?? '',
    address: h.address ?? '',
    members: h.members.map((m) => ({
      id: m.id,
      role: m.role,
      firstName: m.firstName,
      lastName: m.lastName ?? '',
      birthDate: m.birthDate ?? '',
      bsn: m.bsn ?? '',
      phone: m.phone ?? '',
      email: m.email ?? '',
    })),
  };
}

/** Create or edit a household with its members. Validation is the shared zod schema; nothing saves half. */
export function HouseholdForm({ household }: Readonly<{ household?: Household | null }>) {
  const { t, tx } = useI18n();
  const [form, setForm] = useState<FormState>(() => fromHousehold(household));
  const [errors, setErrors] = useState<FieldErrors>({});
  const summaryRef = useRef<HTMLDivElement>(null);
  const create = useCreateHousehold();
  const update = useUpdateHousehold(household?.id ?? '');
  const saving = create.isPending || update.isPending;

  const setMember = (i: number, patch: Partial<MemberState>) =>
    setForm((f) => ({ ...f, members: f.members.map((m, j) => (j === i ? { ...m, ...patch } : m)) }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = HouseholdDraftSchema.safeParse(form);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setErrors({});
    const saved = household ? await update.mutateAsync(form) : await create.mutateAsync(form);
    navigate(`/households/${saved.id}`);
  }

  const errorCount = Object.keys(errors).length;
  const roleOptions = MEMBER_ROLES.map((r) => ({ value: r, label: tx(`households.role.${r}`) }));

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="form-title" data-ready="household-form">
      <h1 id="form-title">{household ? t('households.editHousehold') : t('households.newHousehold')}</h1>
      <div ref={summaryRef} tabIndex={-1} className={errorCount ? 'form-summary' : 'visually-hidden'} role={errorCount ? 'alert' : undefined}>
        {errorCount ? t('common.formHasErrors', { count: errorCount }) : null}
      </div>
      {create.isError || update.isError ? <p role="alert" className="field__error">{t('common.errorGeneric')}</p> : null}
      <div className="grid-2">
        <TextField
          label={t('households.displayName')}
          hint={t('households.displayNameHint')}
          value={form.displayName}
          onChange={(e) => setForm({ ...form, displayName: e.target.value })}
          error={errors.displayName}
          required
          autoComplete="off"
        />
        <TextField label={t('households.wijk')} value={form.wijk} onChange={(e) => setForm({ ...form, wijk: e.target.value })} error={errors.wijk} autoComplete="off" />
        <TextField label={t('households.address')} value={form.address} onChange={(e) => setForm({ ...form, address: e.target.value })} error={errors.address} autoComplete="off" />
        <TextField label={t('households.postcode')} value={form.postcode} onChange={(e) => setForm({ ...form, postcode: e.target.value })} error={errors.postcode} autoComplete="off" />
      </div>

      <h2>{t('households.members')}</h2>
      {form.members.map((m, i) => (
        <fieldset key={m.id ?? `new-${i}`} className="member-fieldset">
          <legend>{t('households.memberLegend', { index: i + 1 })}</legend>
          <div className="grid-3">
            <SelectField label={t('households.role')} value={m.role} options={roleOptions} onChange={(e) => setMember(i, { role: e.target.value as MemberRole })} error={errors[`members.${i}.role`]} />
            <TextField label={t('households.firstName')} value={m.firstName} onChange={(e) => setMember(i, { firstName: e.target.value })} error={errors[`members.${i}.firstName`]} required autoComplete="off" />
            <TextField label={t('households.lastName')} value={m.lastName} onChange={(e) => setMember(i, { lastName: e.target.value })} error={errors[`members.${i}.lastName`]} autoComplete="off" />
            <TextField label={t('households.birthDate')} type="date" value={m.birthDate} onChange={(e) => setMember(i, { birthDate: e.target.value })} error={errors[`members.${i}.birthDate`]} />
            <TextField label={t('households.bsn')} inputMode="numeric" value={m.bsn} onChange={(e) => setMember(i, { bsn: e.target.value })} error={errors[`members.${i}.bsn`]} autoComplete="off" />
            <TextField label={t('households.phone')} type="tel" value={m.phone} onChange={(e) => setMember(i, { phone: e.target.value })} error={errors[`members.${i}.phone`]} autoComplete="off" />
            <TextField label={t('households.email')} type="email" value={m.email} onChange={(e) => setMember(i, { email: e.target.value })} error={errors[`members.${i}.email`]} autoComplete="off" />
          </div>
          <button type="button" className="button button--secondary" onClick={() => setForm((f) => ({ ...f, members: f.members.filter((_, j) => j !== i) }))}>
            {t('households.removeMember', { index: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" className="button button--secondary" onClick={() => setForm((f) => ({ ...f, members: [...f.members, emptyMember()] }))}>
        {t('households.addMember')}
      </button>
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? t('common.saving') : t('common.save')}
        </button>
        <a className="button button--secondary" href={household ? `#/households/${household.id}` : '#/households'}>
          {t('common.cancel')}
        </a>
      </div>
    </form>
  );
}
