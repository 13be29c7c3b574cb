import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { APP_HOST, APP_SCHEME, parseUrl } from './app-origin';
import { CSP_HEADER, securityHeaders } from './csp';

/**
 * Privileges for `app://`, registered before the app is ready. `standard` gives the scheme
 * real origins (app://wijktafel), so IndexedDB, relative URLs and CSP 'self' work; `secure`
 * makes it a secure context (WebCrypto); `supportFetchAPI` lets the renderer fetch its own
 * assets (the Argon2 WASM). Deliberately NOT set: bypassCSP, corsEnabled, allowServiceWorkers,
 * stream, codeCache — the app needs none of them.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

export function mimeTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type ResolvedRequest =
  | { kind: 'file'; path: string; spaFallback: boolean }
  | { kind: 'forbidden'; reason: string };

/**
 * Maps an app:// URL to a file under `root`, or refuses it. This is the path-traversal guard:
 * the renderer (or anything that manages to make it navigate) must never read a file outside
 * the built UI — not the user's home, not the backups folder, not the app's own main code.
 * Refusal is fail-closed: anything odd is refused, nothing is "cleaned up" and served.
 */
export function resolveAppRequest(root: string, rawUrl: string): ResolvedRequest {
  const url = parseUrl(rawUrl);
  if (url === null) return { kind: 'forbidden', reason: 'unparsable' };
  if (url.protocol !== `${APP_SCHEME}:`) return { kind: 'forbidden', reason: 'scheme' };
  // Only our own host: app://other/ is a different origin and has no business here.
  if (url.host !== APP_HOST || url.username !== '' || url.password !== '') {
    return { kind: 'forbidden', reason: 'host' };
  }

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'forbidden', reason: 'encoding' };
  }
  // NUL bytes truncate paths in native code; backslashes are separators on Windows and
  // colons start drive letters or alternate data streams. The build has none of them.
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point of this guard
  if (/[\u0000-\u001f\\:]/.test(decoded)) return { kind: 'forbidden', reason: 'characters' };

  const segments = decoded.split('/').filter((segment) => segment !== '');
  // '..' (also when it arrived as %2e%2e) and '.' are refused rather than normalised away.
  if (segments.some((segment) => segment === '..' || segment === '.')) {
    return { kind: 'forbidden', reason: 'traversal' };
  }

  const base = resolve(root);
  if (segments.length === 0) return { kind: 'file', path: join(base, 'index.html'), spaFallback: false };
  const candidate = resolve(base, ...segments);
  // Belt and braces after the checks above: the resolved path must stay inside the root.
  const rel = relative(base, candidate);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { kind: 'forbidden', reason: 'outside-root' };

  // Client-side routes (/households/12) have no extension: they get the SPA's index.html.
  // A missing asset with an extension is a 404, never HTML pretending to be a script.
  return { kind: 'file', path: candidate, spaFallback: extname(candidate) === '' };
}

/** The file-system surface the handler needs; node:fs/promises (asar-aware in Electron) fits. */
export type AppProtocolFs = {
  readFile(path: string): Promise<Uint8Array>;
  stat(path: string): Promise<{ isFile(): boolean }>;
  realpath(path: string): Promise<string>;
};

export type AppProtocolRequest = { url: string; method: string };

/**
 * The `protocol.handle('app', …)` handler: serves the built renderer with the strict CSP and
 * security headers on every response.
 */
export function createAppProtocolHandler(opts: {
  root: string;
  fs: AppProtocolFs;
  onRefused?: (reason: string) => void;
}): (request: AppProtocolRequest) => Promise<Response> {
  const base = resolve(opts.root);
  const headers = securityHeaders(CSP_HEADER);
  const refuse = (status: number, reason: string): Response => {
    opts.onRefused?.(reason);
    return new Response(null, { status, headers });
  };

  const isServableFile = async (path: string): Promise<boolean> => {
    const info = await opts.fs.stat(path).catch(() => null);
    if (info === null || !info.isFile()) return false;
    // A symlink in the build pointing elsewhere is refused like a '..'.
    const [real, realBase] = await Promise.all([opts.fs.realpath(path), opts.fs.realpath(base)]);
    const rel = relative(realBase, real);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };

  return async (request) => {
    try {
      return await serve(request);
    } catch {
      // A read error must not become an unhandled rejection inside the protocol stack.
      return refuse(500, 'read-error');
    }
  };

  async function serve(request: AppProtocolRequest): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'method');
    const resolved = resolveAppRequest(base, request.url);
    if (resolved.kind === 'forbidden') return refuse(403, resolved.reason);

    let path = resolved.path;
    if (!(await isServableFile(path))) {
      if (!resolved.spaFallback) return refuse(404, 'not-found');
      path = join(base, 'index.html');
      if (!(await isServableFile(path))) return refuse(404, 'no-index');
    }
    const body = await opts.fs.readFile(path);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...headers, 'Content-Type': mimeTypeFor(path) },
    });
  }
}
