/** Storage health: pure rules, so they can be tested without a browser. */
export const LOW_SPACE_BYTES = 200 * 1024 * 1024;
export const HIGH_USAGE = 0.9;

export type StorageEstimateLike = { usage?: number | undefined; quota?: number | undefined };

export function storageWarning(est: StorageEstimateLike): boolean {
  if (est.usage === undefined || est.quota === undefined || est.quota <= 0) return false;
  return est.usage > HIGH_USAGE * est.quota || est.quota - est.usage < LOW_SPACE_BYTES;
}

import { numberFormatter } from '../../i18n/format';

export function formatBytes(n: number, lang: 'nl' | 'en'): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  const fmt = numberFormatter(lang, { maximumFractionDigits: v < 10 && u > 0 ? 1 : 0 });
  return `${fmt.format(v)} ${units[u]}`;
}

/** Ask the browser to keep our data when the disk fills up (Chromium grants it to installed/engaged origins). */
export async function requestPersistence(): Promise<boolean> {
  try {
    if (!navigator.storage?.persist) return false;
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return false;
  }
}
