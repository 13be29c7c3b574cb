import { useEffect } from 'react';
import { platform } from '../platform';
import { lockNow } from './lock';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** Lock after `minutes` without keyboard or pointer activity, and when the OS locks or suspends. */
export function useIdleLock(minutes: number): void {
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
