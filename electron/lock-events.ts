import { ipcEvents } from '../shared/ipc/contract';

/**
 * OS lock and suspend lock the app: a laptop closed at a kitchen table must not reopen on a
 * resident's file. Main only signals; the renderer drops its keys and shows the unlock screen.
 */
export type PowerMonitorLike = {
  on(event: 'lock-screen' | 'suspend', listener: () => void): unknown;
};

export type LockReason = 'os-lock' | 'suspend' | 'menu';

export function wireLockEvents(
  powerMonitor: PowerMonitorLike,
  sendToWindows: (channel: 'lock:now', payload: { reason: LockReason }) => void,
): void {
  const send = (reason: LockReason) => {
    // Checked against the contract so main and preload can never disagree on the shape.
    sendToWindows('lock:now', ipcEvents['lock:now'].parse({ reason }));
  };
  powerMonitor.on('lock-screen', () => send('os-lock'));
  powerMonitor.on('suspend', () => send('suspend'));
}
