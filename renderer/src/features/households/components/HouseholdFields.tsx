import { useDeferredValue, useMemo } from 'react';
import { findPossibleDuplicates, normaliseName, type DuplicateMatch } from '@shared/domain/casefile-rules';
import {
  DEFAULT_ALSO_KNOWN_BY,
  DEFAULT_FLAGS,
  MEMBER_ROLES,
  type Household,
  type MemberRole,
} from '@shared/domain/household';
import { href } from '../../../app/router';
import { useI18n } from '../../../i18n';
import type { FieldErrors } from '../../../ui/errors';
import { SelectField, TextField } from '../../../ui/Field';
import { useDates } from '../../../i18n/format';
import { useHouseholds, useTeamSettings } from '../queries';

export type MemberState = {
  id?: string | undefined;
  role: MemberRole;
  firstName: string;
  lastName: string;
  birthDate: string;
  bsn: string;
  phone: string;
  email: string;
};
export type HouseholdFormState = {
  displayName: string;
  wijk: string;
  postcode: string;
  address: string;
  flags: string[];
  alsoKnownBy: string[];
  members: MemberState[];
};

export const emptyMember = (): MemberState => ({ role: 'ouder', firstName: '', lastName: '', birthDate: '', bsn: '', phone: '', email: '' });

export function householdFormState(h?: Household | null): HouseholdFormState {
  if (!h) return { displayName: '', wijk: '', postcode: '', address: '', flags: [], alsoKnownBy: [], members: [emptyMember()] };
  return {
    displayName: h.displayName,
    wijk: h.wijk ?? '',
    postcode: h.postcode ?? '',
    address: h.address ?? '',
    flags: [...h.flags],
    alsoKnownBy: [...h.alsoKnownBy],
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

/**
 * Possible duplicates of the members being typed, among all decrypted households (in memory).
 * Households are bucketed by normalised first name once per list load, so a keystroke compares
 * against a handful of candidates, not 30,000 members.
 */
export function useDuplicates(members: readonly MemberState[], excludeId?: string): DuplicateMatch[] {
  const { data } = useHouseholds();
  const byFirstName = useMemo(() => {
    const map = new Map<string, Household[]>();
    for (const h of data ?? []) {
      for (const m of h.members) {
        const k = normaliseName(m.firstName);
        const list = map.get(k) ?? [];
        if (!list.includes(h)) list.push(h);
        map.set(k, list);
      }
    }
    return map;
  }, [data]);
  const deferred = useDeferredValue(members);
  return useMemo(() => {
    const candidates = new Set<Household>();
    for (const m of deferred) for (const h of byFirstName.get(normaliseName(m.firstName)) ?? []) candidates.add(h);
    const identities = deferred.map((m) => ({
      firstName: m.firstName,
      lastName: m.lastName,
      birthDate: m.birthDate || undefined,
    }));
    return findPossibleDuplicates(identities, [...candidates], excludeId);
  }, [deferred, byFirstName, excludeId]);
}

export function DuplicateWarning({
  matches,
  confirmed,
  onConfirm,
  error,
}: Readonly<{ matches: readonly DuplicateMatch[]; confirmed?: boolean; onConfirm?: (v: boolean) => void; error?: boolean }>) {
  const { t, tx } = useI18n();
  const dates = useDates();
  if (matches.length === 0) return null;
  return (
    <section className="cf-warning" aria-labelledby="dup-title" data-testid="duplicate-warning">
      <h2 id="dup-title">{t('casefile.dupTitle')}</h2>
      <p>{t('casefile.dupText')}</p>
      <ul>
        {matches.slice(0, 5).map((m) => (
          <li key={m.householdId}>
            <a href={href(`/households/${m.householdId}`)}>{m.displayName}</a>{' '}
            <span className="muted">({tx(`households.status.${m.status}`)})</span>:{' '}
            {m.matches
              .map((x) => [x.firstName, x.lastName, x.birthDate ? dates.date(x.birthDate) : ''].filter(Boolean).join(' '))
              .join('; ')}
          </li>
        ))}
      </ul>
      {onConfirm ? (
        <div className={`check${error ? ' field--error' : ''}`}>
          <input autoComplete="off" id="dup-confirm" type="checkbox" checked={confirmed ?? false} onChange={(e) => onConfirm(e.target.checked)} aria-describedby={error ? 'dup-error' : undefined} />
          <label htmlFor="dup-confirm">{t('casefile.dupConfirm')}</label>
        </div>
      ) : null}
      {error ? (
        <p id="dup-error" className="field__error" role="alert">
          {t('casefile.dupMustConfirm')}
        </p>
      ) : null}
    </section>
  );
}

function CheckGroup({
  legend,
  options,
  value,
  onChange,
  name,
}: Readonly<{ legend: string; options: readonly string[]; value: readonly string[]; onChange: (v: string[]) => void; name: string }>) {
  // Values no longer on the team's list (renamed or retired) stay visible so they can be unticked.
  const all = [...options, ...value.filter((v) => !options.includes(v))];
  return (
    <fieldset className="cf-checks">
      <legend>{legend}</legend>
      {all.map((o, i) => (
        <div key={o} className="check cf-check--inline">
          <input
            autoComplete="off"
            id={`${name}-${i}`}
            type="checkbox"
            checked={value.includes(o)}
            onChange={(e) => onChange(e.target.checked ? [...value, o] : value.filter((x) => x !== o))}
          />
          <label htmlFor={`${name}-${i}`}>{o}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** The household part of the household form and of a new aanmelding. Errors keyed `${prefix}field`. */
export function HouseholdFields({
  form,
  setForm,
  errors,
  prefix = '',
}: Readonly<{
  form: HouseholdFormState;
  setForm: (f: (prev: HouseholdFormState) => HouseholdFormState) => void;
  errors: FieldErrors;
  prefix?: string;
}>) {
  const { t, tx } = useI18n();
  const { data: team } = useTeamSettings();
  const wijken = team?.wijken ?? [];
  const setMember = (i: number, patch: Partial<MemberState>) =>
    setForm((f) => ({ ...f, members: f.members.map((m, j) => (j === i ? { ...m, ...patch } : m)) }));
  const roleOptions = MEMBER_ROLES.map((r) => ({ value: r, label: tx(`households.role.${r}`) }));
  const e = (k: string) => errors[`${prefix}${k}`];

  return (
    <>
      <div className="grid-2">
        <TextField
          label={t('households.displayName')}
          hint={t('households.displayNameHint')}
          value={form.displayName}
          onChange={(ev) => setForm((f) => ({ ...f, displayName: ev.target.value }))}
          error={e('displayName')}
          required
          autoComplete="off"
        />
        {wijken.length > 0 ? (
          <SelectField
            label={t('households.wijk')}
            value={form.wijk}
            onChange={(ev) => setForm((f) => ({ ...f, wijk: ev.target.value }))}
            options={[
              { value: '', label: t('casefile.choose') },
              ...[...wijken, ...(form.wijk && !wijken.includes(form.wijk) ? [form.wijk] : [])].map((w) => ({ value: w, label: w })),
            ]}
            error={e('wijk')}
          />
        ) : (
          <TextField label={t('households.wijk')} value={form.wijk} onChange={(ev) => setForm((f) => ({ ...f, wijk: ev.target.value }))} error={e('wijk')} autoComplete="off" />
        )}
        <TextField label={t('households.address')} value={form.address} onChange={(ev) => setForm((f) => ({ ...f, address: ev.target.value }))} error={e('address')} autoComplete="off" />
        <TextField label={t('households.postcode')} value={form.postcode} onChange={(ev) => setForm((f) => ({ ...f, postcode: ev.target.value }))} error={e('postcode')} autoComplete="off" />
      </div>
      <div className="grid-2">
        <CheckGroup
          name="flags"
          legend={t('households.flagsLegend')}
          options={team?.flags.length ? team.flags : DEFAULT_FLAGS}
          value={form.flags}
          onChange={(v) => setForm((f) => ({ ...f, flags: v }))}
        />
        <CheckGroup
          name="akb"
          legend={t('households.alsoKnownByLegend')}
          options={team?.alsoKnownByOptions.length ? team.alsoKnownByOptions : DEFAULT_ALSO_KNOWN_BY}
          value={form.alsoKnownBy}
          onChange={(v) => setForm((f) => ({ ...f, alsoKnownBy: v }))}
        />
      </div>

      <h2>{t('households.members')}</h2>
      <p className="muted">{t('households.membersHint')}</p>
      {form.members.map((m, i) => (
        <fieldset key={m.id ?? `new-${i}`} className="member-fieldset">
          <legend>{t('households.memberLegend', { index: i + 1 })}</legend>
          <div className="grid-3">
            <SelectField label={t('households.role')} value={m.role} options={roleOptions} onChange={(ev) => setMember(i, { role: ev.target.value as MemberRole })} error={e(`members.${i}.role`)} />
            <TextField label={t('households.firstName')} value={m.firstName} onChange={(ev) => setMember(i, { firstName: ev.target.value })} error={e(`members.${i}.firstName`)} required autoComplete="off" />
            <TextField label={t('households.lastName')} value={m.lastName} onChange={(ev) => setMember(i, { lastName: ev.target.value })} error={e(`members.${i}.lastName`)} autoComplete="off" />
            <TextField label={t('households.birthDate')} type="date" value={m.birthDate} onChange={(ev) => setMember(i, { birthDate: ev.target.value })} error={e(`members.${i}.birthDate`)} />
            <TextField label={t('households.bsn')} inputMode="numeric" value={m.bsn} onChange={(ev) => setMember(i, { bsn: ev.target.value })} error={e(`members.${i}.bsn`)} autoComplete="off" />
            <TextField label={t('households.phone')} type="tel" value={m.phone} onChange={(ev) => setMember(i, { phone: ev.target.value })} error={e(`members.${i}.phone`)} autoComplete="off" />
            <TextField label={t('households.email')} type="email" value={m.email} onChange={(ev) => setMember(i, { email: ev.target.value })} error={e(`members.${i}.email`)} autoComplete="off" />
          </div>
          <button type="button" className="button button--secondary" onClick={() => setForm((f) => ({ ...f, members: f.members.filter((_, j) => j !== i) }))}>
            {t('households.removeMember', { index: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" className="button button--secondary" onClick={() => setForm((f) => ({ ...f, members: [...f.members, emptyMember()] }))}>
        {t('households.addMember')}
      </button>
    </>
  );
}
