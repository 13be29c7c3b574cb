import { afterEach, describe, expect, it } from 'vitest';
import {
  dismissStorageBanner,
  ESTIMATE_EVERY_MS,
  getStorageHealth,
  reportQuotaError,
  watchStorage,
} from '../../../renderer/src/features/backup/storageWatch';
import { nl as common } from '../../../renderer/src/i18n/messages/common';
import { isQuotaError } from '../../../renderer/src/ui/errors';

const settle = () => new Promise((r) => setImmediate(r));

/** Fakes for the watcher: a clock, timers run by hand, a store-change source, and a counting estimate. */
function fakes(estimate: { usage: number; quota: number }) {
  const clock = { now: 0 };
  const timers: { fn: () => void; at: number }[] = [];
  let write: () => void = () => undefined;
  const calls = { estimate: 0 };
  const stop = watchStorage({
    estimate: async () => {
      calls.estimate += 1;
      return estimate;
    },
    now: () => clock.now,
    setTimeout: (fn, ms) => {
      const t = { fn, at: clock.now + ms };
      timers.push(t);
      return t;
    },
    clearTimeout: (h) => timers.splice(timers.indexOf(h as { fn: () => void; at: number }), 1),
    onChange: (l) => {
      write = l;
      return () => undefined;
    },
  });
  const advance = (ms: number) => {
    clock.now += ms;
    for (const t of [...timers]) {
      if (t.at <= clock.now) {
        timers.splice(timers.indexOf(t), 1);
        t.fn();
      }
    }
  };
  return { clock, calls, stop, advance, write: () => write(), pendingTimers: () => timers.length };
}

afterEach(() => dismissStorageBanner());

describe('storage health app-wide', () => {
  it('recognises a full disk however it is wrapped (IndexedDB, Dexie inner, abort cause, bulk failures)', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isQuotaError({ name: 'DatabaseClosedError', cause: { name: 'AbortError', inner: quota } })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('x'), quota] })).toBe(true);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(common.errorDiskFull).toMatch(/schijf is vol.*niets verloren.*ruimte vrij.*opnieuw/);
  });

  it('asks the estimate once at start, then after writes at most every few minutes', async () => {
    const f = fakes({ usage: 1, quota: 1_000_000_000_000 });
    await settle();
    expect(f.calls.estimate).toBe(1);
    // A burst of writes inside the quiet period: one check, at its end.
    for (let i = 0; i < 50; i += 1) {
      f.advance(1000);
      f.write();
    }
    expect(f.calls.estimate).toBe(1);
    expect(f.pendingTimers()).toBe(1);
    f.advance(ESTIMATE_EVERY_MS);
    expect(f.calls.estimate).toBe(2);
    // A write long after the last check is checked at once.
    f.advance(ESTIMATE_EVERY_MS * 2);
    f.write();
    expect(f.calls.estimate).toBe(3);
    expect(ESTIMATE_EVERY_MS).toBeLessThanOrEqual(5 * 60_000);
    f.stop();
  });

  it('says "low" when nearly full, "full" after a quota error, and clears "full" when space is back', async () => {
    const nearly = fakes({ usage: 950, quota: 1000 });
    await settle();
    expect(getStorageHealth()).toEqual({ low: true, full: false });
    nearly.stop();
    reportQuotaError();
    expect(getStorageHealth().full).toBe(true);
    const roomy = fakes({ usage: 1, quota: 1_000_000_000_000 });
    await settle();
    expect(getStorageHealth()).toEqual({ low: false, full: false });
    roomy.stop();
  });
});
