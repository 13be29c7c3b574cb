/**
 * Whether this browser profile has held a Wijktafel store before. Chromium can discard a whole
 * IndexedDB store after a hard crash (it treats it as damaged and starts it empty; the crash
 * soak in tests/e2e/reliability-crash.spec.ts saw it about once in a hundred SIGKILLs of the whole
 * browser, Signal-Desktop saw it in the field: signalapp/Signal-Desktop#718). An empty store is
 * then not a first run: the app must say the data is gone and offer the backups, instead of
 * inviting the worker to set up anew as if nothing happened.
 *
 * The mark lives in localStorage, a separate store from IndexedDB, and holds no resident data
 * (the value is the constant '1'). It is set once a vault has been made or unlocked.
 */
const KEY = 'wijktafel.storeInUse';

export function markStoreInUse(): void {
  try {
    localStorage.setItem(KEY, '1');
  } catch {
    // Without localStorage the app only loses this warning, never data.
  }
}

export function storeWasInUse(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}
