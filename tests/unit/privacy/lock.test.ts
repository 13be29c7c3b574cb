import { afterEach, describe, expect, it, vi } from 'vitest';
import { lockNow } from '../../../renderer/src/app/lock';
import { isUnlocked, setSession } from '../../../renderer/src/data/session';
import { freshUnlockedDb } from '../../support/test-db';

/**
 * lockNow in Node with the few browser globals it uses stubbed: it must drop the key at once
 * (before anything is awaited) and always end in a renderer reload. The e2e test in
 * tests/e2e/privacy.spec.ts checks the same through the real lock button in Chromium.
 */
function stubBrowser() {
  const reload = vi.fn();
  const body = { dataset: {} as Record<string, string> };
  const store = new Map<string, string>();
  vi.stubGlobal('window', {
    location: { reload },
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
  });
  vi.stubGlobal('document', { body });
  vi.stubGlobal('sessionStorage', { setItem: (k: string, v: string) => store.set(k, v) });
  return { reload, body, store };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('lockNow', () => {
  it('drops the session synchronously, logs the lock with the closing session, then reloads once', async () => {
    const { db } = await freshUnlockedDb();
    const auditBefore = await db.audit.count();
    // The budget timer is faked (and never advanced), so the reload seen here is the one that
    // follows the audit write, not the 1 s fallback: on a busy machine the write may take longer
    // than the budget, and with real timers the fallback would then win the race.
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const browser = stubBrowser();
    lockNow('manual');
    // The key is gone before the audit write even started.
    expect(isUnlocked()).toBe(false);
    expect(browser.body.dataset.locking).toBe('true');
    expect(browser.store.get('wijktafel.lockReason')).toBe('manual');
    // Waits for the event; the timeout is a safety net only.
    await vi.waitFor(() => expect(browser.reload).toHaveBeenCalledTimes(1), { timeout: 30_000 });
    expect(await db.audit.count()).toBe(auditBefore + 1);
  });

  it('reloads within its budget even when the audit write never finishes', async () => {
    const { db } = await freshUnlockedDb();
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const browser = stubBrowser();
    // An audit write that hangs (e.g. a stuck transaction).
    vi.spyOn(db.audit, 'add').mockReturnValue(new Promise(() => undefined) as ReturnType<typeof db.audit.add>);
    lockNow('idle');
    expect(isUnlocked()).toBe(false);
    expect(browser.reload).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(browser.reload).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(browser.reload).toHaveBeenCalledTimes(1);
  });

  it('reloads at once when already locked', () => {
    setSession(null);
    const browser = stubBrowser();
    lockNow('os');
    expect(browser.reload).toHaveBeenCalledTimes(1);
  });
});
