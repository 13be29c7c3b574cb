import { useRef, useState, type FormEvent } from 'react';
import { localDay } from '@shared/dates';
import { householdDraftSchema, type Household } from '@shared/domain/household';
import { navigate } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { fieldErrors, type FieldErrors } from '../../../ui/errors';
import { SaveError } from '../casefile/bits';
import { useCreateHousehold, useUpdateHousehold } from '../mutations';
import { DuplicateWarning, HouseholdFields, householdFormState, useDuplicates, type HouseholdFormState } from './HouseholdFields';
import { FormActions } from '../../../ui/FormActions';

/** Create or edit a household with its members. Validation is the shared zod schema; nothing saves half. */
export function HouseholdForm({ household }: Readonly<{ household?: Household | null }>) {
  const { t } = useI18n();
  const [form, setForm] = useState<HouseholdFormState>(() => householdFormState(household));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [dupConfirmed, setDupConfirmed] = useState(false);
  const [dupError, setDupError] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const create = useCreateHousehold();
  const update = useUpdateHousehold(household?.id ?? '');
  const saving = create.isPending || update.isPending;
  const duplicates = useDuplicates(form.members, household?.id);
  // A new household that looks like a known one needs an explicit "this is another household".
  const mustConfirm = !household && duplicates.length > 0 && !dupConfirmed;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = householdDraftSchema(localDay()).safeParse(form);
    const errs = parsed.success ? {} : fieldErrors(parsed.error);
    setErrors(errs);
    setDupError(mustConfirm);
    const count = Object.keys(errs).length + (mustConfirm ? 1 : 0);
    if (count > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    const saved = household ? await update.mutateAsync(form) : (await create.mutateAsync({ household: form })).household;
    navigate(`/households/${saved.id}`);
  }

  const errorCount = Object.keys(errors).length + (dupError && mustConfirm ? 1 : 0);

  return (
    <form onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate aria-labelledby="form-title" data-ready="household-form">
      <h1 id="form-title">{household ? t('households.editHousehold') : t('households.newHousehold')}</h1>
      <div ref={summaryRef} tabIndex={-1} className={errorCount ? 'form-summary' : 'visually-hidden'} role={errorCount ? 'alert' : undefined}>
        {errorCount ? t('common.formHasErrors', { count: errorCount }) : null}
      </div>
      <SaveError error={create.error ?? update.error} />
      <HouseholdFields form={form} setForm={setForm} errors={errors} />
      <DuplicateWarning
        matches={duplicates}
        {...(household ? {} : { confirmed: dupConfirmed, onConfirm: setDupConfirmed, error: dupError && mustConfirm })}
      />
      <FormActions submitLabel={saving ? t('common.saving') : t('common.save')} pending={saving} cancelHref={household ? `#/households/${household.id}` : '#/households'} />
    </form>
  );
}
