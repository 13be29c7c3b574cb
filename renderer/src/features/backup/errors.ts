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
  // The reason picks the precise message ("cut off in the header", "the counts were edited"):
  // every key it can make exists in both catalogues (tests/unit/reliability/corpus.test.ts).
  if (e instanceof BackupFormatError) {
    return { key: `backup.error.${e.code}${e.reason ? `.${e.reason}` : ''}`, vars: { detail: e.detail ?? '' } };
  }
  if (e instanceof ImportFileError) {
    return {
      key: `backup.importError.${e.code}${e.detail?.reason ? `.${e.detail.reason}` : ''}`,
      vars: { row: e.detail?.row ?? '?', column: e.detail?.column ?? '?' },
    };
  }
  if (isQuotaError(e)) return { key: 'backup.error.quota' };
  if (e instanceof Error && e.name === 'LockedError') return { key: 'backup.error.locked' };
  return { key: 'backup.error.generic' };
}

/**
 * The message as the user reads it, in one language: the key's text with its variables, and
 * {table} as the table's own name in that language (the error carries the code name).
 */
export function errorText(e: unknown, tx: (key: string, vars?: Record<string, string | number>) => string): string {
  const msg = errorMessage(e);
  const detail = msg.vars?.detail;
  const table = typeof detail === 'string' && detail !== '' ? tx(`backup.table.${detail}`) : '';
  return tx(msg.key, { ...msg.vars, table: table.startsWith('backup.') ? String(detail) : table.toLowerCase() });
}
