import { useI18n } from '../i18n';
import { isQuotaError } from './errors';

/**
 * Why a save failed, next to the button that tried: a broken rule in words (`explain` turns a
 * feature's rule error into its message, undefined for anything else), with `diskFull` a full
 * disk ("nothing was lost; free space and try again"), otherwise "nothing was half saved, try
 * again". Every form shows this instead of letting a rejected save escape as an uncaught error.
 * `diskFull` is opt-in because it is what users see today: the case file says so, the team and
 * feedback forms show the general message (their e2e tests hold that text).
 */
export function SaveError({
  error,
  explain,
  diskFull = false,
}: Readonly<{ error: unknown; explain?: (error: unknown) => string | undefined; diskFull?: boolean }>) {
  const { t } = useI18n();
  if (!error) return null;
  const quota = diskFull && isQuotaError(error);
  return (
    <p role="alert" className="field__error" data-error={quota ? 'disk-full' : undefined}>
      {explain?.(error) ?? (quota ? t('common.errorDiskFull') : t('common.errorGeneric'))}
    </p>
  );
}
