import { readFile, writeFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { BackupPage } from './pages/backup-page';

/**
 * Issue 14, point 4 (backup part): a backup file is read and its checksum computed in a Web
 * Worker, with progress and a stop button. Proven by what the worker is sent and answers (a probe
 * around the Worker constructor, installed before the app loads), not by how fast anything is:
 * the probe can hold the worker's answers, so "still reading" lasts exactly as long as the test
 * wants.
 */
type Reply = { type: unknown; done?: unknown; total?: unknown; code?: unknown } | null;
type Probe = { created: string[]; posted: { type: unknown; blob: boolean }[]; replies: Reply[]; terminated: number; hold: boolean };

/** Serialised into the page: must not reference anything outside itself. Records message types and byte counts only. */
function installBackupWorkerProbe(): void {
  const probe: Probe = { created: [], posted: [], replies: [], terminated: 0, hold: false };
  (window as unknown as { __backupProbe: Probe }).__backupProbe = probe;
  const Original = window.Worker;
  class ProbedWorker extends Original {
    private readonly backup: boolean;
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.backup = String(url).includes('backup-file');
      if (this.backup) probe.created.push(String(url).split('/').pop() ?? '');
    }
    override addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void {
      if (!this.backup || type !== 'message' || typeof listener !== 'function') return super.addEventListener(type, listener, options);
      super.addEventListener(
        type,
        (e: Event) => {
          const d = (e as MessageEvent<unknown>).data as { type?: unknown; done?: unknown; total?: unknown; code?: unknown } | null;
          probe.replies.push(d ? { type: d.type, done: d.done, total: d.total, code: d.code } : null);
          // Held answers are never delivered: the worker seems to be still busy.
          if (!probe.hold) listener(e);
        },
        options,
      );
    }
    override postMessage(message: unknown, options?: StructuredSerializeOptions | Transferable[]): void {
      const m = message as { type?: unknown; file?: unknown } | null;
      if (this.backup) probe.posted.push({ type: m?.type, blob: m?.file instanceof Blob });
      if (Array.isArray(options)) super.postMessage(message, options);
      else super.postMessage(message, options);
    }
    override terminate(): void {
      if (this.backup) probe.terminated++;
      super.terminate();
    }
  }
  window.Worker = ProbedWorker;
}

test('a backup file is read and checked in a worker, with progress and a stop button', async ({ app }, testInfo) => {
  const page = app.page;
  await page.addInitScript(installBackupWorkerProbe);
  const ui = new AppPage(page, app.baseURL);
  const backup = new BackupPage(page);
  await ui.open();
  await ui.setup();
  await ui.createHousehold('Familie Worker', [{ role: 'ouder', firstName: 'Wim', lastName: 'Worker' }]);
  await backup.open();
  const file = testInfo.outputPath('store.wijktafel');
  await backup.makeBackup(file);
  const probe = () => page.evaluate(() => (window as unknown as { __backupProbe: Probe }).__backupProbe);
  const section = backup.restoreSection();
  const input = section.getByLabel('Back-upbestand (.wijktafel)');

  // 1. The worker's answers are held: the panel shows it is reading, with a stop button; stopping ends the worker.
  await page.evaluate(() => ((window as unknown as { __backupProbe: Probe }).__backupProbe.hold = true));
  await input.setInputFiles(file);
  await expect(section.locator('[data-ready="backup-reading"]')).toBeVisible();
  await expect(section.getByRole('progressbar')).toBeVisible();
  await expect.poll(async () => (await probe()).replies.some((r) => r?.type === 'done')).toBe(true);
  await section.getByRole('button', { name: 'Stoppen' }).click();
  await expect(section.getByRole('alert')).toContainText('U heeft het controleren gestopt');
  await expect(section.locator('[data-ready="backup-reading"]')).toHaveCount(0);
  await expect(section.locator('[data-ready="backup-inspected"]')).toHaveCount(0);
  let p = await probe();
  expect(p.created).toHaveLength(1);
  expect(p.posted).toEqual([{ type: 'read', blob: true }]);
  expect(p.terminated).toBe(1);

  // 2. Answers delivered: the worker reports progress over the whole body, then the checked file.
  await page.evaluate(() => {
    const pr = (window as unknown as { __backupProbe: Probe }).__backupProbe;
    pr.hold = false;
    pr.replies = [];
  });
  const again = testInfo.outputPath('again.wijktafel');
  await writeFile(again, await readFile(file));
  await input.setInputFiles(again);
  await expect(section.locator('[data-ready="backup-inspected"]')).toBeVisible();
  p = await probe();
  expect(p.created).toHaveLength(2);
  expect(p.posted.at(-1)).toEqual({ type: 'read', blob: true });
  const progress = p.replies.filter((r) => r?.type === 'progress');
  expect(progress.length).toBeGreaterThanOrEqual(2);
  expect(progress[0]?.done).toBe(0);
  expect(progress.at(-1)?.done).toBe(progress.at(-1)?.total);
  expect(p.replies.at(-1)?.type).toBe('done');
  expect(p.terminated).toBe(2);

  // 3. A damaged body: the worker computes the checksum and says it does not match.
  const bytes = await readFile(file);
  bytes[bytes.length - 5] = (bytes[bytes.length - 5] ?? 0) ^ 0xff;
  const damaged = testInfo.outputPath('damaged.wijktafel');
  await writeFile(damaged, bytes);
  await input.setInputFiles(damaged);
  await expect(section.getByRole('alert')).toContainText('controlesom');
  p = await probe();
  expect(p.replies.at(-1)).toMatchObject({ type: 'error', code: 'checksum' });
});
