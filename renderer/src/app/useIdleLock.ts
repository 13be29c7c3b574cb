import { useEffect, useSyncExternalStore } from 'react';
import { platform } from '../platform';
import { lockNow } from './lock';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/*
 * The idle time saved in the privacy settings takes effect at once: the settings screen
 * publishes it here, and the hook prefers it over the value the shell read at unlock.
 */
let override: number | null = null;
const listeners = new Set<() => void>();
export function setIdleMinutes(minutes: number): void {
  override = minutes;
  for (const l of listeners) l();
}
function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
const snapshot = () => override;

/** Lock after `minutes` without keyboard or pointer activity, and when the OS locks or suspends. */
export function useIdleLock(initialMinutes: number): void {
  const chosen = useSyncExternalStore(subscribe, snapshot);
  const minutes = chosen ?? initialMinutes;
  useEffect(() => {
    let timer = window.setTimeout(() => lockNow('idle'), minutes * 60_000);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => lockNow('idle'), minutes * 60_000);
    };
    for (const e of ACTIVITY) window.addEventListener(e, reset, { passive: true });
    const off = platform().onLockRequest(() => lockNow('os'));
    return () => {
      window.clearTimeout(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, reset);
      off();
    };
  }, [minutes]);
}
