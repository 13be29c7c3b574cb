import { ATTENTION_KINDS, mine, type AttentionItem, type AttentionKind } from '@shared/domain/feedback-rules';
import { localDay } from '@shared/dates';
import { useMemo, useState, type ReactNode } from 'react';
import { href } from '../../../app/router';
import { useHouseholds } from '../../households/queries';
import { useI18n } from '../../../i18n';
import { useAttention } from '../queries';
import { SubNav, targetOf, useFormatDate } from './common';

const DATE_KEY: Record<AttentionKind, 'feedback.due' | 'feedback.since' | 'feedback.expires' | 'feedback.lastActivity'> = {
  feedback_overdue: 'feedback.due',
  action_overdue: 'feedback.due',
  evaluation_due: 'feedback.due',
  escalation_open: 'feedback.since',
  consent_expiring: 'feedback.expires',
  inactive: 'feedback.lastActivity',
};

/** The attention list: for the user ("mijn") or the whole team ("alles"), grouped by kind. */
export function AttentionPage({ scope }: Readonly<{ scope: 'mijn' | 'alles' }>) {
  const { t, tx } = useI18n();
  const fmt = useFormatDate();
  const { data, isLoading } = useAttention(localDay());
  // Names from the case list, which holds every household decrypted already.
  const households = useHouseholds();
  const names = useMemo(() => new Map((households.data ?? []).map((h) => [h.id, h.displayName])), [households.data]);
  const items: readonly AttentionItem[] = !data ? [] : scope === 'mijn' && data.userId ? mine(data.items, data.userId) : data.items;
  const groups = ATTENTION_KINDS.map((kind) => ({ kind, items: items.filter((i) => i.kind === kind) })).filter((g) => g.items.length > 0);

  return (
    <section aria-labelledby="attention-title" data-ready={isLoading ? undefined : 'attention'}>
      <div className="page-head">
        <h1 id="attention-title">{t('feedback.attentionTitle')}</h1>
      </div>
      <SubNav current={scope === 'mijn' ? '/aandacht/mijn' : '/aandacht/alles'} />
      <p className="muted">{t('feedback.attentionIntro')}</p>
      {isLoading ? <p>{t('common.loading')}</p> : null}
      {!isLoading && groups.length === 0 ? <p className="empty">{t('feedback.nothing')}</p> : null}
      <div className="fb-groups">
        {groups.map((g) => (
          <AttentionGroup key={g.kind} kind={g.kind} items={g.items}>
            {(i) => {
              const detail = data?.details.get(i.key);
              return (
                <li key={i.key} className="fb-item" data-kind={i.kind}>
                  <a href={href(targetOf(i.kind, i.householdId, i.refId))} className="fb-item__link">
                    <span className="fb-item__name">{names.get(i.householdId) ?? ''}</span>
                    {detail ? <span className="fb-item__detail">{detail}</span> : null}
                    <span className="fb-item__cta">{tx(`feedback.action.${i.kind}`)} →</span>
                  </a>
                  <span className="fb-item__date">{t(DATE_KEY[i.kind], { date: fmt(i.date) })}</span>
                </li>
              );
            }}
          </AttentionGroup>
        ))}
      </div>
    </section>
  );
}

/** Lines shown per group at first: a large municipality has thousands; the most urgent come first. */
const GROUP_PAGE = 50;

/** One kind of attention item, with its count; long groups show their first lines and a button for the rest. */
function AttentionGroup({
  kind,
  items,
  children,
}: Readonly<{ kind: AttentionKind; items: readonly AttentionItem[]; children: (item: AttentionItem) => ReactNode }>) {
  const { t, tx } = useI18n();
  const [limit, setLimit] = useState(GROUP_PAGE);
  return (
    <section className={`fb-group fb-group--${kind}`} aria-labelledby={`grp-${kind}`}>
      <h2 id={`grp-${kind}`}>
        {tx(`feedback.kind.${kind}`)} <span className="fb-count">{items.length}</span>
      </h2>
      <ul className="fb-list">{items.slice(0, limit).map((i) => children(i))}</ul>
      {items.length > limit ? (
        <button type="button" className="button button--secondary" onClick={() => setLimit(items.length)}>
          {t('feedback.showAll', { count: items.length })}
        </button>
      ) : null}
    </section>
  );
}
