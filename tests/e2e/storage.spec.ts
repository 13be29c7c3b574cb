import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { AppPage, PASSPHRASE } from './pages/app-page';
import { decryptStore, readRawStore } from './pages/backup-store';

/**
 * Storage health in normal use: a full disk on an ordinary save, and "nearly full" app-wide.
 * Both conditions are simulated before any app code runs (page.addInitScript): the browser's
 * storage estimate is stubbed, and IndexedDB writes can be made to fail the way a full disk
 * makes them fail (QuotaExceededError thrown by IDBObjectStore.put/add).
 */

/** Test-only hook: while `window.__diskFull` is true, every IndexedDB put/add throws QuotaExceededError. */
async function installDiskFullHook(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const proto = IDBObjectStore.prototype;
    const put = proto.put;
    const add = proto.add;
    const full = () => (window as Window & { __diskFull?: boolean }).__diskFull === true;
    proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (full()) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    proto.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (full()) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return add.apply(this, args);
    };
  });
}

const setDiskFull = (page: Page, full: boolean) =>
  page.evaluate((f) => {
    (window as Window & { __diskFull?: boolean }).__diskFull = f;
  }, full);

test('a save on a full disk says so clearly, app-wide, and loses nothing', async ({ app }) => {
  await installDiskFullHook(app.page);
  const ui = new AppPage(app.page, app.baseURL);
  await ui.open();
  await ui.setup();
  const id = await ui.createHousehold('Familie Volle Schijf', [{ role: 'ouder', firstName: 'Riet', lastName: 'Schijf' }]);
  const before = await decryptStore(await readRawStore(app.page), PASSPHRASE);

  await app.page.getByRole('link', { name: 'Bewerken' }).click();
  await expect(app.page.locator('[data-ready="household-form"]')).toBeVisible();
  await app.page.getByLabel('Naam van het huishouden').fill('Familie Nooit Opgeslagen');
  await setDiskFull(app.page, true);
  await app.page.getByRole('button', { name: 'Opslaan' }).click();

  // The save's own message, next to the button …
  const saveError = app.page.locator('[data-error="disk-full"]');
  await expect(saveError).toHaveText('De schijf is vol: dit is niet opgeslagen, maar er is niets verloren gegaan. Maak ruimte vrij op deze computer en probeer het opnieuw.');
  // … and the app-wide banner.
  const banner = app.page.getByTestId('storage-banner');
  await expect(banner).toHaveAttribute('data-state', 'full');
  await expect(banner).toContainText('De schijf is vol');
  await expect(banner).toContainText('er is niets verloren gegaan');
  await expect(app.page.locator('[data-ready="household-form"]')).toBeVisible(); // the typed text is still on screen
  await expectAccessible(app.page, 'household form with a disk-full error');

  // Nothing was half written: the stored, decrypted content is exactly as before.
  await setDiskFull(app.page, false);
  expect(await decryptStore(await readRawStore(app.page), PASSPHRASE)).toEqual(before);

  // Space is back: the same save now works, and the banner can be closed with the keyboard.
  await app.page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(app.page.locator('[data-ready="household"]')).toBeVisible();
  await expect(app.page.getByRole('heading', { name: 'Familie Nooit Opgeslagen' })).toBeVisible();
  await banner.getByRole('button', { name: 'Melding sluiten' }).focus();
  await app.page.keyboard.press('Enter');
  await expect(banner).toHaveCount(0);
  await app.page.reload();
  await ui.unlock();
  await expect(app.page).toHaveURL(new RegExp(`#/households/${id}`));
  await expect(app.page.getByRole('heading', { name: 'Familie Nooit Opgeslagen' })).toBeVisible();
});

test('a nearly full disk is warned about on every screen after unlock, not only on the backup screen', async ({ app }) => {
  await app.page.addInitScript(() => {
    // 950 MB of 1 GB used: over 90 %, and under 200 MB left.
    StorageManager.prototype.estimate = () => Promise.resolve({ usage: 950_000_000, quota: 1_000_000_000 });
  });
  const ui = new AppPage(app.page, app.baseURL);
  await ui.open();
  await ui.setup();
  const banner = app.page.getByTestId('storage-banner');
  await expect(banner).toHaveAttribute('data-state', 'low');
  await expect(banner).toContainText('De opslag is bijna vol');
  await expectAccessible(app.page, 'household list with the storage banner');
  await ui.createHousehold('Familie Bijna Vol', [{ firstName: 'Kees' }]);
  await expect(banner).toBeVisible();
  await banner.getByRole('link', { name: 'Naar back-up' }).click();
  await expect(app.page.locator('[data-ready="backup-screen"]')).toBeVisible();
  await expect(app.page.getByTestId('storage-warning')).toBeVisible();
});

test('with plenty of space there is no storage banner', async ({ app }) => {
  await app.page.addInitScript(() => {
    StorageManager.prototype.estimate = () => Promise.resolve({ usage: 5_000_000, quota: 50_000_000_000 });
  });
  const ui = new AppPage(app.page, app.baseURL);
  await ui.open();
  await ui.setup();
  await ui.createHousehold('Familie Ruimte', [{ firstName: 'Bram' }]);
  await expect(app.page.locator('[data-ready="household"]')).toBeVisible();
  await expect(app.page.getByTestId('storage-banner')).toHaveCount(0);
});
