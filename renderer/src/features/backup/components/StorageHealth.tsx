import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n';
import { useNumbers } from '../../../i18n/format';
import { formatBytes, storageWarning } from '../storage';

/**
 * How much of the browser's storage quota the store uses, drawn as a bar, with a warning when
 * the disk is nearly full (Chromium may clear non-persistent IndexedDB under disk pressure).
 * Exported for the settings screen as well.
 */
export function StorageHealth() {
  const { t, lang } = useI18n();
  const numbers = useNumbers();
  const [est, setEst] = useState<{ usage?: number; quota?: number } | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);

  useEffect(() => {
    let alive = true;
    const s = navigator.storage;
    // Browsers without the Storage API: resolve to "unknown" through the same async path.
    const estimate = s?.estimate ? s.estimate() : Promise.resolve<StorageEstimate>({});
    void estimate.then((e) => alive && setEst({ usage: e.usage, quota: e.quota }), () => alive && setEst({}));
    void s?.persisted?.().then((p) => alive && setPersisted(p), () => undefined);
    return () => {
      alive = false;
    };
  }, []);

  const known = est?.usage !== undefined && est.quota !== undefined && est.quota > 0;
  const fraction = known ? Math.min(1, (est.usage ?? 0) / (est.quota ?? 1)) : 0;
  const warn = est ? storageWarning(est) : false;
  const W = 320;
  return (
    <section className="backup-card" aria-labelledby="storage-title" data-ready={est ? 'storage' : undefined}>
      <h2 id="storage-title">{t('backup.storageTitle')}</h2>
      {est === null ? null : known ? (
        <>
          <svg className="storage-bar" width={W} height={18} viewBox={`0 0 ${W} 18`} role="img" aria-label={`${t('backup.storageBar')}: ${Math.round(fraction * 100)}%`}>
            <rect x={0} y={0} width={W} height={18} rx={9} fill="#e3e8ef" />
            <rect x={0} y={0} width={Math.max(fraction > 0 ? 6 : 0, fraction * W)} height={18} rx={9} fill={warn ? '#b42318' : '#1d5fa8'} />
          </svg>
          <p data-testid="storage-usage">
            {t('backup.storageUsage', {
              used: formatBytes(est.usage ?? 0, lang),
              quota: formatBytes(est.quota ?? 0, lang),
              percent: numbers.percent(fraction),
            })}
          </p>
        </>
      ) : (
        <p>{t('backup.storageUnknown')}</p>
      )}
      {persisted === true ? <p className="muted">{t('backup.storagePersisted')}</p> : null}
      {persisted === false ? <p className="muted">{t('backup.storageNotPersisted')}</p> : null}
      {warn ? (
        <p className="backup-error" role="alert" data-testid="storage-warning">
          {t('backup.storageWarn')}
        </p>
      ) : null}
    </section>
  );
}
