import { describe, expect, it, vi } from 'vitest';
import { PRINT_CSP_HEADER } from '../../../electron/csp';
import { createPrintRoutes, renderHtmlToPdf, type PrintWindow } from '../../../electron/print-pdf';

const HTML = '<!doctype html><style>h1{color:red}</style><h1>Plan van aanpak</h1>';

describe('print routes', () => {
  it('serves a registered page once, with the strict print CSP, until disposed', async () => {
    const routes = createPrintRoutes(() => 'token-1');
    const { url, dispose } = routes.add(HTML);
    expect(url).toBe('app://print/token-1');
    const response = routes.handler({ url, method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(PRINT_CSP_HEADER);
    expect(await response.text()).toBe(HTML);
    dispose();
    expect(routes.handler({ url, method: 'GET' }).status).toBe(404);
    expect(routes.size()).toBe(0);
  });

  it.each(['app://print/other-token', 'app://wijktafel/token-1', 'app://print/token-1/../token-1x', 'https://print/token-1'])(
    'does not serve %s',
    (url) => {
      const routes = createPrintRoutes(() => 'token-1');
      routes.add(HTML);
      expect(routes.handler({ url, method: 'GET' }).status).toBe(404);
    },
  );
});

function fakeWindow(overrides: Partial<{ load: () => Promise<void>; print: () => Promise<Uint8Array> }> = {}) {
  const window = {
    loadURL: vi.fn(overrides.load ?? (async () => undefined)),
    webContents: { printToPDF: vi.fn(overrides.print ?? (async () => Buffer.from('%PDF-1.7'))) },
    destroy: vi.fn(),
  } satisfies PrintWindow;
  return window;
}

describe('renderHtmlToPdf', () => {
  it('loads the one-shot route, prints A4, then destroys the window and the route', async () => {
    const routes = createPrintRoutes(() => 't');
    const window = fakeWindow();
    const pdf = await renderHtmlToPdf(HTML, { routes, createWindow: () => window });
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.7');
    expect(window.loadURL).toHaveBeenCalledWith('app://print/t');
    expect(window.webContents.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4' }));
    expect(window.destroy).toHaveBeenCalledTimes(1);
    expect(routes.size()).toBe(0);
  });

  it('cleans up when printing fails', async () => {
    const routes = createPrintRoutes();
    const window = fakeWindow({ print: () => Promise.reject(new Error('print failed')) });
    await expect(renderHtmlToPdf(HTML, { routes, createWindow: () => window })).rejects.toThrow('print failed');
    expect(window.destroy).toHaveBeenCalledTimes(1);
    expect(routes.size()).toBe(0);
  });

  it('gives up on a page that never loads', async () => {
    const routes = createPrintRoutes();
    const window = fakeWindow({ load: () => new Promise<void>(() => undefined) });
    await expect(renderHtmlToPdf(HTML, { routes, createWindow: () => window, timeoutMs: 20 })).rejects.toThrow('timed out');
    expect(window.destroy).toHaveBeenCalledTimes(1);
    expect(routes.size()).toBe(0);
  });
});
