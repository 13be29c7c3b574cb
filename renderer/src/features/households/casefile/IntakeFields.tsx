import { INTAKE_CHANNELS, INTAKE_DECISIONS, REFERRER_TYPES } from '@shared/domain/casefile';
import { useI18n } from '../../../i18n';
import type { FieldErrors } from '../../../ui/errors';
import { SelectField, TextArea, TextField } from '../../../ui/Field';

export type IntakeValues = {
  date: string;
  referrerType: string;
  referrerName: string;
  referrerOrganisation: string;
  referrerContact: string;
  channel: string;
  question: string;
  decision: string;
  decisionReason: string;
};

export const emptyIntake = (today: string): IntakeValues => ({
  date: today,
  referrerType: '',
  referrerName: '',
  referrerOrganisation: '',
  referrerContact: '',
  channel: 'telefoon',
  question: '',
  decision: '',
  decisionReason: '',
});

/** The fields of an aanmelding; errors are keyed `${prefix}field`. */
export function IntakeFields({
  values,
  set,
  errors,
  prefix = '',
}: Readonly<{ values: IntakeValues; set: (patch: Partial<IntakeValues>) => void; errors: FieldErrors; prefix?: string }>) {
  const { t, tx } = useI18n();
  const choose = { value: '', label: t('casefile.choose') };
  return (
    <>
      <div className="grid-3">
        <SelectField
          label={t('casefile.referrerType')}
          value={values.referrerType}
          onChange={(e) => set({ referrerType: e.target.value })}
          options={[choose, ...REFERRER_TYPES.map((r) => ({ value: r, label: tx(`casefile.referrer.${r}`) }))]}
          error={errors[`${prefix}referrerType`]}
          required
        />
        <TextField label={t('casefile.referrerName')} value={values.referrerName} onChange={(e) => set({ referrerName: e.target.value })} error={errors[`${prefix}referrerName`]} autoComplete="off" />
        <TextField
          label={t('casefile.referrerOrganisation')}
          value={values.referrerOrganisation}
          onChange={(e) => set({ referrerOrganisation: e.target.value })}
          error={errors[`${prefix}referrerOrganisation`]}
          autoComplete="off"
        />
        <TextField
          label={t('casefile.referrerContact')}
          hint={t('casefile.referrerContactHint')}
          value={values.referrerContact}
          onChange={(e) => set({ referrerContact: e.target.value })}
          error={errors[`${prefix}referrerContact`]}
          autoComplete="off"
        />
        <SelectField
          label={t('casefile.channel')}
          value={values.channel}
          onChange={(e) => set({ channel: e.target.value })}
          options={INTAKE_CHANNELS.map((c) => ({ value: c, label: tx(`casefile.channel.${c}`) }))}
          error={errors[`${prefix}channel`]}
        />
        <TextField label={t('casefile.intakeDate')} type="date" value={values.date} onChange={(e) => set({ date: e.target.value })} error={errors[`${prefix}date`]} required />
      </div>
      <TextArea
        label={t('casefile.question')}
        hint={t('casefile.questionHint')}
        rows={3}
        value={values.question}
        onChange={(e) => set({ question: e.target.value })}
        error={errors[`${prefix}question`]}
        required
      />
      <div className="grid-2">
        <SelectField
          label={t('casefile.decision')}
          hint={t('casefile.decisionHint')}
          value={values.decision}
          onChange={(e) => set({ decision: e.target.value })}
          options={[{ value: '', label: t('casefile.decisionLater') }, ...INTAKE_DECISIONS.map((d) => ({ value: d, label: tx(`casefile.decision.${d}`) }))]}
          error={errors[`${prefix}decision`]}
        />
        <TextField
          label={t('casefile.decisionReason')}
          hint={t('casefile.decisionReasonHint')}
          value={values.decisionReason}
          onChange={(e) => set({ decisionReason: e.target.value })}
          error={errors[`${prefix}decisionReason`]}
          autoComplete="off"
        />
      </div>
    </>
  );
}
