import { ipcEvents } from '../shared/ipc/contract';

/**
 * OS lock and suspend lock the app: a laptop closed at a kitchen table must not reopen on a
 * resident's file. Main only signals; the renderer drops its keys and shows the unlock screen.
 *
 * Electron emits 'lock-screen' on macOS and Windows only. On Linux the screen lock is found by
 * polling `getSystemIdleState()`, which reports 'locked' there on supported desktops (it asks the
 * session's screensaver over D-Bus); 'suspend' is emitted on every platform.
 */
export type PowerMonitorLike = {
  on(event: 'lock-screen' | 'suspend', listener: () => void): unknown;
  getSystemIdleState(idleThreshold: number): 'active' | 'idle' | 'locked' | 'unknown';
};

export type LockReason = 'os-lock' | 'suspend' | 'menu';

export type IntervalTimers = {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
};

const realTimers: IntervalTimers = {
  setInterval: (fn, ms) => {
    const handle = setInterval(fn, ms);
    // The poll must never keep the process alive on its own.
    handle.unref();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

/** How often Linux asks whether the screen is locked: often enough that a lock is caught within seconds, rarely enough to cost nothing. */
export const LOCK_POLL_MS = 5_000;
/**
 * The idle threshold passed along (seconds). It only decides between 'active' and 'idle',
 * which this poll ignores (the renderer has its own idle lock); only 'locked' counts.
 */
export const LOCK_POLL_IDLE_THRESHOLD_S = 60;

/** Platforms where Electron emits 'lock-screen' itself. */
const LOCK_EVENT_PLATFORMS: ReadonlySet<string> = new Set(['darwin', 'win32']);

export function wireLockEvents(
  powerMonitor: PowerMonitorLike,
  sendToWindows: (channel: 'lock:now', payload: { reason: LockReason }) => void,
  opts: { platform: string; timers?: IntervalTimers; pollMs?: number },
): { stop: () => void } {
  const send = (reason: LockReason) => {
    // Checked against the contract so main and preload can never disagree on the shape.
    sendToWindows('lock:now', ipcEvents['lock:now'].parse({ reason }));
  };
  powerMonitor.on('suspend', () => send('suspend'));
  if (LOCK_EVENT_PLATFORMS.has(opts.platform)) {
    powerMonitor.on('lock-screen', () => send('os-lock'));
    return { stop: () => undefined };
  }

  const timers = opts.timers ?? realTimers;
  // Edge-triggered: one lock message when the screen becomes locked, not one per poll while
  // it stays locked (the renderer would reload over and over behind the lock screen).
  let wasLocked = false;
  const poll = () => {
    let state: ReturnType<PowerMonitorLike['getSystemIdleState']>;
    try {
      state = powerMonitor.getSystemIdleState(LOCK_POLL_IDLE_THRESHOLD_S);
    } catch {
      // An unanswerable query is 'unknown', never a reason to stop polling.
      state = 'unknown';
    }
    const locked = state === 'locked';
    if (locked && !wasLocked) send('os-lock');
    wasLocked = locked;
  };
  const handle = timers.setInterval(poll, opts.pollMs ?? LOCK_POLL_MS);
  return { stop: () => timers.clearInterval(handle) };
}
