import type { Page } from '@playwright/test';

/**
 * A stand-in for the desktop shell's preload bridge (`window.wijktafel`), installed before any
 * app code runs, so the renderer behaves as in Electron (automatic backups present) while the
 * test runs in plain Chromium (the Electron binary is not available on the build machines).
 * The backup store answers from the given list; writes are recorded in `window.__bridgeWrites`
 * (kind and size only) for the test to read.
 */
export type BridgeBackup = Readonly<{ name: string; createdAt: string; kind: 'change' | 'daily' | 'held'; households: number | null; bytes: Uint8Array }>;

export async function installDesktopBridge(page: Page, backups: readonly BridgeBackup[]): Promise<void> {
  const list = backups.map((b) => ({ name: b.name, createdAt: b.createdAt, kind: b.kind, households: b.households, b64: Buffer.from(b.bytes).toString('base64') }));
  await page.addInitScript((stored) => {
    const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
    const fail = () => Promise.resolve({ ok: false as const, error: { code: 'failed' as const, message: 'not in this test' } });
    const decode = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const writes: { reason: string; size: number }[] = [];
    Object.assign(window, { __bridgeWrites: writes });
    Object.assign(window, {
      wijktafel: {
        app: { info: () => ok({ version: '0.1.0', platform: 'linux', electron: 'test-bridge' }) },
        export: { saveFile: () => ok({ saved: false }), printPdf: () => ok({ saved: false }) },
        backup: {
          writeAuto: (p: { data: Uint8Array; reason: string }) => {
            writes.push({ reason: p.reason, size: p.data.byteLength });
            return ok({ written: true, name: 'written-by-test', held: false });
          },
          list: () => ok(stored.map((b) => ({ name: b.name, size: Math.floor((b.b64.length * 3) / 4), createdAt: b.createdAt, kind: b.kind, households: b.households }))),
          read: (p: { name: string }) => {
            const found = stored.find((b) => b.name === p.name);
            return found ? ok({ data: decode(found.b64) }) : fail();
          },
        },
        keystore: { status: () => ok({ available: false, backend: 'basic_text' }), wrap: fail, unwrap: fail },
        shell: { openExternal: () => ok({ opened: false }) },
        window: { setContentProtection: (p: { enabled: boolean }) => ok({ enabled: p.enabled }) },
        events: { onLock: () => () => undefined },
      },
    });
  }, list);
}
