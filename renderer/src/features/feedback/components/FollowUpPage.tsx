import { actionFollowUp, addDays } from '@shared/domain/feedback-rules';
import { localDay } from '@shared/dates';
import { useState } from 'react';
import { href } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { SelectField } from '../../../ui/Field';
import type { FollowUpAction } from '../../../data/stores/feedback/feedback';
import { useFollowUp, useTeam } from '../queries';
import { SubNav, useFormatDate } from './common';
import { Table } from '../../../ui/Table';

/** Due and overdue actions for the team or one owner. */
export function FollowUpPage() {
  const { t } = useI18n();
  const today = localDay();
  const [ownerId, setOwnerId] = useState('');
  const { data: team } = useTeam();
  const { data, isLoading } = useFollowUp(ownerId, addDays(today, 14));
  return (
    <section aria-labelledby="followup-title" data-ready={isLoading ? undefined : 'follow-up'}>
      <div className="page-head">
        <h1 id="followup-title">{t('feedback.followUpTitle')}</h1>
      </div>
      <SubNav current="/aandacht/acties" />
      <p className="muted">{t('feedback.followUpIntro')}</p>
      <div className="toolbar">
        <SelectField
          label={t('feedback.ownerFilter')}
          value={ownerId}
          onChange={(e) => setOwnerId(e.target.value)}
          options={[{ value: '', label: t('feedback.ownerAll') }, ...(team?.members ?? []).map((m) => ({ value: m.id, label: m.name }))]}
        />
      </div>
      {isLoading ? <p>{t('common.loading')}</p> : <ActionTable actions={data ?? []} showHousehold />}
    </section>
  );
}

export function ActionTable({ actions, showHousehold }: Readonly<{ actions: readonly FollowUpAction[]; showHousehold: boolean }>) {
  const { t, tx } = useI18n();
  const fmt = useFormatDate();
  const today = localDay();
  if (actions.length === 0) return <p className="empty">{t('feedback.followUpEmpty')}</p>;
  return (
    <Table
      className="fb-table"
      columns={[
        ...(showHousehold ? [{ label: t('feedback.colHousehold') }] : []),
        { label: t('feedback.colAction') },
        { label: t('feedback.colDue') },
        { label: t('feedback.colState') },
        { label: t('feedback.recordResult'), hidden: true },
      ]}
    >
        {actions.map((a) => {
          const state = actionFollowUp(a, today) ?? 'later';
          return (
            <tr key={a.id}>
              {showHousehold ? (
                <td>
                  <a href={href(`/households/${a.householdId}`)}>{a.householdName}</a>
                </td>
              ) : null}
              <td>{a.text}</td>
              <td>{fmt(a.dueDate)}</td>
              <td>
                <span className={`fb-state fb-state--${state}`}>{tx(`feedback.followUp.${state}`)}</span>
              </td>
              <td>
                <a href={href(`/aandacht/actie/${a.householdId}/${a.id}`)}>{t('feedback.recordResult')}</a>
              </td>
            </tr>
          );
        })}
    </Table>
  );
}
