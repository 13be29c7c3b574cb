import { EXPORT_CONTENT_CSS, EXPORT_PAGE_CSS, EXPORT_ROOT_DECLARATIONS } from '@shared/export/document';
import type { Platform, PrintOutcome, SaveMime } from './types';

/** Plain Chromium: downloads through an object URL, PDF through the browser's print dialog. */
function download(name: string, mime: SaveMime, data: string | Uint8Array): void {
  const blob = new Blob([typeof data === 'string' ? data : (data as Uint8Array<ArrayBuffer>)], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled; the blob holds exported (already minimised) content only.
  queueMicrotask(() => URL.revokeObjectURL(url));
}

/** Ends the print view that is up now (at most one), resolving its promise. */
let endCurrentPrint: (() => void) | null = null;

/**
 * The print view: a same-document container shown only by @media print (styles.css), so no new
 * window or frame is needed and the CSP stays closed. The export is rendered with its OWN print
 * CSS (shared/export/document.ts), inside a shadow root where the app's styles do not reach;
 * the page box (@page) must be document-level, so it is adopted for print only. Constructed
 * style sheets are CSSOM, which `style-src 'self'` allows (an inline <style> it would refuse).
 *
 * Honest about what a web page can know: `window.print()` shows the dialog (in Chromium it blocks
 * until the dialog closes) and `afterprint` fires when it is closed, printed or cancelled alike.
 * So this resolves 'dialog-opened' after `afterprint`, and the export log says just that.
 */
function printView(html: string): Promise<PrintOutcome> {
  endCurrentPrint?.();
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const host = document.createElement('div');
  host.className = 'print-host';
  host.dataset.testid = 'print-view';
  const root = host.attachShadow({ mode: 'open' });
  const content = new CSSStyleSheet();
  content.replaceSync(`:host { ${EXPORT_ROOT_DECLARATIONS} } ${EXPORT_CONTENT_CSS}`);
  root.adoptedStyleSheets = [content];
  root.append(...Array.from(parsed.body.childNodes));
  const page = new CSSStyleSheet();
  page.replaceSync(`@media print { ${EXPORT_PAGE_CSS} }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, page];
  document.body.classList.add('printing');
  document.body.appendChild(host);
  return new Promise<PrintOutcome>((resolve) => {
    const end = () => {
      window.removeEventListener('afterprint', end);
      if (endCurrentPrint === end) endCurrentPrint = null;
      host.remove();
      document.body.classList.remove('printing');
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== page);
      resolve('dialog-opened');
    };
    endCurrentPrint = end;
    window.addEventListener('afterprint', end);
    window.print();
  });
}

export const webPlatform: Platform = {
  kind: 'browser',
  async saveFile(name, mime, data) {
    download(name, mime, data);
    return true;
  },
  async printToPdf(_name, html) {
    return printView(html);
  },
  async copyText(text) {
    await navigator.clipboard.writeText(text);
  },
  onLockRequest() {
    return () => undefined;
  },
  autoBackup: null,
  keystore: null,
  async setContentProtection() {
    return false;
  },
};
