import { parseUrl } from './app-origin';

/**
 * The only hosts `shell:open-external` may open, in the user's own browser. Opening a URL
 * hands it to the OS; an attacker-chosen one (file:, smb:, a custom handler, a phishing site)
 * could run code or leak data, so this is an exact-match allowlist of https hosts.
 * When adding a host: exact hostnames only (no wildcards), and only public reference sites
 * a wijkteam needs (privacy regulator, legislation).
 */
export const EXTERNAL_HOST_ALLOWLIST: readonly string[] = [
  'autoriteitpersoonsgegevens.nl',
  'www.autoriteitpersoonsgegevens.nl',
  'wetten.overheid.nl',
];

/** Longest path handed to the OS; reference pages have short paths, anything longer is suspect. */
const MAX_PATH_LENGTH = 300;

/**
 * The URL to hand to the OS, or null when it is refused. Only the origin and the path survive:
 * the query string and the fragment are dropped, because they are where a compromised or buggy
 * renderer would put data (`?q=<a resident's name>`) for an allowlisted site to receive in its
 * server logs or its page script. The path is limited to plain URL characters for the same reason.
 */
export function externalUrlToOpen(raw: string): string | null {
  const url = parseUrl(raw);
  if (url === null) return null;
  // https only: http would let anyone on the café Wi-Fi rewrite the page.
  if (url.protocol !== 'https:') return null;
  // 'https://ap.nl@evil.example' has host evil.example; credentials are refused outright.
  if (url.username !== '' || url.password !== '') return null;
  if (url.port !== '') return null;
  // Exact match after the URL parser's normalisation (lower case, punycode): look-alikes such
  // as 'autoriteitpersoonsgegevens.nl.evil.example' or homoglyph hosts do not match.
  if (!EXTERNAL_HOST_ALLOWLIST.includes(url.hostname)) return null;
  // After normalisation the path is percent-encoded ASCII; percent escapes are refused too,
  // so no text (a name, an e-mail address) can be smuggled into the path in encoded form.
  if (url.pathname.length > MAX_PATH_LENGTH || !/^\/[A-Za-z0-9._~/-]*$/.test(url.pathname)) return null;
  return `${url.origin}${url.pathname}`;
}

export function isAllowedExternalUrl(raw: string): boolean {
  return externalUrlToOpen(raw) !== null;
}
