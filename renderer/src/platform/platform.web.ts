import type { Platform, SaveMime } from './types';

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

export const webPlatform: Platform = {
  kind: 'browser',
  async saveFile(name, mime, data) {
    download(name, mime, data);
    return true;
  },
  async printToPdf(_name, html) {
    // The print view is a same-document container shown only by @media print (see styles.css),
    // so no new window or frame is needed and the CSP stays closed.
    const host = document.createElement('div');
    host.className = 'print-host';
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    host.append(...Array.from(parsed.body.childNodes));
    document.body.classList.add('printing');
    document.body.appendChild(host);
    try {
      window.print();
    } finally {
      host.remove();
      document.body.classList.remove('printing');
    }
    return true;
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
