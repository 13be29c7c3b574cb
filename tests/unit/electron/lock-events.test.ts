import { describe, expect, it, vi } from 'vitest';
import { wireLockEvents, type PowerMonitorLike } from '../../../electron/lock-events';

describe('lock events', () => {
  it('sends lock:now on OS lock and on suspend, with the reason', () => {
    const listeners = new Map<string, () => void>();
    const powerMonitor: PowerMonitorLike = { on: (event, listener) => listeners.set(event, listener) };
    const send = vi.fn();
    wireLockEvents(powerMonitor, send);
    expect([...listeners.keys()].sort()).toEqual(['lock-screen', 'suspend']);
    listeners.get('lock-screen')?.();
    listeners.get('suspend')?.();
    expect(send.mock.calls).toEqual([
      ['lock:now', { reason: 'os-lock' }],
      ['lock:now', { reason: 'suspend' }],
    ]);
  });
});
