import { useEffect } from 'react';
import { startAutoBackup } from '../../data/usecases/backup-auto';
import { platform } from '../../platform';
import { requestPersistence } from './storage';

/**
 * Mounted once while unlocked (App.tsx): ask for persistent storage, and in the desktop app
 * start automatic backups (after changes, debounced, and daily). In the browser there is no
 * place to write them (platform().autoBackup is null) and the screen says so.
 */
export function useAutoBackup(): void {
  useEffect(() => {
    void requestPersistence();
    const target = platform().autoBackup;
    if (!target) return;
    const auto = startAutoBackup(target);
    const onHide = () => void auto.flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      auto.stop();
    };
  }, []);
}
