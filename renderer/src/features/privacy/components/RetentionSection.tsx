import { useEffect, useRef, useState } from 'react';
import { localDay } from '@shared/dates';
import type { RetentionCandidate } from '../../../data/usecases/retention';
import { useI18n } from '../../../i18n';
import { useDates } from '../../../i18n/format';
import { useEraseHousehold } from '../mutations';
import { useAnonymousAggregates, useRetentionCandidates, useTeamPrivacy } from '../queries';
import { Table } from '../../../ui/Table';

type Pending = { candidate: RetentionCandidate; mode: 'delete' | 'anonymise' };

/** Proposals for closed households past the bewaartermijn; nothing happens without a confirmation. */
export function RetentionSection() {
  const { t } = useI18n();
  const [today] = useState(() => localDay());
  const team = useTeamPrivacy();
  const candidates = useRetentionCandidates(today);
  const aggregates = useAnonymousAggregates();
  const erase = useEraseHousehold();
  const [pending, setPending] = useState<Pending | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const { date } = useDates();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (pending && !d.open) d.showModal();
    if (!pending && d.open) d.close();
  }, [pending]);

  function confirm() {
    if (!pending) return;
    const { candidate, mode } = pending;
    erase.mutate(
      { id: candidate.id, mode, today },
      {
        onSuccess: ({ rowsRemoved }) => {
          setDone(mode === 'delete' ? t('privacy.erased', { rows: rowsRemoved }) : t('privacy.anonymised', { rows: rowsRemoved }));
          setPending(null);
        },
      },
    );
  }

  const months = team.data?.retentionMonths ?? 24;
  const list = candidates.data ?? [];
  return (
    <section className="privacy-card" aria-labelledby="retention-title" data-ready={candidates.isSuccess ? 'retention' : undefined}>
      <h2 id="retention-title">{t('privacy.retentionTitle')}</h2>
      <p>{team.data?.configured ? t('privacy.retentionTerm', { months }) : t('privacy.retentionDefault', { months })}</p>
      {done ? (
        <p role="status" className="privacy-ok">
          {done}
        </p>
      ) : null}
      {candidates.isSuccess && list.length === 0 ? <p className="muted">{t('privacy.retentionNone')}</p> : null}
      {list.length > 0 ? (
        <Table label={t('privacy.retentionListLabel')} columns={[{ label: t('privacy.colHousehold') }, { label: t('privacy.colClosed') }, { label: t('privacy.colExpired') }, { label: t('privacy.colDecision') }]}>
            {list.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.displayName}</th>
                <td>{date(c.closedAt)}</td>
                <td>{date(c.expiredOn)}</td>
                <td className="privacy-actions">
                  <button type="button" className="button button--danger" aria-label={t('privacy.deleteLabel', { name: c.displayName })} onClick={() => setPending({ candidate: c, mode: 'delete' })}>
                    {t('privacy.delete')}
                  </button>
                  <button type="button" className="button button--secondary" aria-label={t('privacy.anonymiseLabel', { name: c.displayName })} onClick={() => setPending({ candidate: c, mode: 'anonymise' })}>
                    {t('privacy.anonymise')}
                  </button>
                </td>
              </tr>
            ))}
        </Table>
      ) : null}
      {aggregates.data && aggregates.data.length > 0 ? <p className="muted">{t('privacy.aggregates', { count: aggregates.data.length })}</p> : null}
      <dialog ref={dialog} className="privacy-dialog" aria-labelledby="erase-title" aria-describedby="erase-text" onClose={() => setPending(null)}>
        {pending ? (
          <>
            <h2 id="erase-title">{pending.mode === 'delete' ? t('privacy.confirmDeleteTitle') : t('privacy.confirmAnonymiseTitle')}</h2>
            <p id="erase-text">
              {pending.mode === 'delete'
                ? t('privacy.confirmDelete', { name: pending.candidate.displayName })
                : t('privacy.confirmAnonymise', { name: pending.candidate.displayName })}
            </p>
            {erase.isError ? (
              <p role="alert" className="field__error">
                {t('common.errorGeneric')}
              </p>
            ) : null}
            <div className="privacy-actions">
              <button type="button" className="button button--danger" onClick={confirm} disabled={erase.isPending}>
                {pending.mode === 'delete' ? t('privacy.confirmDeleteButton') : t('privacy.confirmAnonymiseButton')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setPending(null)} autoFocus>
                {t('common.cancel')}
              </button>
            </div>
          </>
        ) : null}
      </dialog>
    </section>
  );
}
