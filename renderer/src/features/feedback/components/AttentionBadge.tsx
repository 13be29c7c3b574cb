import { mine } from '@shared/domain/feedback-rules';
import { useI18n } from '../../../i18n';
import { useAttention } from '../queries';
import { todayIso } from './common';

/** The in-app reminder: how many attention items are the current user's. No e-mail, no network. */
export function AttentionBadge() {
  const { t } = useI18n();
  const { data } = useAttention(todayIso());
  if (!data) return null;
  const count = data.userId ? mine(data.items, data.userId).length : data.items.length;
  if (count === 0) return null;
  return (
    <>
      <span className="fb-badge" aria-hidden="true" data-testid="attention-badge">
        {count}
      </span>
      <span className="visually-hidden">{`, ${t('feedback.badge', { count })}`}</span>
    </>
  );
}
