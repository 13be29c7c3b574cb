/**
 * The composition root of the main process: the only module that imports 'electron' (next to
 * the preload). Everything with a decision in it lives in a plain module that takes Electron
 * objects as arguments and is unit-tested without the Electron binary; this file only wires.
 * See docs/adr/0002-electron-shell.md.
 */
import { app, BrowserWindow, dialog, ipcMain, powerMonitor, protocol, safeStorage, session, shell } from 'electron';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { APP_ENTRY_URL, APP_SCHEME } from './app-origin';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { createBackupStore } from './backup-store';
import { registerIpcHandlers, type IpcSender } from './ipc';
import { createIpcHandlers } from './ipc-handlers';
import { createKeystore } from './keystore';
import { wireLockEvents } from './lock-events';
import { createLogger } from './logger';
import { createPrintRoutes, renderHtmlToPdf } from './print-pdf';
import { blockNetwork, denyAllPermissions, guardWebContents } from './session-hardening';
import { mainWindowOptions, printWindowOptions, showWhenReady } from './window-options';

const log = createLogger((line) => process.stderr.write(line));

// dist/electron/main.cjs sits next to dist/renderer (also inside app.asar when packaged).
const RENDERER_ROOT = join(__dirname, '..', 'renderer');
const PRELOAD_PATH = join(__dirname, 'preload.cjs');
// No 'persist:' prefix: the print session lives in memory only and never touches disk.
const PRINT_PARTITION = 'wijktafel-print';

/** Windows we created, by webContents id. Only their top frames may use IPC (ipc.ts). */
const ourWindows = new Map<number, BrowserWindow>();
const isTrustedSender = (sender: IpcSender): boolean => ourWindows.has(sender.id);

// One instance only: two instances would write to the same IndexedDB and backup folder.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Every renderer is sandboxed, including any we might forget to configure.
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, (what) => log('warn', 'webcontents.refused', { what }));
  });
  app.on('second-instance', () => {
    const [window] = ourWindows.values();
    if (window === undefined) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  // Quit on every platform when the window closes: keys leave memory, nothing lingers in the dock.
  app.on('window-all-closed', () => app.quit());

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log('error', 'startup.failed', { error: error instanceof Error ? error.name : typeof error });
      app.exit(1);
    });
}

function hardenSession(target: Electron.Session): void {
  denyAllPermissions(target);
  blockNetwork(target, (scheme) => log('warn', 'network.blocked', { scheme }));
}

function start(): void {
  const appSession = session.defaultSession;
  hardenSession(appSession);
  appSession.protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      root: RENDERER_ROOT,
      fs: { readFile: (path) => fs.readFile(path), stat: (path) => fs.stat(path), realpath: (path) => fs.realpath(path) },
      onRefused: (reason) => log('warn', 'protocol.refused', { reason }),
    }),
  );

  const printSession = session.fromPartition(PRINT_PARTITION);
  hardenSession(printSession);
  const printRoutes = createPrintRoutes();
  printSession.protocol.handle(APP_SCHEME, (request) => printRoutes.handler(request));

  registerIpcHandlers(
    ipcMain,
    createIpcHandlers({
      appInfo: { version: app.getVersion(), platform: process.platform, electron: process.versions.electron },
      exporter: {
        showSaveDialog: (sender, options) => {
          const window = ourWindows.get(sender.id);
          return window === undefined ? dialog.showSaveDialog(options) : dialog.showSaveDialog(window, options);
        },
        writeFile: (path, data, options) => fs.writeFile(path, data, options),
        defaultDir: app.getPath('documents'),
        joinPath: join,
      },
      renderPdf: (html) =>
        renderHtmlToPdf(html, {
          routes: printRoutes,
          createWindow: () => {
            const options = printWindowOptions({ session: printSession });
            return new BrowserWindow(options); /* eng-disable SANDBOX_JS_CHECK CONTEXT_ISOLATION_JS_CHECK AUXCLICK_JS_CHECK — options come from window-options.ts (sandbox, contextIsolation, Auxclick off), asserted in window-options.test.ts */
          },
        }),
      backups: createBackupStore({
        userDataDir: app.getPath('userData'),
        fs: {
          mkdir: (path, options) => fs.mkdir(path, options),
          open: (path, flags, mode) => fs.open(path, flags, mode),
          rename: (from, to) => fs.rename(from, to),
          readdir: (path) => fs.readdir(path),
          stat: (path) => fs.stat(path),
          readFile: (path) => fs.readFile(path),
          unlink: (path) => fs.unlink(path),
        },
        syncDirectory: process.platform !== 'win32',
      }),
      keystore: createKeystore({ safeStorage, platform: process.platform }),
      openExternal: (url) => shell.openExternal(url) /* eng-disable OPEN_EXTERNAL_JS_CHECK — only called by ipc-handlers.ts after the URL passed EXTERNAL_HOST_ALLOWLIST */,
      setContentProtection: (sender, enabled) => {
        const window = ourWindows.get(sender.id);
        window?.setContentProtection(enabled);
        return window !== undefined;
      },
      log,
    }),
    { isTrustedSender, log },
  );

  wireLockEvents(
    powerMonitor,
    (channel, payload) => {
      for (const window of ourWindows.values()) window.webContents.send(channel, payload);
    },
    { platform: process.platform },
  );

  createMainWindow();
}

function createMainWindow(): void {
  const options = mainWindowOptions({ preloadPath: PRELOAD_PATH, devTools: !app.isPackaged });
  const window = new BrowserWindow(options); /* eng-disable SANDBOX_JS_CHECK CONTEXT_ISOLATION_JS_CHECK AUXCLICK_JS_CHECK — options come from window-options.ts (sandbox, contextIsolation, Auxclick off), asserted in window-options.test.ts */
  const id = window.webContents.id;
  ourWindows.set(id, window);
  window.on('closed', () => ourWindows.delete(id));
  showWhenReady(window);
  window.loadURL(APP_ENTRY_URL).catch(() => log('error', 'window.load-failed'));
}
