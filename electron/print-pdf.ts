import { randomUUID } from 'node:crypto';
import { APP_SCHEME, parseUrl } from './app-origin';
import { PRINT_CSP_HEADER, securityHeaders } from './csp';

/**
 * HTML → PDF for exports.
 *
 * How the HTML gets into the hidden window — the choice and why:
 * - Not a data: URL: Chromium caps URLs at 2 MB, and an export with a few embedded images is
 *   larger; a data: document also gets no response headers, so no CSP header.
 * - Not a temp file: it would put resident data on disk in plain text and need file://.
 * - Chosen: a one-shot in-memory route `app://print/<random uuid>` served by a protocol
 *   handler on a separate, non-persistent session used only for printing. The document gets
 *   a strict CSP header (nothing loads but inline styles and data: images), its origin and
 *   storage are separate from the app's (app://wijktafel in the default session), JavaScript
 *   is off in the window, and the route is removed as soon as the PDF is made.
 */
export const PRINT_HOST = 'print';

export type PrintRoutes = {
  handler(request: { url: string; method: string }): Response;
  add(html: string): { url: string; dispose(): void };
  size(): number;
};

export function createPrintRoutes(newToken: () => string = randomUUID): PrintRoutes {
  const pages = new Map<string, string>();
  return {
    handler(request) {
      const url = parseUrl(request.url);
      const token = url?.pathname.replace(/^\//, '') ?? '';
      const html = url !== null && url.protocol === `${APP_SCHEME}:` && url.host === PRINT_HOST ? pages.get(token) : undefined;
      if (request.method !== 'GET' || html === undefined) {
        return new Response(null, { status: 404, headers: securityHeaders(PRINT_CSP_HEADER) });
      }
      return new Response(html, {
        status: 200,
        headers: { ...securityHeaders(PRINT_CSP_HEADER), 'Content-Type': 'text/html; charset=utf-8' },
      });
    },
    add(html) {
      const token = newToken();
      pages.set(token, html);
      return { url: `${APP_SCHEME}://${PRINT_HOST}/${token}`, dispose: () => pages.delete(token) };
    },
    size: () => pages.size,
  };
}

export type PrintWindow = {
  loadURL(url: string): Promise<void>;
  webContents: { printToPDF(options: { pageSize: 'A4'; printBackground: boolean; preferCSSPageSize: boolean }): Promise<Uint8Array> };
  destroy(): void;
};

export async function renderHtmlToPdf(
  html: string,
  deps: { routes: PrintRoutes; createWindow: () => PrintWindow; timeoutMs?: number },
): Promise<Uint8Array<ArrayBuffer>> {
  const route = deps.routes.add(html);
  const window = deps.createWindow();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('print timed out')), deps.timeoutMs ?? 30_000);
    });
    await Promise.race([window.loadURL(route.url), timeout]);
    const pdf = await Promise.race([
      window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }),
      timeout,
    ]);
    return new Uint8Array(pdf);
  } finally {
    clearTimeout(timer);
    // The window and the in-memory page go away whatever happened: no copy lingers.
    window.destroy();
    route.dispose();
  }
}
