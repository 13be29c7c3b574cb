import { mkdir, mkdtemp, readFile, realpath, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, mimeTypeFor, resolveAppRequest } from '../../../electron/app-protocol';
import { CSP_HEADER } from '../../../electron/csp';

const SECRET = 'SECRET-OUTSIDE-THE-BUILD';
let base: string;
let root: string;

beforeAll(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'wijktafel-protocol-')));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Wijktafel</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.info("app")');
  await writeFile(join(root, 'assets', 'argon2.wasm'), new Uint8Array([0, 97, 115, 109]));
  await writeFile(join(base, 'secret.txt'), SECRET);
  // A symlink inside the build that points outside it must be refused like '..'.
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const handler = () =>
  createAppProtocolHandler({
    root,
    fs: { readFile: (p) => readFile(p), stat: (p) => stat(p), realpath: (p) => realpath(p) },
  });
const get = (url: string, method = 'GET') => handler()({ url, method });

describe('app:// scheme privileges', () => {
  it('is standard and secure with fetch, and nothing that weakens the page', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });
});

describe('resolveAppRequest (path-traversal guard)', () => {
  it.each([
    ['encoded dot-dot and slash', 'app://wijktafel/%2e%2e%2fsecret.txt'],
    ['dot-dot after encoded slash', 'app://wijktafel/assets/..%2f..%2fsecret.txt'],
    ['encoded backslashes', 'app://wijktafel/..%5c..%5csecret.txt'],
    ['UNC path', 'app://wijktafel/%5c%5cserver%5cshare%5cfile'],
    ['raw backslash', 'app://wijktafel/assets\\..\\..\\secret.txt'],
    ['drive letter', 'app://wijktafel/C:/Windows/win.ini'],
    ['encoded drive letter', 'app://wijktafel/C%3A%5CWindows%5Cwin.ini'],
    ['null byte', 'app://wijktafel/index.html%00.js'],
    ['control character', 'app://wijktafel/index%0a.html'],
    ['bad percent-encoding', 'app://wijktafel/%E0%A4%A'],
    ['other host', 'app://evil/index.html'],
    ['look-alike host', 'app://wijktafel.evil/index.html'],
    ['credentials', 'app://user@wijktafel/index.html'],
    ['port', 'app://wijktafel:8080/index.html'],
    ['file scheme', 'file:///etc/passwd'],
    ['https scheme', 'https://wijktafel/index.html'],
    ['not a URL', 'not a url'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppRequest(root, url).kind).toBe('forbidden');
  });

  it.each([
    // The WHATWG URL parser (Node and Chromium) resolves '..', '%2e%2e' and '%2e' segments
    // before the handler sees them, so they can only climb to the build root.
    ['dot-dot the URL parser already removed', 'app://wijktafel/../secret.txt'],
    ['encoded dot-dot segment', 'app://wijktafel/%2e%2e/secret.txt'],
    ['encoded dot-dot segment, upper case', 'app://wijktafel/assets/%2E%2E/%2E%2E/secret.txt'],
    ['encoded single-dot segment', 'app://wijktafel/%2e/index.html'],
    ['absolute-looking path', 'app://wijktafel//etc/passwd'],
    ['encoded leading slash', 'app://wijktafel/%2fetc%2fpasswd'],
    ['double-encoded dot-dot (decoded once: a literal name)', 'app://wijktafel/%252e%252e/secret.txt'],
  ])('keeps %s inside the build folder', (_label, url) => {
    const resolved = resolveAppRequest(root, url);
    expect(resolved.kind).toBe('file');
    if (resolved.kind === 'file') {
      const rel = relative(root, resolved.path);
      expect(rel.startsWith('..')).toBe(false);
      expect(resolved.path.startsWith(root + sep)).toBe(true);
    }
  });

  it('maps the root to index.html and routes without extension to the SPA fallback', () => {
    expect(resolveAppRequest(root, 'app://wijktafel/')).toEqual({ kind: 'file', path: join(root, 'index.html'), spaFallback: false });
    expect(resolveAppRequest(root, 'app://wijktafel/households/12')).toMatchObject({ kind: 'file', spaFallback: true });
    expect(resolveAppRequest(root, 'app://wijktafel/assets/app.js')).toMatchObject({ kind: 'file', spaFallback: false });
  });
});

describe('app:// protocol handler', () => {
  it('serves files with their MIME type and the CSP header', async () => {
    const response = await get('app://wijktafel/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CSP_HEADER);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.info("app")');
  });

  it('serves WebAssembly as application/wasm (needed for streaming compilation)', async () => {
    const response = await get('app://wijktafel/assets/argon2.wasm');
    expect(response.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
  });

  it('falls back to index.html for client-side routes', async () => {
    const response = await get('app://wijktafel/households/12');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>Wijktafel</title>');
  });

  it('answers 404, not HTML, for a missing asset', async () => {
    const response = await get('app://wijktafel/assets/missing.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CSP_HEADER);
  });

  it.each([
    'app://wijktafel/%2e%2e/secret.txt',
    'app://wijktafel/..%5csecret.txt',
    'app://wijktafel/../secret.txt',
    'app://wijktafel/assets/link.txt',
    'app://evil/secret.txt',
  ])('never returns a file from outside the build: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://wijktafel/index.html', 'POST')).status).toBe(405);
    const head = await get('app://wijktafel/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('turns a read error into a 500 instead of rejecting', async () => {
    const failing = createAppProtocolHandler({
      root,
      fs: {
        readFile: () => Promise.reject(new Error('EIO')),
        stat: (p) => stat(p),
        realpath: (p) => realpath(p),
      },
    });
    expect((await failing({ url: 'app://wijktafel/index.html', method: 'GET' })).status).toBe(500);
  });

  it('knows the MIME types of the build output', () => {
    expect(mimeTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});
