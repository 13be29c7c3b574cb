import { useI18n } from '../../../i18n';
import { AutoBackups } from './AutoBackups';
import { ImportPanel } from './ImportPanel';
import { MakeBackup } from './MakeBackup';
import { RestorePanel } from './RestorePanel';
import { StorageHealth } from './StorageHealth';

export function BackupScreen() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="backup-title" className="backup-screen" data-ready="backup-screen">
      <h1 id="backup-title">{t('backup.title')}</h1>
      <p>{t('backup.intro')}</p>
      <div className="backup-grid">
        <MakeBackup />
        <StorageHealth />
      </div>
      <AutoBackups />
      <section className="backup-card" aria-labelledby="restore-title">
        <h2 id="restore-title">{t('backup.restoreTitle')}</h2>
        <p>{t('backup.restoreIntro')}</p>
        <RestorePanel />
      </section>
      <section className="backup-card" aria-labelledby="import-title">
        <h2 id="import-title">{t('backup.importTitle')}</h2>
        <p>{t('backup.importIntro')}</p>
        <ImportPanel />
      </section>
    </section>
  );
}
