import { PARTY_KINDS } from '@shared/domain/casefile';
import { useI18n } from '../i18n';
import type { FieldErrors } from './errors';
import { SelectField, TextField } from './Field';

export type PartyValues = { kind: string; refId: string; name: string };
export const emptyParty = (kind = ''): PartyValues => ({ kind, refId: '', name: '' });

/** A form's party as the schema wants it: '' means absent. */
export function partyDraft(p: PartyValues) {
  return { kind: p.kind, refId: p.refId || undefined, name: p.name || undefined };
}

/** The people a party can be: active team members and partner contacts (the caller loads them). */
export type PartyPeople = Readonly<{
  members: readonly { id: string; name: string }[];
  contacts: readonly { id: string; name: string }[];
  contactName: (id: string | undefined) => string | undefined;
}>;

/**
 * Who: a team member, a partner's contact person, the resident, or someone from their network.
 * The people come from the caller (the case file's `usePeople`), so ui/ reads no data itself.
 */
export function PartyPicker({
  legend,
  value,
  onChange,
  errors,
  path,
  people,
}: Readonly<{ legend: string; value: PartyValues; onChange: (v: PartyValues) => void; errors: FieldErrors; path: string; people: PartyPeople }>) {
  const { t, tx } = useI18n();
  const choose = { value: '', label: t('casefile.choose') };
  const noContacts = value.kind === 'contact' && people.contacts.length === 0;
  return (
    <fieldset className="cf-party">
      <legend>{legend}</legend>
      <SelectField
        label={t('casefile.partyKind')}
        value={value.kind}
        onChange={(e) => onChange({ kind: e.target.value, refId: '', name: '' })}
        options={[
          choose,
          // With no partner contacts yet, the option says so before anyone picks it.
          ...PARTY_KINDS.map((k) => ({ value: k, label: k === 'contact' && people.contacts.length === 0 ? t('casefile.party.contactNone') : tx(`casefile.party.${k}`) })),
        ]}
        // With no contacts there is no "who" select to carry the missing-choice error: the kind does.
        error={errors[`${path}.kind`] ?? (noContacts && errors[`${path}.refId`] ? 'casefile.noContactsChoose' : undefined)}
        required
      />
      {value.kind === 'team_member' ? (
        <SelectField
          label={t('casefile.partyWho')}
          value={value.refId}
          onChange={(e) => onChange({ ...value, refId: e.target.value })}
          options={[choose, ...people.members.map((m) => ({ value: m.id, label: m.name }))]}
          error={errors[`${path}.refId`]}
          required
        />
      ) : null}
      {value.kind === 'contact' ? (
        people.contacts.length === 0 ? (
          <p className="muted cf-small">{t('casefile.noContacts')}</p>
        ) : (
          <SelectField
            label={t('casefile.partyWho')}
            value={value.refId}
            onChange={(e) => onChange({ ...value, refId: e.target.value })}
            options={[choose, ...people.contacts.map((c) => ({ value: c.id, label: people.contactName(c.id) ?? c.name }))]}
            error={errors[`${path}.refId`]}
            required
          />
        )
      ) : null}
      {value.kind === 'network' || value.kind === 'resident' ? (
        <TextField
          label={t('casefile.partyName')}
          hint={value.kind === 'network' ? t('casefile.partyNetworkHint') : undefined}
          value={value.name}
          onChange={(e) => onChange({ ...value, name: e.target.value })}
          error={errors[`${path}.name`]}
          required={value.kind === 'network'}
          autoComplete="off"
        />
      ) : null}
    </fieldset>
  );
}
