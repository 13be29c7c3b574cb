import { mine } from '@shared/domain/feedback-rules';
import { localDay } from '@shared/dates';
import { useEffect, useMemo } from 'react';
import { onStoreChange } from '../../../data/changes';
import { useI18n } from '../../../i18n';
import { useAttention } from '../queries';

/** Tables whose changes cannot move the count: every view writes an audit entry. */
const IRRELEVANT = new Set(['audit', 'vault']);
/** How long after the last committed write the badge recounts (a reminder may be a moment late). */
const RECOUNT_DELAY_MS = 1000;

/** The in-app reminder: how many attention items are the current user's. No e-mail, no network. */
export function AttentionBadge() {
  const { t } = useI18n();
  // "today" is part of the query key, so a new day (or a moved test clock) derives the list again.
  const { data, refetch } = useAttention(localDay());
  // Recount after a committed write to the case file or the loops — not on every navigation:
  // deriving the list reads every household, which at 10,000 households takes a second and must
  // not stand in front of opening a household (docs/adr/0004-performance.md).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const recount = () => {
      timer = undefined;
      // Join a recount already under way instead of restarting it (bulk imports commit often);
      // in a quiet moment of the main thread, so it never stands in front of what the user does.
      const run = () => void refetch({ cancelRefetch: false });
      if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
      else run();
    };
    const unsubscribe = onStoreChange((tables) => {
      if (tables.every((table) => IRRELEVANT.has(table))) return;
      // After the screen that saved has settled: a save re-renders its own page first, and the
      // writes that follow a save (its feedback duty) are counted in the same recount.
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(recount, RECOUNT_DELAY_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [refetch]);
  // Counted when the list changes, not on every navigation that re-renders the menu.
  const count = useMemo(() => (data ? (data.userId ? mine(data.items, data.userId).length : data.items.length) : 0), [data]);
  if (!data) return null;
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
