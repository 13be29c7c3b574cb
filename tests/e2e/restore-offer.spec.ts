import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import { AppPage, PASSPHRASE } from './pages/app-page';
import { BackupPage } from './pages/backup-page';
import { installDesktopBridge } from './pages/desktop-bridge';

/**
 * The restore offer on start: the store is empty (Chromium lost it) and the desktop app has
 * automatic backups in its data folder. The first-run screen opens the list by itself, good
 * backups before held-apart (near-empty) ones, and restoring one brings the households back.
 */
test('an empty store with automatic backups present offers them on start, and one restores', async ({ app }, testInfo) => {
  const ui = new AppPage(app.page, app.baseURL);
  await ui.open();
  await ui.setup();
  await ui.createHousehold('Familie Terugkeer', [{ role: 'ouder', firstName: 'Hanneke', lastName: 'Terugkeer' }]);
  const backup = new BackupPage(app.page);
  await backup.open();
  const file = testInfo.outputPath('auto.wijktafel');
  await backup.makeBackup(file);
  const bytes = new Uint8Array(await readFile(file));

  // The store is lost; the shell still has a good automatic backup and a newer, held-apart one.
  await app.close();
  await rm(join(app.profileDir, 'Default', 'IndexedDB'), { recursive: true, force: true });
  const page = await app.restart();
  await installDesktopBridge(page, [
    { name: 'wijktafel-20260302T100000000Z-held-h0-00000002.wtbackup', createdAt: '2026-03-02T10:00:00.000Z', kind: 'held', households: 0, bytes },
    { name: 'wijktafel-20260301T100000000Z-daily-h1-00000001.wtbackup', createdAt: '2026-03-01T10:00:00.000Z', kind: 'daily', households: 1, bytes },
  ]);
  const ui2 = new AppPage(page, app.baseURL);
  await ui2.open();
  expect(await ui2.gate()).toBe('setup');
  const offer = page.getByRole('complementary', { name: 'Al een back-up?' });
  await expect(offer.getByText('Er zijn 2 automatische back-ups op deze computer gevonden.')).toBeVisible();
  // Opened by itself (no click needed), the good backup first, with its household count.
  const choices = offer.locator('.restore-offer__list button');
  await expect(choices).toHaveCount(2);
  await expect(choices.first()).toHaveText(/terugzetten \(huishoudens: 1\)$/);
  await expect(choices.nth(1)).toHaveText(/terugzetten \(huishoudens: 0\)$/);
  await expectAccessible(page, 'first-run screen with automatic backups');

  await choices.first().focus();
  await page.keyboard.press('Enter');
  await expect(offer.locator('[data-ready="backup-inspected"]')).toBeVisible();
  await offer.getByLabel('Wachtzin van de back-up').fill(PASSPHRASE);
  await offer.getByRole('button', { name: 'Back-up controleren' }).click();
  await expect(offer.locator('[data-ready="restore-plan"]')).toBeVisible({ timeout: 30_000 });
  await expect(offer.locator('tr[data-table="households"] td').nth(1)).toHaveText('1');
  await new BackupPage(page).confirmRestore(offer);
  await ui2.unlock(PASSPHRASE);
  await ui2.gotoList();
  await expect(page.getByRole('link', { name: 'Familie Terugkeer' })).toBeVisible();
});

test('without automatic backups the offer stays closed until asked', async ({ app }) => {
  await installDesktopBridge(app.page, []);
  const ui = new AppPage(app.page, app.baseURL);
  await ui.open();
  const offer = app.page.getByRole('complementary', { name: 'Al een back-up?' });
  await expect(offer.getByRole('button', { name: 'Herstellen uit back-up' })).toBeVisible();
  await expect(offer.getByText(/automatische back-ups op deze computer gevonden/)).toHaveCount(0);
  await expect(offer.locator('.restore-offer__list')).toHaveCount(0);
});
