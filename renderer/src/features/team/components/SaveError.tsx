import { TeamRuleError } from '../../../data/stores/partners/partners';
import { useI18n } from '../../../i18n';
import { SaveError } from '../../../ui/SaveError';

/**
 * Why a team write failed, next to the control that tried: a broken team rule in words (its
 * message key), otherwise "nothing was half saved, try again". Every team form shows this
 * instead of letting a rejected save escape as an uncaught error (ui/SaveError, with the team's
 * rule errors explained).
 */
export function TeamSaveError({ error }: Readonly<{ error: unknown }>) {
  const { tx } = useI18n();
  return <SaveError error={error} explain={(e) => (e instanceof TeamRuleError ? tx(e.key) : undefined)} />;
}
