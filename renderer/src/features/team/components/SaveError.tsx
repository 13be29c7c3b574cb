import { TeamRuleError } from '../../../data/stores/partners/partners';
import { useI18n } from '../../../i18n';

/**
 * Why a team write failed, next to the control that tried: a broken team rule in words (its
 * message key), otherwise "nothing was half saved, try again". Every team form shows this
 * instead of letting a rejected save escape as an uncaught error.
 */
export function TeamSaveError({ error }: Readonly<{ error: unknown }>) {
  const { t, tx } = useI18n();
  if (!error) return null;
  return (
    <p role="alert" className="field__error">
      {error instanceof TeamRuleError ? tx(error.key) : t('common.errorGeneric')}
    </p>
  );
}
