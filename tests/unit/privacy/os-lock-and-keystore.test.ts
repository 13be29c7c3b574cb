import { describe, expect, it, vi } from 'vitest';
import { wireLockEvents } from '../../../electron/lock-events';
import { createWijktafelApi, type PreloadIpc } from '../../../electron/preload-api';
import { createKeystore } from '../../../electron/keystore';
import { electronPlatform } from '../../../renderer/src/platform/platform.electron';
import { webPlatform } from '../../../renderer/src/platform/platform.web';

/**
 * The OS-lock path end to end without the Electron binary: powerMonitor → main's lock:now →
 * preload (payload validated) → the renderer platform's onLockRequest (which useIdleLock turns
 * into lockNow('os')). And the key store path: a plain-text backend reaches the renderer as
 * "not available", so "remember on this device" is never offered there.
 */
describe('OS lock reaches the renderer', () => {
  it('lock-screen and suspend each fire the renderer listener once; junk payloads do not', () => {
    const listeners = new Set<(payload: unknown) => void>();
    const ipc: PreloadIpc = {
      invoke: vi.fn(),
      on: (_channel, l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    };
    const power = new Map<string, () => void>();
    wireLockEvents(
      { on: (event, l) => power.set(event, l), getSystemIdleState: () => 'active' },
      (_channel, payload) => listeners.forEach((l) => l(payload)),
      { platform: 'win32' },
    );
    const platform = electronPlatform(createWijktafelApi(ipc));
    const onLock = vi.fn();
    const off = platform.onLockRequest(onLock);
    power.get('lock-screen')?.();
    power.get('suspend')?.();
    expect(onLock).toHaveBeenCalledTimes(2);
    listeners.forEach((l) => l({ reason: 'x'.repeat(5000) }));
    listeners.forEach((l) => l('lock'));
    expect(onLock).toHaveBeenCalledTimes(2);
    off();
    power.get('lock-screen')?.();
    expect(onLock).toHaveBeenCalledTimes(2);
  });

  it('the browser has no OS lock source and no key store', () => {
    expect(webPlatform.keystore).toBeNull();
    expect(webPlatform.kind).toBe('browser');
  });
});

describe('key store refusal reaches the renderer', () => {
  it.each([
    ['basic_text', false],
    ['gnome_libsecret', true],
  ])('backend %s → available %s', async (backend, available) => {
    const keystore = createKeystore({
      platform: 'linux',
      safeStorage: {
        isAsyncEncryptionAvailable: async () => true,
        encryptStringAsync: async (s) => new TextEncoder().encode(s),
        decryptStringAsync: async (b) => ({ result: new TextDecoder().decode(b) }),
        getSelectedStorageBackend: () => backend,
      },
    });
    // What main answers on keystore:status, through the same IpcResult shape the preload returns.
    const ipc: PreloadIpc = {
      invoke: vi.fn(async () => ({ ok: true, value: await keystore.status() })),
      on: () => () => undefined,
    };
    const platform = electronPlatform(createWijktafelApi(ipc));
    expect(await platform.keystore?.status()).toEqual({ available, backend });
  });
});
