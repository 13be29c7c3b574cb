import { BackupFormatError } from '@shared/backup/format';
import { ImportFileError } from '@shared/import/text';
import { isQuotaError } from '../../ui/errors';

/**
 * One clear message per failure. Returns an i18n key (run-time, so translated with `tx`) and
 * its variables. Never includes record content.
 */
export type ErrorMessage = { key: string; vars?: Record<string, string | number> };

/** Re-exported from the shared UI helpers (every save path uses the same test). */
export { isQuotaError };

export function errorMessage(e: unknown): ErrorMessage {
  if (e instanceof BackupFormatError) return { key: `backup.error.${e.code}`, vars: { detail: e.detail ?? '' } };
  if (e instanceof ImportFileError) {
    return { key: `backup.importError.${e.code}`, vars: { row: e.detail?.row ?? '?', column: e.detail?.column ?? '?' } };
  }
  if (isQuotaError(e)) return { key: 'backup.error.quota' };
  if (e instanceof Error && e.name === 'LockedError') return { key: 'backup.error.locked' };
  return { key: 'backup.error.generic' };
}
