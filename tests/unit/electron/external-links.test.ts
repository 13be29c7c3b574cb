import { describe, expect, it } from 'vitest';
import { EXTERNAL_HOST_ALLOWLIST, externalUrlToOpen, isAllowedExternalUrl } from '../../../electron/external-links';

describe('shell.openExternal allowlist', () => {
  it.each([
    'https://autoriteitpersoonsgegevens.nl/',
    'https://www.autoriteitpersoonsgegevens.nl/nl/onderwerpen/avg',
    'https://AUTORITEITPERSOONSGEGEVENS.NL/x',
    'https://wetten.overheid.nl/BWBR0040940/',
  ])('opens %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['http (not https)', 'http://autoriteitpersoonsgegevens.nl/'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['smb share', 'smb://autoriteitpersoonsgegevens.nl/share'],
    ['custom protocol handler', 'ms-msdt:/id PCWDiagnostic'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['suffix look-alike', 'https://autoriteitpersoonsgegevens.nl.evil.example/'],
    ['prefix look-alike', 'https://evil-autoriteitpersoonsgegevens.nl/'],
    ['subdomain not listed', 'https://login.autoriteitpersoonsgegevens.nl/'],
    ['credentials trick', 'https://autoriteitpersoonsgegevens.nl@evil.example/'],
    ['credentials on allowed host', 'https://user:pw@autoriteitpersoonsgegevens.nl/'],
    ['non-default port', 'https://autoriteitpersoonsgegevens.nl:8443/'],
    ['homoglyph host (Cyrillic o)', 'https://autoriteitpersоonsgegevens.nl/'],
    ['trailing-dot host', 'https://autoriteitpersoonsgegevens.nl./'],
    ['not a URL', 'autoriteitpersoonsgegevens.nl'],
    ['empty', ''],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it.each([
    ['query string', 'https://wetten.overheid.nl/zoeken?q=Jan%20Jansen', 'https://wetten.overheid.nl/zoeken'],
    ['fragment', 'https://autoriteitpersoonsgegevens.nl/avg#bsn=123456782', 'https://autoriteitpersoonsgegevens.nl/avg'],
    ['both, and an empty path', 'https://wetten.overheid.nl?x=1#y', 'https://wetten.overheid.nl/'],
    ['upper-case host', 'https://WETTEN.overheid.nl/BWBR0040940/', 'https://wetten.overheid.nl/BWBR0040940/'],
  ])('opens only origin and path, dropping the %s', (_label, url, opened) => {
    expect(externalUrlToOpen(url)).toBe(opened);
  });

  it.each([
    ['percent-encoded text in the path', 'https://wetten.overheid.nl/Jan%20Jansen'],
    ['non-ASCII text in the path', 'https://wetten.overheid.nl/Jänsen'],
    ['a very long path', `https://wetten.overheid.nl/${'a'.repeat(400)}`],
  ])('refuses %s (data could ride in the path)', (_label, url) => {
    expect(externalUrlToOpen(url)).toBeNull();
  });

  it('lists exact hostnames only', () => {
    for (const host of EXTERNAL_HOST_ALLOWLIST) expect(host).toMatch(/^[a-z0-9.-]+$/);
  });
});
