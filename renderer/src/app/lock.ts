import { setSession } from '../data/session';

/**
 * Lock: drop the keys and reload the renderer. Reloading is the simple, sure way to clear
 * every decrypted value from React state, the query cache, the search index and the screen.
 */
export function lockNow(reason: 'manual' | 'idle' | 'os' = 'manual'): void {
  setSession(null);
  try {
    sessionStorage.setItem('wijktafel.lockReason', reason); // a reason code, no resident data
  } catch {
    /* storage may be unavailable; locking must still happen */
  }
  window.location.reload();
}
