import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

/**
 * A form's buttons: the submit button (disabled while the save runs) and, when the form can be
 * left, "Annuleren" — a button (`onCancel`) or a link (`cancelHref`). `before` goes in front of
 * the submit button (a form's extra actions). Every form in the app ends with this.
 */
export function FormActions({
  submitLabel,
  pending = false,
  onCancel,
  cancelHref,
  before,
}: Readonly<{ submitLabel: ReactNode; pending?: boolean; onCancel?: () => void; cancelHref?: string; before?: ReactNode }>) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      {before}
      <button type="submit" className="button" disabled={pending}>
        {submitLabel}
      </button>
      {onCancel ? (
        <button type="button" className="button button--secondary" onClick={() => onCancel()}>
          {t('common.cancel')}
        </button>
      ) : cancelHref !== undefined ? (
        <a className="button button--secondary" href={cancelHref}>
          {t('common.cancel')}
        </a>
      ) : null}
    </div>
  );
}
