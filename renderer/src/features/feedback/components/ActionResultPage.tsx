import { ActionResultDraftSchema } from '@shared/domain/feedback';
import { localDay } from '@shared/dates';
import { useState, type FormEvent } from 'react';
import { href, navigate } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { TextArea, TextField } from '../../../ui/Field';
import { fieldErrors, type FieldErrors } from '../../../ui/errors';
import { useRecordActionResult } from '../mutations';
import { useOpenAction } from '../queries';
import { useFormatDate } from './common';
import { SaveError } from '../../../ui/SaveError';

/** Close an action with its result; the result is what "terugkoppelen aan" will hear. */
export function ActionResultPage({ householdId, actionId }: Readonly<{ householdId: string; actionId: string }>) {
  const { t } = useI18n();
  const fmt = useFormatDate();
  const { data: action, isLoading } = useOpenAction(householdId, actionId);
  const record = useRecordActionResult();
  const [result, setResult] = useState('');
  const [completedAt, setCompletedAt] = useState(localDay());
  const [errors, setErrors] = useState<FieldErrors>({});
  if (isLoading) return <p>{t('common.loading')}</p>;
  if (!action) return <p role="alert">{t('feedback.actionNotFound')}</p>;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = ActionResultDraftSchema.safeParse({ result, completedAt });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    await record.mutateAsync({ householdId, actionId, draft: parsed.data });
    navigate(`/households/${householdId}`);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="action-title" data-ready="action-result" className="fb-narrow">
      <h1 id="action-title">{t('feedback.actionPageTitle')}</h1>
      <dl className="facts">
        <div>
          <dt>{t('feedback.colHousehold')}</dt>
          <dd>
            <a href={href(`/households/${householdId}`)}>{action.householdName}</a>
          </dd>
        </div>
        <div>
          <dt>{t('feedback.colDue')}</dt>
          <dd>{fmt(action.dueDate)}</dd>
        </div>
      </dl>
      <p className="fb-quote">{action.text}</p>
      <TextArea label={t('feedback.result')} hint={t('feedback.resultHint')} value={result} onChange={(e) => setResult(e.target.value)} error={errors.result} required rows={4} />
      <TextField label={t('feedback.completedAt')} type="date" value={completedAt} onChange={(e) => setCompletedAt(e.target.value)} error={errors.completedAt} required />
      <button type="submit" className="button" disabled={record.isPending}>
        {t('feedback.closeAction')}
      </button>
      <SaveError error={record.error} />
    </form>
  );
}
