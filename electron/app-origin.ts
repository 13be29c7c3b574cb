/**
 * The app's own origin. The UI is served from `app://wijktafel/` (never `file://`), so it has
 * a real, stable origin: IndexedDB and CSP `'self'` work, and every guard below can compare
 * against one value.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'wijktafel';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Parses without throwing: every guard treats an unparsable URL as foreign. */
export function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * True only for URLs on exactly `app://wijktafel`. Credentials and ports are refused too:
 * a look-alike such as `app://wijktafel@evil` or `app://wijktafel:1` is not our origin.
 */
export function isAppUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}
