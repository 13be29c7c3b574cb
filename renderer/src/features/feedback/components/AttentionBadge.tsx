import { mine } from '@shared/domain/feedback-rules';
import { useEffect } from 'react';
import { useRoute } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { useAttention } from '../queries';
import { todayIso } from './common';

/** The in-app reminder: how many attention items are the current user's. No e-mail, no network. */
export function AttentionBadge() {
  const { t } = useI18n();
  const { data, refetch } = useAttention(todayIso());
  // The badge stays mounted while other features change the case file: recount on every navigation.
  const path = useRoute().join('/');
  useEffect(() => {
    void refetch();
  }, [path, refetch]);
  if (!data) return null;
  const count = data.userId ? mine(data.items, data.userId).length : data.items.length;
  if (count === 0) return null;
  return (
    <>
      <span className="fb-badge" aria-hidden="true" data-testid="attention-badge">
        {count}
      </span>
      <span className="visually-hidden">{` ${t('feedback.badge', { count })}`}</span>
    </>
  );
}
