/**
 * What the renderer needs from the machine it runs on. Two implementations:
 * electron.ts (the preload bridge) and web.ts (plain Chromium: downloads, window.print,
 * no OS key store). Features call `platform()` and never touch `window.wijktafel` directly.
 */
export type SaveMime =
  | 'application/pdf'
  | 'text/html'
  | 'text/markdown'
  | 'text/plain'
  | 'text/csv'
  | 'application/json'
  | 'application/octet-stream';

export type PrintOutcome = 'saved' | 'cancelled' | 'dialog-opened';

export type BackupInfo = {
  name: string;
  size: number;
  createdAt: string;
  /** 'held': kept apart because it holds far fewer households than the backup before it. */
  kind: 'change' | 'daily' | 'held';
  /** Households in the backup (from its plain header); null for older backups. */
  households: number | null;
};

export interface Platform {
  readonly kind: 'electron' | 'browser';
  /** Save a file the user chose to export. Resolves false when the user cancelled. */
  saveFile(suggestedName: string, mimeType: SaveMime, data: string | Uint8Array): Promise<boolean>;
  /**
   * Print HTML to PDF (desktop: sandboxed print window + save dialog; browser: the print dialog).
   * Says only what is known: the desktop shell knows whether the file was saved ('saved') or
   * the dialog cancelled ('cancelled'); a web page only knows that the print dialog showed the
   * document and was closed again ('dialog-opened'), not whether it was printed.
   */
  printToPdf(suggestedName: string, html: string): Promise<PrintOutcome>;
  /** Put text the user chose to export on the clipboard (a letter pasted into a mail). */
  copyText(text: string): Promise<void>;
  /** Subscribe to lock requests from the OS (screen lock, suspend). */
  onLockRequest(listener: () => void): () => void;
  /** Automatic backups in the app's data folder (desktop only; null in the browser). */
  readonly autoBackup: {
    /** `removedOnPurpose`: households deleted on purpose since the newest good backup. */
    write(data: Uint8Array, reason: 'change' | 'daily', opts?: { removedOnPurpose?: number }): Promise<{ written: boolean; held: boolean }>;
    list(): Promise<BackupInfo[]>;
    read(name: string): Promise<Uint8Array>;
  } | null;
  /** OS key store ("remember on this device"); null where unavailable or a plain-text fallback. */
  readonly keystore: {
    status(): Promise<{ available: boolean; backend: string }>;
    wrap(secret: Uint8Array): Promise<Uint8Array>;
    unwrap(wrapped: Uint8Array): Promise<Uint8Array>;
  } | null;
  setContentProtection(enabled: boolean): Promise<boolean>;
}
