import { useRef, useState, type FormEvent } from 'react';
import { localDay } from '@shared/dates';
import { IntakeDraftSchema } from '@shared/domain/casefile';
import { householdDraftSchema } from '@shared/domain/household';
import { navigate } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { fieldErrors, type FieldErrors } from '../../../ui/errors';
import { SaveError } from '../casefile/bits';
import { IntakeFields, emptyIntake, type IntakeValues } from '../casefile/IntakeFields';
import { useCreateHousehold } from '../mutations';
import { DuplicateWarning, HouseholdFields, householdFormState, useDuplicates, type HouseholdFormState } from './HouseholdFields';
import { FormActions } from '../../../ui/FormActions';

function prefixed(errors: FieldErrors, prefix: string): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}${k}`, v]));
}

/**
 * A new aanmelding (signaal): who reports what, in whose words, and the household it is about.
 * Household and intake are validated together and saved in one transaction, or not at all.
 */
export function IntakeNewForm() {
  const { t } = useI18n();
  const [form, setForm] = useState<HouseholdFormState>(() => householdFormState());
  const [intake, setIntake] = useState<IntakeValues>(() => emptyIntake(localDay()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [dupConfirmed, setDupConfirmed] = useState(false);
  const [dupError, setDupError] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const create = useCreateHousehold();
  const duplicates = useDuplicates(form.members);
  const mustConfirm = duplicates.length > 0 && !dupConfirmed;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const h = householdDraftSchema(localDay()).safeParse(form);
    const i = IntakeDraftSchema.safeParse(intake);
    const errs = {
      ...(h.success ? {} : prefixed(fieldErrors(h.error), 'h.')),
      ...(i.success ? {} : prefixed(fieldErrors(i.error), 'i.')),
    };
    setErrors(errs);
    setDupError(mustConfirm);
    if (!h.success || !i.success || mustConfirm) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    const { household } = await create.mutateAsync({ household: h.data, intake: i.data });
    navigate(`/households/${household.id}`);
  }

  const errorCount = Object.keys(errors).length + (dupError && mustConfirm ? 1 : 0);
  return (
    <form onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate aria-labelledby="intake-title" data-ready="intake-form">
      <h1 id="intake-title">{t('casefile.newIntake')}</h1>
      <div ref={summaryRef} tabIndex={-1} className={errorCount ? 'form-summary' : 'visually-hidden'} role={errorCount ? 'alert' : undefined}>
        {errorCount ? t('common.formHasErrors', { count: errorCount }) : null}
      </div>
      <SaveError error={create.error} />
      <section className="cf-card" aria-labelledby="intake-signal">
        <h2 id="intake-signal">{t('casefile.intakeSignal')}</h2>
        <IntakeFields values={intake} set={(p) => setIntake((v) => ({ ...v, ...p }))} errors={errors} prefix="i." />
      </section>
      <section className="cf-card" aria-labelledby="intake-household">
        <h2 id="intake-household">{t('casefile.intakeHousehold')}</h2>
        <HouseholdFields form={form} setForm={setForm} errors={errors} prefix="h." />
      </section>
      <DuplicateWarning matches={duplicates} confirmed={dupConfirmed} onConfirm={setDupConfirmed} error={dupError && mustConfirm} />
      <FormActions submitLabel={create.isPending ? t('common.saving') : t('casefile.saveIntake')} pending={create.isPending} cancelHref="#/households" />
    </form>
  );
}
