import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertNoCanaries, assertWholeProfileScanned, scanProfile } from '../support/profile-scan';
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

  // The whole user-data-dir, not only the profile: Chromium keeps state next to it too
  // (Local State, GPU caches, crash reports …). LevelDB files are read decoded, every file raw.
  const dir = app.profileDir;
  // A second control outside Default, in two-byte UTF-16LE: proves files outside the profile
  // folder are searched, and in more than one encoding.
  const OUTSIDE = `Buitenkanarie${unique}`;
  await writeFile(join(dir, 'control-outside-profile.bin'), Buffer.from(`..${OUTSIDE}..`, 'utf16le'));
  const control = await scanProfile(dir, [CONTROL, OUTSIDE]);
  expect(control.hitSummary.filter((h) => h.needle === CONTROL).length, 'the scanner must find the deliberately plain control canary').toBeGreaterThan(0);
  expect(control.hitSummary.filter((h) => h.needle === OUTSIDE).map((h) => `${h.file} ${h.encoding}`)).toContain('control-outside-profile.bin utf-16le');
  assertWholeProfileScanned(control);
  assertWholeProfileScanned(await assertNoCanaries(dir, [NAME, LAST, HOUSEHOLD.slice(6)]));
});
