import type { Feature } from '../../app/feature';
import { BackupScreen } from './components/BackupScreen';

/** Back-up & import: manual and automatic backups, restore, spreadsheet import, storage health. */
export const backupFeature: Feature = {
  id: 'backup',
  nav: [{ path: '/backup', label: 'backup.navTitle', order: 90 }],
  route([section]) {
    return section === 'backup' ? <BackupScreen /> : undefined;
  },
};
