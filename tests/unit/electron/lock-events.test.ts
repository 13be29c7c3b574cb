import { describe, expect, it, vi } from 'vitest';
import { LOCK_POLL_MS, wireLockEvents, type IntervalTimers, type PowerMonitorLike } from '../../../electron/lock-events';

type IdleState = ReturnType<PowerMonitorLike['getSystemIdleState']>;

/** A fake powerMonitor whose idle state the test sets, and fake interval timers it ticks by hand. */
function fakes(initial: IdleState = 'active') {
  const listeners = new Map<string, () => void>();
  const state = { current: initial, queries: [] as number[] };
  const powerMonitor: PowerMonitorLike = {
    on: (event, listener) => listeners.set(event, listener),
    getSystemIdleState: (threshold) => {
      state.queries.push(threshold);
      if (state.current === 'unknown') throw new Error('no D-Bus');
      return state.current;
    },
  };
  const intervals = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  const timers: IntervalTimers = {
    setInterval: (fn, ms) => {
      intervals.set(next, { fn, ms });
      return next++;
    },
    clearInterval: (handle) => intervals.delete(handle as number),
  };
  const tick = () => intervals.forEach((i) => i.fn());
  const send = vi.fn();
  return { listeners, state, powerMonitor, intervals, timers, tick, send };
}

describe('lock events', () => {
  it.each(['darwin', 'win32'])('on %s: sends lock:now on OS lock and on suspend, and does not poll', (platform) => {
    const f = fakes();
    wireLockEvents(f.powerMonitor, f.send, { platform, timers: f.timers });
    expect([...f.listeners.keys()].sort()).toEqual(['lock-screen', 'suspend']);
    expect(f.intervals.size).toBe(0);
    f.listeners.get('lock-screen')?.();
    f.listeners.get('suspend')?.();
    expect(f.send.mock.calls).toEqual([
      ['lock:now', { reason: 'os-lock' }],
      ['lock:now', { reason: 'suspend' }],
    ]);
  });

  it('on Linux: polls the idle state and sends one lock:now when the screen becomes locked', () => {
    const f = fakes();
    const wiring = wireLockEvents(f.powerMonitor, f.send, { platform: 'linux', timers: f.timers });
    // 'lock-screen' never fires on Linux, so only suspend is listened to.
    expect([...f.listeners.keys()]).toEqual(['suspend']);
    expect([...f.intervals.values()].map((i) => i.ms)).toEqual([LOCK_POLL_MS]);
    expect(LOCK_POLL_MS).toBeLessThanOrEqual(10_000);

    f.tick();
    f.state.current = 'idle';
    f.tick();
    expect(f.send).not.toHaveBeenCalled();

    f.state.current = 'locked';
    f.tick();
    expect(f.send.mock.calls).toEqual([['lock:now', { reason: 'os-lock' }]]);
    // Still locked: no second message (the renderer would reload behind the lock screen).
    f.tick();
    f.tick();
    expect(f.send).toHaveBeenCalledTimes(1);

    // Unlocked, then locked again: a new lock.
    f.state.current = 'active';
    f.tick();
    f.state.current = 'locked';
    f.tick();
    expect(f.send).toHaveBeenCalledTimes(2);
    expect(f.state.queries.every((t) => Number.isInteger(t) && t > 0)).toBe(true);

    f.listeners.get('suspend')?.();
    expect(f.send.mock.calls.at(-1)).toEqual(['lock:now', { reason: 'suspend' }]);

    wiring.stop();
    expect(f.intervals.size).toBe(0);
  });

  it('on Linux: a failing idle query neither throws out of the timer nor stops the polling', () => {
    const f = fakes('unknown');
    wireLockEvents(f.powerMonitor, f.send, { platform: 'linux', timers: f.timers });
    expect(() => f.tick()).not.toThrow();
    f.state.current = 'locked';
    f.tick();
    expect(f.send.mock.calls).toEqual([['lock:now', { reason: 'os-lock' }]]);
  });

  it('uses real interval timers that do not keep the process alive', () => {
    vi.useFakeTimers();
    try {
      const f = fakes('locked');
      const wiring = wireLockEvents(f.powerMonitor, f.send, { platform: 'linux' });
      vi.advanceTimersByTime(LOCK_POLL_MS);
      expect(f.send).toHaveBeenCalledTimes(1);
      wiring.stop();
      vi.advanceTimersByTime(LOCK_POLL_MS * 3);
      expect(f.state.queries).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
