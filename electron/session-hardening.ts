import { isAppUrl, parseUrl } from './app-origin';

/**
 * Guards applied to every session and every webContents. Each function takes the smallest
 * Electron surface it needs, so tests can pass fakes and main.ts passes the real objects.
 */

export type PermissionSession = {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
};

/**
 * Every permission is denied: camera, microphone, geolocation, notifications, clipboard
 * read, HID/USB/serial devices… The app needs none, and a prompt would only invite a user to
 * grant a compromised page access to the machine.
 */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * Schemes the renderer may load. app: is the UI itself (the protocol handler checks the host
 * and the path); data:/blob: are in-memory objects the UI creates (images, the KDF worker);
 * devtools: is the developer console in unpackaged runs. Everything else — http(s), ws(s),
 * file, ftp — is cancelled: the renderer makes no network requests at all, so a bug or an
 * injected tag cannot leak resident data, and a file:// load cannot read the disk.
 */
const ALLOWED_REQUEST_SCHEMES: readonly string[] = ['app:', 'data:', 'blob:', 'devtools:'];

export function isAllowedRequestUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return url !== null && ALLOWED_REQUEST_SCHEMES.includes(url.protocol);
}

export type WebRequestSession = {
  webRequest: {
    onBeforeRequest(
      listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void,
    ): void;
  };
};

export function blockNetwork(session: WebRequestSession, onBlocked?: (scheme: string) => void): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    // Only the scheme is logged: a URL could carry resident data in its query.
    if (!allowed) onBlocked?.(parseUrl(details.url)?.protocol ?? 'unparsable');
    callback({ cancel: !allowed });
  });
}

export type PreventableEvent = { preventDefault(): void };
export type WindowOpenHandlerResponse = { action: 'deny' };

export type GuardedWebContents = {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenHandlerResponse): void;
};

/** The in-page navigation guard, exported for tests: only app://wijktafel URLs are allowed. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * Applied to every webContents the app creates ('web-contents-created'), so no window can
 * slip through without it.
 */
export function guardWebContents(contents: GuardedWebContents, onRefused?: (what: string) => void): void {
  // Navigation away from the app is refused: the window shows resident data and must never
  // turn into a browser for foreign content (a pasted link, a dropped file, a redirect).
  const guardNavigation = (what: string) => (event: PreventableEvent, url: string) => {
    if (!isAllowedNavigation(url)) {
      event.preventDefault();
      onRefused?.(what);
    }
  };
  contents.on('will-navigate', guardNavigation('navigation'));
  contents.on('will-redirect', guardNavigation('redirect'));

  // New windows are refused: the renderer shows resident data and must never open foreign
  // content. Links for the user's browser go through the allowlisted shell:open-external.
  contents.setWindowOpenHandler(() => {
    onRefused?.('window-open');
    return { action: 'deny' };
  });

  // <webview> is disabled in webPreferences too; this catches any attempt regardless.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onRefused?.('webview');
  });
}
