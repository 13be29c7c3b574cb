/**
 * BrowserWindow options for every window the app creates. Kept as plain data (no Electron
 * import) so the security settings are unit-tested and reviewed in one place.
 * When adding a webPreferences key: prefer the restrictive value and say why here.
 */

/** The subset of Electron's WebPreferences we set; main.ts checks it against the real type. */
export type HardenedWebPreferences<S = never> = {
  preload?: string;
  // Sandboxed renderer, isolated preload world, no Node anywhere: a compromised page
  // (e.g. through a malicious imported file) gets a plain Chromium tab, not the machine.
  sandbox: true;
  contextIsolation: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  // The spellchecker may download dictionaries from Google: no network, ever.
  spellcheck: false;
  experimentalFeatures: false;
  // Dropping a file on the window must not navigate away from the app (and show its content).
  navigateOnDragDrop: false;
  // No 'auxclick' (middle-click) events: a middle-click must not open a link in a new window.
  // New windows are also refused by the window-open handler; this removes the trigger.
  disableBlinkFeatures: 'Auxclick';
  devTools: boolean;
  javascript?: boolean;
  images?: boolean;
  session?: S;
};

export type WindowOptions<S = never> = {
  width: number;
  height: number;
  minWidth?: number;
  minHeight?: number;
  show: boolean;
  title: string;
  backgroundColor?: string;
  webPreferences: HardenedWebPreferences<S>;
};

function hardenedWebPreferences<S>(devTools: boolean): HardenedWebPreferences<S> {
  return {
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
    devTools,
  };
}

/**
 * The main window. It is created hidden and shown on 'ready-to-show' (see showWhenReady) so
 * the user never sees a blank or half-painted frame.
 * DevTools are only available in unpackaged (developer) runs: in a packaged app they would
 * give anyone at the keyboard a console inside the unlocked database.
 */
export function mainWindowOptions(opts: { preloadPath: string; devTools: boolean }): WindowOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Wijktafel',
    backgroundColor: '#ffffff',
    webPreferences: { ...hardenedWebPreferences(opts.devTools), preload: opts.preloadPath },
  };
}

/**
 * The hidden window that renders an export to PDF. JavaScript is off (the HTML is data, not
 * an app), there is no preload (it needs no bridge), it never shows and it lives in its own
 * in-memory session so it can reach none of the app's storage.
 */
export function printWindowOptions<S>(opts: { session: S }): WindowOptions<S> {
  return {
    width: 794,
    height: 1123,
    show: false,
    title: 'Wijktafel print',
    webPreferences: { ...hardenedWebPreferences<S>(false), javascript: false, session: opts.session },
  };
}

/** Minimal window surface for showWhenReady. */
export type ShowableWindow = {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
};

export function showWhenReady(window: ShowableWindow): void {
  window.once('ready-to-show', () => window.show());
}
