import type { z } from 'zod';

/** Field errors keyed by dotted path ("members.0.bsn"), values are i18n keys from zod issues. */
export type FieldErrors = Readonly<Record<string, string>>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (out[path]) continue;
    out[path] = issue.message.startsWith('validation.') ? issue.message : 'validation.invalid';
  }
  return out;
}

/** The error itself and what it wraps: Dexie's `inner`, an abort's `cause`, a BulkError's `failures`. */
function errorChain(e: unknown): unknown[] {
  const out: unknown[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur !== null && cur !== undefined; i++) {
    out.push(cur);
    if (typeof cur !== 'object') break;
    // Dexie's BulkError lists the failed requests' errors instead of one inner error.
    const failures = (cur as { failures?: unknown }).failures;
    if (Array.isArray(failures)) out.push(...failures.slice(0, 5));
    cur = (cur as { inner?: unknown }).inner ?? (cur as { cause?: unknown }).cause;
  }
  return out;
}

/**
 * A full disk (or a used-up browser quota) shows up as QuotaExceededError — from IndexedDB
 * directly, or wrapped by Dexie (inner), an aborted transaction (cause) or a bulk write
 * (failures). Every save is one transaction, so such an error always means: nothing of this
 * save was written, and nothing that was stored before is lost.
 */
export function isQuotaError(e: unknown): boolean {
  return errorChain(e).some((c) => typeof c === 'object' && c !== null && (c as { name?: unknown }).name === 'QuotaExceededError');
}
