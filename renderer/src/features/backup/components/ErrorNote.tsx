import { useI18n } from '../../../i18n';
import { errorMessage, errorText } from '../errors';

/** A failure, said once and clearly, with the reassurance that nothing changed. */
export function ErrorNote({ error, unchanged = true }: Readonly<{ error: unknown; unchanged?: boolean }>) {
  const { t, tx } = useI18n();
  const msg = errorMessage(error);
  return (
    <div className="backup-error" role="alert" data-error={msg.key}>
      <p>{errorText(error, tx)}</p>
      {unchanged ? <p className="muted">{t('backup.restoreUnchanged')}</p> : null}
    </div>
  );
}
