import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import { AppPage, PASSPHRASE } from './pages/app-page';
import { BackupPage } from './pages/backup-page';
import { contentHash, decryptStore, readRawStore } from './pages/backup-store';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

test('backup → wipe → restore gives a store with the same decrypted content', async ({ app }, testInfo) => {
  const ui = new AppPage(app.page, app.baseURL);
  const backup = new BackupPage(app.page);
  await ui.open();
  await ui.setup();
  await ui.createHousehold('Familie Bakker', [
    { role: 'ouder', firstName: 'Fatima', lastName: 'Bakker', birthDate: '1986-04-12', bsn: '111222333' },
    { role: 'kind', firstName: 'Noah', lastName: 'Bakker', birthDate: '2015-09-01' },
  ]);
  await ui.gotoList();
  await ui.createHousehold('Meneer de Wit', [{ role: 'anders', firstName: 'Kees', lastName: 'de Wit' }], 'Noord');
  await backup.open();
  await expectAccessible(app.page, 'backup screen');
  await expect(app.page.getByTestId('auto-browser')).toBeVisible(); // the browser says why there are no automatic backups
  await expect(app.page.getByTestId('storage-usage')).toContainText('gebruikt');

  const before = await decryptStore(await readRawStore(app.page), PASSPHRASE);
  const cutoff = new Date().toISOString();
  const file = testInfo.outputPath('store.wijktafel');
  await backup.makeBackup(file);
  await app.page.screenshot({ path: '/tmp/backup-screen.png', fullPage: true });

  // Wipe: Chromium lost the store (as on a full disk or a downgrade).
  await app.close();
  await rm(join(app.profileDir, 'Default', 'IndexedDB'), { recursive: true, force: true });
  await app.restart();
  const ui2 = new AppPage(app.page, app.baseURL);
  const backup2 = new BackupPage(app.page);
  await ui2.open();
  expect(await ui2.gate()).toBe('setup');
  // Not a first run: the profile held a store, so the app says the data is gone.
  await expect(app.page.locator('[data-ready="store-lost"]')).toContainText('Uw gegevens zijn niet meer te vinden');
  const offer = app.page.getByRole('complementary', { name: 'Al een back-up?' });
  await expect(offer).toBeVisible();
  await expectAccessible(app.page, 'setup with restore offer');
  await offer.getByRole('button', { name: 'Herstellen uit back-up' }).click();

  // A wrong passphrase first: clear message, nothing written (still the setup gate after reload).
  await backup2.checkBackup(offer, file, 'dit is niet de wachtzin');
  await expect(offer.getByRole('alert')).toContainText('Deze wachtzin past niet bij de back-up');

  await offer.getByLabel('Wachtzin van de back-up').fill(PASSPHRASE);
  await offer.getByRole('button', { name: 'Back-up controleren' }).click();
  await expect(offer.locator('[data-ready="restore-plan"]')).toBeVisible({ timeout: 30_000 });
  await expect(offer.locator('tr[data-table="households"] td').nth(1)).toHaveText('2');
  await expectAccessible(app.page, 'restore comparison');
  await app.page.screenshot({ path: '/tmp/backup-restore-plan.png', fullPage: true });
  await backup2.confirmRestore(offer);
  await ui2.unlock(PASSPHRASE);
  await expect(app.page.getByRole('link', { name: 'Familie Bakker' })).toBeVisible();

  const after = await decryptStore(await readRawStore(app.page), PASSPHRASE);
  // Audit entries written after the backup (backup made, restored, unlocked) are the only difference.
  const keep = (e: { at?: string }) => (e.at ?? '') <= cutoff;
  expect(contentHash(after, keep)).toBe(contentHash(before, keep));
  expect(after.households).toEqual(before.households);
  expect(after.audit?.some((a) => a.includes('backup.restore'))).toBe(true);
});

test('broken backups are refused with a clear message and the store stays as it was', async ({ app }) => {
  const ui = new AppPage(app.page, app.baseURL);
  const backup = new BackupPage(app.page);
  await ui.open();
  await ui.setup();
  await ui.createHousehold('Familie Smit', [{ role: 'ouder', firstName: 'Jan' }]);
  await backup.open();
  const before = await readRawStore(app.page);
  const section = backup.restoreSection();
  const cases: [string, string][] = [
    ['backup/truncated-half.wijktafel', 'onvolledig'],
    ['backup/tampered-checksum.wijktafel', 'controlesom'],
    ['backup/foreign-pdf.wijktafel', 'geen Wijktafel-back-up'],
    ['backup/newer-app.wijktafel', 'nieuwere versie van Wijktafel'],
    ['backup/wrong-key.wijktafel', 'wachtzin past niet'],
    ['backup/tampered-counts.wijktafel', 'gewijzigd of beschadigd'],
  ];
  for (const [file, text] of cases) {
    // The corpus' passphrase is the unit-test one; for the wrong-key file any passphrase is wrong.
    await backup.checkBackup(section, join(FIXTURES, file), 'correct paard batterij nietje');
    await expect(section.getByRole('alert')).toContainText(text);
    await expect(section.getByRole('alert')).toContainText('Er is niets veranderd');
  }
  await expectAccessible(app.page, 'restore error');
  const after = await readRawStore(app.page);
  expect(JSON.stringify(after.households)).toBe(JSON.stringify(before.households));
  expect(after.vault).toEqual(before.vault);
  await ui.gotoList();
  await expect(app.page.getByRole('link', { name: 'Familie Smit' })).toBeVisible();
});

test('spreadsheet import: mapping, row-by-row report, formula injection neutralised, all-or-nothing write', async ({ app }) => {
  const ui = new AppPage(app.page, app.baseURL);
  const backup = new BackupPage(app.page);
  await ui.open();
  await ui.setup();
  await backup.open();
  const section = backup.importSection();
  await section.getByLabel('Spreadsheet (.xlsx of .csv)').setInputFiles(join(FIXTURES, 'import/invalid-rows.csv'));
  await expect(section.locator('[data-ready="import-mapping"]')).toBeVisible();
  await expect(section.getByLabel('Importeren als (kolom "Geboortedatum")')).toHaveValue('birthDate');
  await expect(section.getByLabel('Importeren als (kolom "Huishouden")')).toHaveValue('household');
  await expectAccessible(app.page, 'import mapping');
  await app.page.screenshot({ path: '/tmp/backup-import-mapping.png', fullPage: true });
  await section.getByRole('button', { name: 'Controleren' }).click();
  await expect(section.locator('[data-ready="import-report"]')).toBeVisible();
  await expect(section.getByTestId('import-summary')).toHaveText('4 regels worden geïmporteerd als 3 huishoudens; 7 regels worden overgeslagen.');
  await expect(section.locator('tr[data-row="6"]')).toContainText('Vul een bestaande datum in');
  await expect(section.locator('tr[data-row="7"]')).toContainText('in zijn geheel overgeslagen');
  await expect(section.locator('tr[data-row="9"]')).toContainText('elfproef');
  await expectAccessible(app.page, 'import report');
  await app.page.screenshot({ path: '/tmp/backup-import-report.png', fullPage: true });
  await section.getByRole('button', { name: '3 huishoudens importeren' }).click();
  await expect(section.locator('[data-ready="imported"]')).toHaveText('3 huishoudens geïmporteerd.');
  await ui.gotoList();
  await expect(app.page.getByRole('link', { name: 'Familie Çelik' })).toBeVisible();
  await expect(app.page.getByRole('link', { name: 'Familie Fout' })).toHaveCount(0);

  // Formula injection and Windows-1252 are reported.
  await backup.open();
  await section.getByLabel('Spreadsheet (.xlsx of .csv)').setInputFiles(join(FIXTURES, 'import/formula-injection.csv'));
  await section.getByRole('button', { name: 'Controleren' }).click();
  await expect(section.getByTestId('import-neutralised')).toContainText('In 3 regels begon een cel met =');
  await expect(section.locator('tr[data-row="2"]')).toContainText('Voornaam: formule onschadelijk gemaakt');
  await section.getByRole('button', { name: 'Ander bestand kiezen' }).click();
  await section.getByLabel('Spreadsheet (.xlsx of .csv)').setInputFiles(join(FIXTURES, 'import/windows-1252.csv'));
  await expect(section.locator('[data-encoding="windows-1252"]')).toContainText('Windows-1252');
  await section.getByRole('button', { name: 'Ander bestand kiezen' }).click();
  await section.getByLabel('Spreadsheet (.xlsx of .csv)').setInputFiles(join(FIXTURES, 'import/truncated.xlsx'));
  await expect(section.getByRole('alert')).toContainText('Dit Excel-bestand is onvolledig (afgebroken tijdens kopiëren of downloaden)');
});

test('a database from a newer app version is refused with the "newer version" message', async ({ app }) => {
  // Make the origin's IndexedDB hold a version-999 database before the app ever opens it: from a
  // same-origin page that is NOT the app (a missing file is a plain 404, so no app code runs).
  await app.page.goto(`${app.baseURL}/not-the-app.txt`);
  await app.page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const req = indexedDB.open('wijktafel', 9990);
        req.onupgradeneeded = () => req.result.createObjectStore('future', { keyPath: 'id' }).add({ id: 'x' });
        req.onsuccess = () => {
          req.result.close();
          resolve();
        };
      }),
  );
  const ui = new AppPage(app.page, app.baseURL);
  await ui.open();
  expect(await ui.gate()).toBe('newer-db');
  await expect(app.page.getByRole('alert')).toBeVisible();
  await expectAccessible(app.page, 'newer database');
  const version = await app.page.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'wijktafel')?.version);
  expect(version).toBe(9990); // untouched
});

test('storage that cannot be opened at start (still held after a crash) says so and opens on "Opnieuw proberen"', async ({ app }) => {
  // While "held", opening the app's database fails the way Chromium fails it while the store is
  // still held by a process that has not ended yet (Dexie's own three quick retries included);
  // once released, every open is the real one.
  await app.page.addInitScript(() => {
    const open = IDBFactory.prototype.open;
    const flags = globalThis as unknown as { storeHeld: boolean };
    flags.storeHeld = true;
    IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
      if (name === 'wijktafel' && flags.storeHeld) {
        throw new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
      }
      return version === undefined ? open.call(this, name) : open.call(this, name, version);
    };
  });
  const ui = new AppPage(app.page, app.baseURL);
  await ui.open();
  expect(await ui.gate()).toBe('storage-error');
  await expect(app.page.getByRole('alert')).toContainText('Sluit dat venster, wacht even en probeer het opnieuw');
  await expectAccessible(app.page, 'storage error at start');
  await app.page.screenshot({ path: test.info().outputPath('storage-error-start.png') });
  await app.page.evaluate(() => ((globalThis as unknown as { storeHeld: boolean }).storeHeld = false));
  await app.page.getByRole('button', { name: 'Opnieuw proberen' }).focus();
  await app.page.keyboard.press('Enter');
  await ui.setup();
});

test('storage held for a moment at start (the first opens fail) opens by itself, without the error screen', async ({ app }) => {
  // The first six opens fail as while the store is still held after a crash, then it is free:
  // counted opens, not time, so the test means the same on a fast and a busy machine.
  await app.page.addInitScript(() => {
    const open = IDBFactory.prototype.open;
    let failures = 6; // Dexie itself tries the first open four times; the app must try the rest
    IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
      if (name === 'wijktafel' && failures > 0) {
        failures--;
        throw new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
      }
      return version === undefined ? open.call(this, name) : open.call(this, name, version);
    };
  });
  const gates: string[] = [];
  await app.page.exposeFunction('noteGate', (g: string) => gates.push(g));
  await app.page.addInitScript(() => {
    new MutationObserver(() => void (window as unknown as { noteGate: (g: string) => void }).noteGate(document.body.dataset.gate ?? '')).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-gate'] });
  });
  const ui = new AppPage(app.page, app.baseURL);
  await ui.open();
  await ui.setup();
  expect(gates).not.toContain('storage-error');
});
