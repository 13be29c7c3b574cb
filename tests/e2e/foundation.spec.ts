import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import { AppPage, PASSPHRASE } from './pages/app-page';

/** Byte-for-byte snapshot of every file under the IndexedDB folder (to prove a wrong passphrase writes nothing). */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  async function walk(d: string) {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) await walk(p);
      else if (entry.isFile()) out.set(p, (await readFile(p)).toString('base64'));
    }
  }
  await walk(dir);
  return out;
}

test('first run, create a household, reload, lock, wrong passphrase, unlock', async ({ app }) => {
  const ui = new AppPage(app.page, app.baseURL);
  await ui.open();
  expect(await ui.gate()).toBe('setup');
  await expect(app.page.locator('[data-ready="store-lost"]')).toHaveCount(0); // a true first run
  await expectAccessible(app.page, 'setup');

  // Passphrase confirmation and minimum length are checked before anything is created.
  await app.page.getByLabel('Uw naam').fill('Sanne');
  await app.page.getByLabel('Wachtzin', { exact: true }).fill('kort');
  await app.page.getByLabel('Herhaal de wachtzin').fill('anders');
  await app.page.getByRole('button', { name: 'Versleutelde opslag aanmaken' }).click();
  await expect(app.page.getByText('De wachtzin moet minstens 12 tekens hebben.')).toBeVisible();
  await expect(app.page.getByText('De twee wachtzinnen zijn niet gelijk.')).toBeVisible();
  await expect(app.page.getByTestId('strength')).toHaveText('Sterkte: zwak');

  const recovery = await ui.setup();
  expect(recovery).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4})+$/);
  await expectAccessible(app.page, 'empty household list');

  const id = await ui.createHousehold('Familie Bakker', [
    { role: 'ouder', firstName: 'Fatima', lastName: 'Bakker', birthDate: '1986-04-12' },
    { role: 'kind', firstName: 'Noah', lastName: 'Bakker', birthDate: '2015-09-01' },
  ]);
  await expect(app.page.getByRole('heading', { name: 'Familie Bakker' })).toBeVisible();
  await expect(app.page.getByText('Fatima Bakker')).toBeVisible();
  await expectAccessible(app.page, 'household page');

  // Edit it.
  await app.page.getByRole('link', { name: 'Bewerken' }).click();
  await app.page.getByLabel('Wijk').fill('Noord');
  await app.page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(app.page.locator('[data-ready="household"]')).toBeVisible();
  await expect(app.page.getByText('Noord')).toBeVisible();

  // In the list.
  await ui.gotoList();
  await expect(app.page.getByRole('link', { name: 'Familie Bakker' })).toBeVisible();
  await expectAccessible(app.page, 'household list');

  // Reload: the keys are gone, the data is not.
  await app.page.reload();
  await ui.unlock();
  await expect(app.page.getByRole('link', { name: 'Familie Bakker' })).toBeVisible();

  // Lock, then a wrong passphrase is refused and changes nothing on disk.
  await ui.lock();
  await expectAccessible(app.page, 'unlock screen');
  await app.page.getByLabel('Wachtzin', { exact: true }).fill('dit is niet de goede wachtzin');
  await app.page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(app.page.getByText('Deze wachtzin klopt niet.', { exact: false })).toBeVisible();
  await expect(app.page.locator('body[data-gate="locked"]')).toBeVisible();

  await ui.unlock(PASSPHRASE);
  await app.page.getByRole('link', { name: 'Familie Bakker' }).click();
  await expect(app.page).toHaveURL(new RegExp(`#/households/${id}$`));
  await expect(app.page.getByText('Fatima Bakker')).toBeVisible();
});

test('a wrong passphrase leaves the database files byte-identical', async ({ app }) => {
  const ui = new AppPage(app.page, app.baseURL);
  await ui.open();
  await ui.setup();
  await ui.createHousehold('Familie Yilmaz', [{ firstName: 'Aylin' }]);
  // Restart so every write is flushed to disk and the profile is quiet.
  let page = await app.restart();
  const ui2 = new AppPage(page, app.baseURL);
  await ui2.open();
  const idb = join(app.profileDir, 'Default', 'IndexedDB');
  await stat(idb);
  const before = await snapshot(idb);
  for (let i = 0; i < 3; i++) {
    await page.getByLabel('Wachtzin', { exact: true }).fill(`verkeerde wachtzin nummer ${i}`);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await expect(page.getByText('Deze wachtzin klopt niet.', { exact: false })).toBeVisible();
  }
  await app.close();
  const after = await snapshot(idb);
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [file, content] of before) expect(after.get(file), file).toBe(content);
  // And the right passphrase still opens it.
  page = await app.restart();
  const ui3 = new AppPage(page, app.baseURL);
  await ui3.open();
  await ui3.unlock();
  await expect(page.getByRole('link', { name: 'Familie Yilmaz' })).toBeVisible();
});

test('the household list and forms work with the keyboard alone', async ({ app }) => {
  const ui = new AppPage(app.page, app.baseURL);
  await ui.open();
  await ui.setup();
  const p = app.page;
  // Tab to "Nieuw huishouden" and press Enter.
  const target = p.getByRole('link', { name: 'Nieuw huishouden' });
  for (let i = 0; i < 15 && !(await target.evaluate((el) => el === document.activeElement)); i++) await p.keyboard.press('Tab');
  await expect(target).toBeFocused();
  await p.keyboard.press('Enter');
  await expect(p.locator('[data-ready="household-form"]')).toBeVisible();
  // Submitting an empty form shows errors next to the fields and saves nothing.
  await p.getByRole('button', { name: 'Opslaan' }).focus();
  await p.keyboard.press('Enter');
  await expect(p.getByText('Het formulier bevat 2 fout(en). Er is niets opgeslagen.')).toBeVisible();
  await expect(p.getByLabel('Naam van het huishouden')).toHaveAttribute('aria-invalid', 'true');
  await p.getByLabel('Naam van het huishouden').fill('Familie Toetsenbord');
  const fs = p.getByRole('group', { name: 'Gezinslid 1' });
  await fs.getByLabel('Voornaam').fill('Kees');
  await fs.getByLabel('BSN').fill('123456789');
  await p.getByRole('button', { name: 'Opslaan' }).click();
  await expect(p.getByText('Dit is geen geldig BSN', { exact: false })).toBeVisible();
  await fs.getByLabel('BSN').fill('');
  await fs.getByLabel('BSN').press('Enter');
  await expect(p.locator('[data-ready="household"]')).toBeVisible();
  await expectAccessible(p, 'household page after keyboard entry');
});

test('losing the network changes nothing: reads and saves go on offline', async ({ app }) => {
  // Used in buurtcentra without Wi-Fi: the browser saying "offline" must not pause the app's
  // local reads and writes (react-query pauses work in its default network mode).
  const ui = new AppPage(app.page, app.baseURL);
  await ui.open();
  await ui.setup();
  await app.page.context().setOffline(true);
  await expect.poll(() => app.page.evaluate(() => navigator.onLine)).toBe(false);
  await ui.createHousehold('Familie Offline', [{ role: 'ouder', firstName: 'Ilse', lastName: 'Offline', birthDate: '1980-02-02' }]);
  await expect(app.page.getByRole('heading', { name: 'Familie Offline' })).toBeVisible();
  await ui.gotoList();
  await expect(app.page.getByRole('link', { name: 'Familie Offline' })).toBeVisible();
});
