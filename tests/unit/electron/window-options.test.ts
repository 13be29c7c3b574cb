import { describe, expect, it, vi } from 'vitest';
import { mainWindowOptions, printWindowOptions, showWhenReady } from '../../../electron/window-options';

const REQUIRED_HARDENING = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  disableBlinkFeatures: 'Auxclick',
} as const;

describe('main window options', () => {
  const options = mainWindowOptions({ preloadPath: '/app/dist/electron/preload.cjs', devTools: false });

  it('sets every hardening flag of the Electron security checklist', () => {
    expect(options.webPreferences).toMatchObject(REQUIRED_HARDENING);
  });

  it('uses the given preload and is created hidden (shown on ready-to-show)', () => {
    expect(options.webPreferences.preload).toBe('/app/dist/electron/preload.cjs');
    expect(options.show).toBe(false);
  });

  it('only enables DevTools when asked (unpackaged runs)', () => {
    expect(options.webPreferences.devTools).toBe(false);
    expect(mainWindowOptions({ preloadPath: 'p', devTools: true }).webPreferences.devTools).toBe(true);
  });
});

describe('print window options', () => {
  const session = { name: 'print-session' };
  const options = printWindowOptions({ session });

  it('is hardened, hidden, JavaScript-free, without preload, in the given session', () => {
    expect(options.webPreferences).toMatchObject({ ...REQUIRED_HARDENING, javascript: false, devTools: false });
    expect(options.webPreferences.preload).toBeUndefined();
    expect(options.webPreferences.session).toBe(session);
    expect(options.show).toBe(false);
  });
});

describe('showWhenReady', () => {
  it('shows the window only once it is ready to show', () => {
    let ready: (() => void) | undefined;
    const window = {
      once: vi.fn((_event: 'ready-to-show', listener: () => void) => {
        ready = listener;
      }),
      show: vi.fn(),
    };
    showWhenReady(window);
    expect(window.once).toHaveBeenCalledWith('ready-to-show', expect.any(Function));
    expect(window.show).not.toHaveBeenCalled();
    ready?.();
    expect(window.show).toHaveBeenCalledTimes(1);
  });
});
