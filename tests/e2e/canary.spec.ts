import { join } from 'node:path';
import { assertNoCanaries, scanProfile } from '../support/profile-scan';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';

/**
 * Nothing a worker types about a resident reaches the profile folder in plain text.
 * The scanner reads LevelDB decompressed, in every encoding (tests/support/profile-scan.ts);
 * the control canary, stored on purpose in plain text, proves the scan can find things.
 */
const unique = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const NAME = `Zwaluwkanarie${unique}`;
const LAST = `Merelkanarie${unique}`;
const HOUSEHOLD = `Gezin Vinkkanarie${unique}`;
const CONTROL = `Controlekanarie${unique}`;

test('the Chromium profile holds none of the names typed in', async ({ app }) => {
  const ui = new AppPage(app.page, app.baseURL);
  await ui.open();
  await ui.setup();
  await ui.createHousehold(HOUSEHOLD, [{ firstName: NAME, lastName: LAST, bsn: '111222333', birthDate: '1979-03-14' }]);
  await expect(app.page.getByText(`${NAME} ${LAST}`)).toBeVisible();

  // The control: a value written deliberately in plain text into IndexedDB of the same origin.
  await app.page.evaluate(async (control) => {
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('canary-control', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('plain');
      req.onsuccess = () => {
        const tx = req.result.transaction('plain', 'readwrite');
        tx.objectStore('plain').put({ text: `${control} ${control}` }, 'k');
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(new Error('control write failed'));
      };
    });
  }, CONTROL);

  await ui.lock();
  await app.close();

  const dir = join(app.profileDir, 'Default');
  const control = await scanProfile(dir, [CONTROL]);
  expect(control.hits.length, 'the scanner must find the deliberately plain control canary').toBeGreaterThan(0);
  await assertNoCanaries(dir, [NAME, LAST, HOUSEHOLD.slice(6)]);
});
