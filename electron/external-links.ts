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

export function isAllowedExternalUrl(raw: string): boolean {
  const url = parseUrl(raw);
  if (url === null) return false;
  // https only: http would let anyone on the café Wi-Fi rewrite the page.
  if (url.protocol !== 'https:') return false;
  // 'https://ap.nl@evil.example' has host evil.example; credentials are refused outright.
  if (url.username !== '' || url.password !== '') return false;
  if (url.port !== '') return false;
  // Exact match after the URL parser's normalisation (lower case, punycode): look-alikes such
  // as 'autoriteitpersoonsgegevens.nl.evil.example' or homoglyph hosts do not match.
  return EXTERNAL_HOST_ALLOWLIST.includes(url.hostname);
}
