import { useCallback, type FormEvent } from 'react';
import { CloseDraftSchema } from '@shared/domain/casefile';
import { closingViolations, type CaseFile } from '@shared/domain/casefile-rules';
import { useI18n } from '../../../i18n';
import { TextArea } from '../../../ui/Field';
import { useDates } from '../../../i18n/format';
import { useCloseHousehold } from '../mutations';
import { useOpenFeedback } from '../queries';
import { Card, SaveError, usePartyLabel } from './bits';
import { useZodForm } from '../../../ui/useZodForm';

/** Closing: what is still open comes first, then the outcome note. */
export function CloseTab({ cf }: Readonly<{ cf: CaseFile }>) {
  const { t } = useI18n();
  const dates = useDates();
  const party = usePartyLabel();
  const h = cf.household;
  const feedback = useOpenFeedback(h.id);
  const openActions = cf.actions.filter((a) => a.status === 'open');
  const openFeedback = feedback.data ?? 0;
  const init = useCallback(() => ({ outcome: '', acknowledgeOpen: false }), []);
  const f = useZodForm(CloseDraftSchema, init);
  const close = useCloseHousehold(h.id);

  if (h.status === 'afgesloten') {
    return (
      <Card id="close-title" title={t('casefile.closedTitle')}>
        <p>{h.closedAt ? t('casefile.closedOn', { date: dates.stamp(h.closedAt) }) : null}</p>
        <h3>{t('casefile.outcome')}</h3>
        <p className="cf-prewrap">{h.outcome}</p>
      </Card>
    );
  }

  const hasOpen = openActions.length + openFeedback > 0;
  async function submit(e: FormEvent) {
    e.preventDefault();
    const draft = f.validate();
    if (!draft) return;
    const v = closingViolations({ status: h.status, outcome: draft.outcome, openActions: openActions.length, openFeedback, acknowledgeOpen: draft.acknowledgeOpen });
    if (v.includes('close.openItems')) {
      f.setErrors({ acknowledgeOpen: 'validation.choice' });
      return;
    }
    await close.mutateAsync(draft);
  }

  return (
    <div className="cf-stack">
      <Card id="open-title" title={t('casefile.stillOpen')}>
        <h3>{t('casefile.openActionsTitle', { count: openActions.length })}</h3>
        {openActions.length === 0 ? (
          <p className="muted">{t('casefile.noOpenActions')}</p>
        ) : (
          <ul className="cf-open-list" data-testid="open-actions">
            {openActions.map((a) => (
              <li key={a.id}>
                <strong>{a.text}</strong> <span className="muted">— {party(a.owner)}, {dates.date(a.dueDate)}</span>
              </li>
            ))}
          </ul>
        )}
        <h3>{t('casefile.openFeedbackTitle')}</h3>
        <p className={openFeedback ? '' : 'muted'} data-testid="open-feedback">
          {openFeedback ? t('casefile.openFeedback', { count: openFeedback }) : t('casefile.noOpenFeedback')}
        </p>
      </Card>
      <Card id="close-title" title={t('casefile.closeTitle')}>
        <p className="muted">{t('casefile.closeIntro')}</p>
        <form onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate aria-labelledby="close-title" data-ready="close-form">
          <TextArea
            label={t('casefile.outcome')}
            hint={t('casefile.outcomeHint')}
            rows={4}
            value={f.values.outcome}
            onChange={(e) => f.set({ outcome: e.target.value })}
            error={f.errors.outcome}
            required
          />
          {hasOpen ? (
            <div className={`check${f.errors.acknowledgeOpen ? ' field--error' : ''}`}>
              <input
                autoComplete="off"
                id="ack-open"
                type="checkbox"
                checked={f.values.acknowledgeOpen}
                onChange={(e) => f.set({ acknowledgeOpen: e.target.checked })}
                aria-invalid={f.errors.acknowledgeOpen ? true : undefined}
                aria-describedby={f.errors.acknowledgeOpen ? 'ack-error' : undefined}
              />
              <label htmlFor="ack-open">{t('casefile.acknowledgeOpen', { actions: openActions.length, feedback: openFeedback })}</label>
            </div>
          ) : null}
          {f.errors.acknowledgeOpen ? (
            <p id="ack-error" className="field__error" role="alert">
              {t('casefile.rule.close.openItems')}
            </p>
          ) : null}
          <SaveError error={close.error} />
          <button type="submit" className="button button--danger" disabled={close.isPending}>
            {t('casefile.closeButton')}
          </button>
        </form>
      </Card>
    </div>
  );
}
