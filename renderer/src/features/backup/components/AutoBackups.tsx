import { useEffect, useState, useSyncExternalStore } from 'react';
import { getAutoBackupStatus, subscribeAutoBackup } from '../../../data/usecases/backup-auto';
import { useI18n } from '../../../i18n';
import { useDates } from '../../../i18n/format';
import { platform } from '../../../platform';
import type { BackupInfo } from '../../../platform/types';
import { formatBytes } from '../storage';
import { RestorePanel } from './RestorePanel';
import { ErrorNote } from './ErrorNote';
import { Table } from '../../../ui/Table';

/** The desktop app's automatic backups: status, the list, and restoring one of them. */
export function AutoBackups() {
  const { t, lang } = useI18n();
  const target = platform().autoBackup;
  const status = useSyncExternalStore(subscribeAutoBackup, getAutoBackupStatus);
  const [list, setList] = useState<BackupInfo[] | null>(null);
  const [chosen, setChosen] = useState<{ bytes: Uint8Array; name: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const fmt = useDates().stampTime;

  useEffect(() => {
    if (!target) return;
    target.list().then(setList, setError);
  }, [target, status.state]);

  if (!target) {
    return (
      <section className="backup-card" aria-labelledby="auto-title">
        <h2 id="auto-title">{t('backup.autoTitle')}</h2>
        <p className="notice" data-testid="auto-browser">
          {t('backup.autoBrowser')}
        </p>
      </section>
    );
  }

  async function choose(b: BackupInfo) {
    if (!target) return;
    try {
      setChosen({ bytes: await target.read(b.name), name: b.name });
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section className="backup-card" aria-labelledby="auto-title">
      <h2 id="auto-title">{t('backup.autoTitle')}</h2>
      <p>{t('backup.autoIntro')}</p>
      <p role="status">
        {status.state === 'pending'
          ? t('backup.autoStatusPending')
          : status.state === 'writing'
            ? t('backup.autoStatusWriting')
            : status.state === 'ok' && status.at
              ? t('backup.autoStatusOk', { date: fmt(status.at) })
              : status.state === 'held' && status.at
                ? t('backup.autoStatusHeld', { date: fmt(status.at), households: status.households ?? 0, previous: status.previousHouseholds ?? 0 })
                : status.state === 'failed'
                  ? t('backup.autoStatusFailed')
                  : ''}
      </p>
      {list && list.length === 0 ? <p>{t('backup.autoNone')}</p> : null}
      {list && list.length > 0 ? (
        <Table caption={t('backup.autoTitle')} captionHidden columns={[{ label: t('backup.autoColDate') }, { label: t('backup.autoColKind') }, { label: t('backup.autoColHouseholds') }, { label: t('backup.autoColSize') }, { label: t('backup.autoRestore'), hidden: true }]}>
            {list.map((b) => (
              <tr key={b.name}>
                <th scope="row">{fmt(b.createdAt)}</th>
                <td>{b.kind === 'held' ? t('backup.autoKindHeld') : b.kind === 'daily' ? t('backup.autoKindDaily') : t('backup.autoKindChange')}</td>
                <td>{b.households ?? t('backup.autoHouseholdsUnknown')}</td>
                <td>{formatBytes(b.size, lang)}</td>
                <td>
                  <button type="button" className="button button--secondary" aria-label={t('backup.autoRestoreLabel', { date: fmt(b.createdAt) })} onClick={() => void choose(b)}>
                    {t('backup.autoRestore')}
                  </button>
                </td>
              </tr>
            ))}
        </Table>
      ) : null}
      {chosen ? <RestorePanel key={chosen.name} initial={chosen} /> : null}
      {error !== null ? <ErrorNote error={error} unchanged={false} /> : null}
    </section>
  );
}
