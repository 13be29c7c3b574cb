import type { WijktafelApi } from '@shared/ipc/contract';
import { electronPlatform } from './platform.electron';
import type { Platform } from './types';
import { webPlatform } from './platform.web';

export type { Platform, PrintOutcome } from './types';

declare global {
  interface Window {
    /** Present only inside the desktop shell (electron/preload.ts). */
    wijktafel?: WijktafelApi;
  }
}

let chosen: Platform | null = null;

export function platform(): Platform {
  chosen ??= typeof window !== 'undefined' && window.wijktafel ? electronPlatform(window.wijktafel) : webPlatform;
  return chosen;
}
