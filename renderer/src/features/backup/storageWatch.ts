import { useEffect, useSyncExternalStore } from 'react';
import { onStoreChange } from '../../data/changes';
import { storageWarning, type StorageEstimateLike } from './storage';

/**
 * App-wide storage health, for the banner in the Shell: "nearly full" from the browser's
 * storage estimate, and "full" when a save failed with QuotaExceededError (reported by the
 * query client's mutation cache, App.tsx).
 *
 * The estimate is asked once after unlock and then after writes, at most every
 * ESTIMATE_EVERY_MS: navigator.storage.estimate() walks the origin's storage, and a save
 * loop must not pay for it each time. A write inside the quiet period schedules one check
 * at its end, so a warning is never more than a few minutes late.
 */
export const ESTIMATE_EVERY_MS = 3 * 60_000;

export type StorageHealthState = Readonly<{ low: boolean; full: boolean }>;

let state: StorageHealthState = { low: false, full: false };
const listeners = new Set<() => void>();
function set(next: Partial<StorageHealthState>): void {
  const merged = { ...state, ...next };
  if (merged.low === state.low && merged.full === state.full) return;
  state = merged;
  for (const l of listeners) l();
}

export function getStorageHealth(): StorageHealthState {
  return state;
}

export function subscribeStorageHealth(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A save failed on a full disk: show it app-wide (the save's own message says so too). */
export function reportQuotaError(): void {
  set({ full: true });
}

/** The user closed the banner; it comes back when the condition is seen again. */
export function dismissStorageBanner(): void {
  set({ full: false, low: false });
}

async function estimate(): Promise<StorageEstimateLike | null> {
  try {
    const s = globalThis.navigator?.storage;
    if (!s?.estimate) return null;
    const e = await s.estimate();
    return { usage: e.usage, quota: e.quota };
  } catch {
    return null;
  }
}

export type WatchDeps = {
  estimate?: () => Promise<StorageEstimateLike | null>;
  now?: () => number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  onChange?: (listener: () => void) => () => void;
};

/** Start watching: one estimate now, then throttled after writes. Returns the stop function. */
export function watchStorage(deps: WatchDeps = {}): () => void {
  const ask = deps.estimate ?? estimate;
  const now = deps.now ?? (() => Date.now());
  const later = deps.setTimeout ?? ((fn, ms) => globalThis.setTimeout(fn, ms));
  const cancel = deps.clearTimeout ?? ((h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>));
  let last = -Infinity;
  let pending: unknown = null;
  let stopped = false;

  const check = () => {
    last = now();
    void ask().then((e) => {
      if (stopped || e === null) return;
      const low = storageWarning(e);
      // Space came back (the user cleaned up): a "full" report is no longer true either.
      set(low ? { low } : { low, full: false });
    });
  };

  const onWrite = () => {
    if (pending !== null) return;
    const wait = last + ESTIMATE_EVERY_MS - now();
    if (wait <= 0) {
      check();
      return;
    }
    pending = later(() => {
      pending = null;
      if (!stopped) check();
    }, wait);
  };

  check();
  const unsubscribe = (deps.onChange ?? ((l) => onStoreChange(() => l())))(onWrite);
  return () => {
    stopped = true;
    unsubscribe();
    if (pending !== null) cancel(pending);
  };
}

/** Mounted once while unlocked (App.tsx). */
export function useStorageWatch(): void {
  useEffect(() => watchStorage(), []);
}

export function useStorageHealth(): StorageHealthState {
  return useSyncExternalStore(subscribeStorageHealth, getStorageHealth);
}
