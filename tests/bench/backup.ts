import type { Page } from '@playwright/test';
import { stat } from 'node:fs/promises';

/**
 * The `backup` phase (issue 14, point 5): a backup of the benchmark store made THROUGH THE UI
 * ("Back-up opslaan", the browser build downloads it), restored through the UI on a fresh
 * profile (the first-run screen's restore offer), and the two stores compared table by table.
 * Times are from the click to the app's own signal (`data-ready`), taken in the page; long tasks
 * come from the `longtask` observer of installPageTools.
 */
type Bench = { waitFor(check: () => boolean, timeoutMs?: number, label?: string): Promise<number>; longTasks: { start(): void; stop(): number[] } };
type BenchWindow = { __bench: Bench };

/** Per table: row count and SHA-256 of the rows as stored (sealed), keys sorted. Audit: of its first `auditRows` rows only. */
export type StoreFingerprint = Record<string, { rows: number; sha256: string }>;

/**
 * The fingerprint of the app's IndexedDB, read raw in the page (no app code). The vault row's
 * `keystore` field is left out: restore drops it on purpose (it belongs to the machine the
 * backup was made on). Only sealed bytes are hashed; nothing is decrypted or leaves the page but
 * the digests.
 */
export async function storeFingerprint(page: Page, auditRows?: number): Promise<StoreFingerprint> {
  return page.evaluate(async (limit) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('wijktafel');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(new Error('bench: open failed'));
    });
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readonly');
    const all = await Promise.all(
      names.map(
        (n) =>
          new Promise<[string, unknown[]]>((resolve, reject) => {
            const req = tx.objectStore(n).getAll();
            req.onsuccess = () => resolve([n, req.result as unknown[]]);
            req.onerror = () => reject(new Error(`bench: read ${n} failed`));
          }),
      ),
    );
    db.close();
    const canonical = (v: unknown): string => {
      if (v instanceof Uint8Array) return `"b:${Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('')}"`;
      if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
      if (v && typeof v === 'object') {
        return `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
          .join(',')}}`;
      }
      return JSON.stringify(v) ?? 'null';
    };
    const out: Record<string, { rows: number; sha256: string }> = {};
    for (const [name, rows0] of all) {
      let rows = rows0;
      if (name === 'audit' && limit !== null) rows = rows.slice(0, limit);
      if (name === 'vault') rows = rows.map((r) => Object.fromEntries(Object.entries(r as Record<string, unknown>).filter(([k]) => k !== 'keystore')));
      const text = new TextEncoder().encode(rows.map(canonical).join('\n'));
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', text));
      out[name] = { rows: name === 'audit' ? rows0.length : rows.length, sha256: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('') };
    }
    return out;
  }, auditRows ?? null);
}

export type BackupResult = {
  makeMs: number;
  makeLongTasks: number[];
  fileBytes: number;
  readMs: number;
  checkMs: number;
  writeMs: number;
  restoreLongTasks: number[];
  tables: number;
  /** Tables whose rows differ after the round trip (empty: identical). */
  mismatched: string[];
};

/**
 * Back up the unlocked store on `page` through the UI into `file`, then restore it through the UI
 * on `fresh` (a page of a new, empty profile on the same origin) and compare.
 */
export async function measureBackup(
  page: Page,
  fresh: Page,
  opts: Readonly<{ baseURL: string; passphrase: string; file: string; timeoutMs: number; installTools: (p: Page) => Promise<void> }>,
): Promise<BackupResult> {
  const before = await storeFingerprint(page);
  const auditRows = before.audit?.rows ?? 0;
  await page.getByRole('link', { name: 'Back-up & import' }).click();
  await page.locator('[data-ready="backup-screen"]').waitFor({ timeout: 60_000 });
  await opts.installTools(page);
  const download = page.waitForEvent('download', { timeout: opts.timeoutMs });
  const made = page.evaluate(async (timeout) => {
    const b = (window as unknown as BenchWindow).__bench;
    const button = [...document.querySelectorAll('button')].find((x) => x.textContent?.trim() === 'Back-up opslaan');
    if (!button) throw new Error('bench: no backup button');
    b.longTasks.start();
    const t0 = performance.now();
    button.click();
    const t1 = await b.waitFor(() => document.querySelector('[data-ready="backup-made"]') !== null, timeout, 'backup made');
    return { ms: t1 - t0, longTasks: b.longTasks.stop() };
  }, opts.timeoutMs);
  await (await download).saveAs(opts.file);
  const { ms: makeMs, longTasks: makeLongTasks } = await made;
  const fileBytes = (await stat(opts.file)).size;

  // A fresh profile: the first-run screen offers the restore.
  await fresh.goto(`${opts.baseURL}/`);
  await fresh.locator('[data-ready="setup"]').waitFor({ timeout: 60_000 });
  const offer = fresh.getByRole('complementary', { name: 'Al een back-up?' });
  await offer.getByRole('button', { name: 'Herstellen uit back-up' }).click();
  await opts.installTools(fresh);
  await fresh.evaluate(() => (window as unknown as BenchWindow).__bench.longTasks.start());
  const t0 = Date.now();
  await offer.getByLabel('Back-upbestand (.wijktafel)').setInputFiles(opts.file);
  await offer.locator('[data-ready="backup-inspected"]').waitFor({ timeout: opts.timeoutMs });
  const readMs = Date.now() - t0;
  await offer.getByLabel('Wachtzin van de back-up').fill(opts.passphrase);
  const t1 = Date.now();
  await offer.getByRole('button', { name: 'Back-up controleren' }).click();
  await offer.locator('[data-ready="restore-plan"]').waitFor({ timeout: opts.timeoutMs });
  const checkMs = Date.now() - t1;
  await offer.getByLabel('Ik begrijp dat alle huidige gegevens worden vervangen door de back-up').check();
  const t2 = Date.now();
  await offer.getByRole('button', { name: 'Vervangen en herstellen' }).click();
  await offer.locator('[data-ready="restored"]').waitFor({ timeout: opts.timeoutMs });
  const writeMs = Date.now() - t2;
  const restoreLongTasks = await fresh.evaluate(() => (window as unknown as BenchWindow).__bench.longTasks.stop());

  // Every table as it was; the audit log as it was, plus the restore's own entry.
  const after = await storeFingerprint(fresh, auditRows);
  const mismatched = Object.keys({ ...before, ...after }).filter((name) => {
    const a = before[name];
    const b = after[name];
    if (!a || !b) return true;
    if (name === 'audit') return a.sha256 !== b.sha256 || b.rows !== a.rows + 1;
    return a.rows !== b.rows || a.sha256 !== b.sha256;
  });
  return { makeMs, makeLongTasks, fileBytes, readMs, checkMs, writeMs, restoreLongTasks, tables: Object.keys(before).length, mismatched };
}
