import { appendAuditWith } from '../data/stores/audit/audit';
import { getSession, isUnlocked, setSession } from '../data/session';

export type LockReason = 'manual' | 'idle' | 'os';

/** Longest the lock waits for its audit entry; locking must never hang on the log. */
const AUDIT_BUDGET_MS = 1_000;

/**
 * Lock: drop the keys and reload the renderer. Reloading is the simple, sure way to clear
 * every decrypted value from React state, the query cache, the search index and the screen.
 * The screen is blanked at once; the audit entry is written with the closing session (after
 * it has left the app, so nothing else can read), then the page reloads — at the latest after
 * AUDIT_BUDGET_MS.
 */
export function lockNow(reason: LockReason = 'manual'): void {
  const session = isUnlocked() ? getSession() : null;
  setSession(null);
  document.body.dataset.locking = 'true';
  try {
    sessionStorage.setItem('wijktafel.lockReason', reason); // a reason code, no resident data
  } catch {
    /* storage may be unavailable; locking must still happen */
  }
  let reloaded = false;
  const reload = () => {
    if (reloaded) return;
    reloaded = true;
    window.location.reload();
  };
  window.setTimeout(reload, AUDIT_BUDGET_MS);
  if (!session) {
    reload();
    return;
  }
  appendAuditWith(session, { action: 'vault.lock', details: { reason } })
    .catch(() => undefined)
    .finally(reload);
}
