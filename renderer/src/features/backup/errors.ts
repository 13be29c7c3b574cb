import { BackupFormatError } from '@shared/backup/format';
import { ImportFileError } from '@shared/import/text';

/**
 * One clear message per failure. Returns an i18n key (run-time, so translated with `tx`) and
 * its variables. Never includes record content.
 */
export type ErrorMessage = { key: string; vars?: Record<string, string | number> };

function chain(e: unknown): unknown[] {
  const out: unknown[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur !== null && cur !== undefined; i++) {
    out.push(cur);
    if (typeof cur !== 'object') break;
    // Dexie's BulkError lists the failed requests' errors instead of one inner error.
    const failures = (cur as { failures?: unknown }).failures;
    if (Array.isArray(failures)) out.push(...failures.slice(0, 5));
    const next = (cur as { inner?: unknown; cause?: unknown }).inner ?? (cur as { cause?: unknown }).cause;
    cur = next;
  }
  return out;
}

/** A full disk shows up as QuotaExceededError — from IndexedDB directly, or wrapped by Dexie (inner) or an abort (cause). */
export function isQuotaError(e: unknown): boolean {
  return chain(e).some((c) => typeof c === 'object' && c !== null && (c as { name?: unknown }).name === 'QuotaExceededError');
}

export function errorMessage(e: unknown): ErrorMessage {
  if (e instanceof BackupFormatError) return { key: `backup.error.${e.code}`, vars: { detail: e.detail ?? '' } };
  if (e instanceof ImportFileError) {
    return { key: `backup.importError.${e.code}`, vars: { row: e.detail?.row ?? '?', column: e.detail?.column ?? '?' } };
  }
  if (isQuotaError(e)) return { key: 'backup.error.quota' };
  if (e instanceof Error && e.name === 'LockedError') return { key: 'backup.error.locked' };
  return { key: 'backup.error.generic' };
}
