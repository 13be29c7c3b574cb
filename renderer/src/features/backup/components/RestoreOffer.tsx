import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n';
import { useDates } from '../../../i18n/format';
import { platform } from '../../../platform';
import type { BackupInfo } from '../../../platform/types';
import { RestorePanel } from './RestorePanel';

/**
 * On the first-run screen (no vault): offer to restore a backup instead of starting over —
 * prominently when automatic backups exist on this computer (e.g. after Chromium lost the store).
 */
export function RestoreOffer() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [auto, setAuto] = useState<BackupInfo[]>([]);
  const [chosen, setChosen] = useState<{ bytes: Uint8Array; name: string } | null>(null);
  const target = platform().autoBackup;
  const fmt = useDates().stampTime;

  useEffect(() => {
    if (!target) return;
    target.list().then(
      (l) => {
        // Good backups before held-apart ones (those hold far fewer households), newest first.
        setAuto([...l].sort((a, b) => Number(a.kind === 'held') - Number(b.kind === 'held') || b.createdAt.localeCompare(a.createdAt)));
        if (l.length > 0) setOpen(true);
      },
      () => setAuto([]),
    );
  }, [target]);

  return (
    <aside className="gate__card restore-offer" aria-labelledby="restore-offer-title" data-ready="restore-offer">
      <h2 id="restore-offer-title">{t('backup.gateTitle')}</h2>
      <p>{t('backup.gateIntro')}</p>
      {auto.length > 0 ? <p className="notice">{t('backup.gateAutoFound', { count: auto.length })}</p> : null}
      {!open ? (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t('backup.gateButton')}
        </button>
      ) : (
        <>
          {auto.length > 0 ? (
            <ul className="restore-offer__list">
              {auto.slice(0, 5).map((b) => (
                <li key={b.name}>
                  <button type="button" className="button button--secondary" onClick={() => target && void target.read(b.name).then((bytes) => setChosen({ bytes, name: b.name }))}>
                    {b.households === null
                      ? t('backup.autoRestoreLabel', { date: fmt(b.createdAt) })
                      : t('backup.autoRestoreLabelCount', { date: fmt(b.createdAt), households: b.households })}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <RestorePanel key={chosen?.name ?? 'file'} initial={chosen ?? undefined} />
        </>
      )}
    </aside>
  );
}
