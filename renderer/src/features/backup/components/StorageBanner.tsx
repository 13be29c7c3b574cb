import { href } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { dismissStorageBanner, useStorageHealth } from '../storageWatch';

/**
 * Above every screen while unlocked: the disk is full (a save just failed on it) or nearly
 * full (the storage estimate). Says plainly that nothing was lost and what to do.
 */
export function StorageBanner() {
  const { t } = useI18n();
  const { low, full } = useStorageHealth();
  if (!low && !full) return null;
  return (
    <aside className="setup-banner storage-banner" aria-label={t('common.storageBannerLabel')} data-testid="storage-banner" data-state={full ? 'full' : 'low'}>
      <p role="alert">
        <strong>{full ? t('common.storageFullTitle') : t('common.storageLowTitle')}</strong> {full ? t('common.storageFullText') : t('common.storageLowText')}
      </p>
      <a className="button button--secondary" href={href('/backup')}>
        {t('common.storageToBackup')}
      </a>
      <button type="button" className="button button--secondary" onClick={dismissStorageBanner}>
        {t('common.storageDismiss')}
      </button>
    </aside>
  );
}
