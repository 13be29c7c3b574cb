import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertNoCanaries, assertWholeProfileScanned, scanProfile } from '../support/profile-scan';
import { expect, test } from './fixtures';
import { browserPid, processGone, profileReleased } from './pages/browser-process';
import { AppPage } from './pages/app-page';
import { CaseFilePage } from './pages/casefile-page';

const unique = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const NAME = `Kievitkanarie${unique}`;
const LAST = `Tureluurkanarie${unique}`;
const HOUSEHOLD = `Gezin Wulpkanarie${unique}`;
const BSN = '123456782';
// Narratives: a score's explanation and a case note, each with its own unique word.
const SCORE_NARRATIVE = `Schulden bij de Ijsvogelkanarie${unique} lopen op`;
const NOTE = `Gesprek over de Roerdompkanarie${unique} in de buurt`;
const NARRATIVE_CANARIES = [`Ijsvogelkanarie${unique}`, `Roerdompkanarie${unique}`];

test('killed mid-session (SIGKILL while unlocked, a case open): the profile holds none of the canaries', async ({ app }) => {
  const ui = new AppPage(app.page, app.baseURL);
  await ui.open();
  await ui.setup();
  await ui.createHousehold(HOUSEHOLD, [{ firstName: NAME, lastName: LAST, bsn: BSN, birthDate: '1984-07-02' }]);
  await expect(app.page.getByText(`${NAME} ${LAST}`)).toBeVisible();
  const cf = new CaseFilePage(app.page);
  await cf.tab('Leefgebieden');
  await cf.addScore('Financiën', 2, SCORE_NARRATIVE);
  await cf.tab('Tijdlijn en notities');
  await app.page.getByLabel('Notitie', { exact: true }).fill(NOTE);
  await app.page.getByRole('button', { name: 'Notitie opslaan' }).click();
  await expect(app.page.getByTestId('timeline').getByText(NOTE)).toBeVisible();

  // After a lock, while the browser still runs. The whole user-data-dir (every file raw, LevelDB
  // files decoded), not only the Default profile folder.
  await ui.lock();
  const dir = app.profileDir;
  assertWholeProfileScanned(await assertNoCanaries(dir, [NAME, LAST, HOUSEHOLD.slice(6), BSN, ...NARRATIVE_CANARIES]));

  // Unlocked again, the case on screen, then the browser is killed without any chance to clean up.
  await ui.unlock();
  await ui.gotoList();
  await expect(app.page.getByText(HOUSEHOLD)).toBeVisible();
  // Control: a value written on purpose in plain text, so the scan after the kill provably can find things.
  const control = `Killcontrole${unique}`;
  await app.page.evaluate(async (text) => {
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('canary-control', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('plain');
      req.onsuccess = () => {
        const tx = req.result.transaction('plain', 'readwrite');
        tx.objectStore('plain').put({ text }, 'k');
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(new Error('control write failed'));
      };
    });
  }, control);
  const pid = await browserPid(app.profileDir);
  process.kill(pid, 'SIGKILL');
  await expect.poll(() => processGone(pid)).toBe(true);
  // Its children (the storage service writes the IndexedDB files) end a moment later: scan after them.
  await expect.poll(() => profileReleased(app.profileDir)).toBe(true);
  await app.close().catch(() => undefined);

  const scan = await scanProfile(dir, [control]);
  expect(scan.hits.length, 'the scanner must find the plain control canary after the kill').toBeGreaterThan(0);
  assertWholeProfileScanned(await assertNoCanaries(dir, [NAME, LAST, HOUSEHOLD.slice(6), BSN, ...NARRATIVE_CANARIES]));
});

/** SHA-256 of every file of the origin's IndexedDB, by relative path. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string, rel: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p, `${rel}${e.name}/`);
      else out[`${rel}${e.name}`] = createHash('sha256').update(await readFile(p)).digest('hex');
    }
  };
  await walk(dir, '');
  return out;
}

/**
 * Wrong passphrases change nothing on disk. The attempts go through the app's production KDF
 * (Argon2id with the parameters calibrated at setup, about half a second each), so the test is
 * bounded by a count of attempts, never by wall time: each attempt is confirmed by the unlock
 * screen's refusal counter and the files are compared after EVERY attempt, not only at the end.
 * Why 12 proves the point as well as 100 did: the unlock path keeps no state per attempt (the
 * refusal count lives in React state only, there is no lockout or counter in the store), so
 * every attempt runs the same code; one that wrote anything would change the files at once and
 * fail at that attempt. Twelve repeats also pass the thresholds (3, 5, 10) at which a
 * lockout or back-off would typically start to record something, and the final comparison
 * after the last attempt catches a write that lands late.
 */
const WRONG_ATTEMPTS = 12;

test(`a wrong passphrase tried ${WRONG_ATTEMPTS} times leaves the database files byte-identical after every attempt`, async ({ app }) => {
  // A safety net only: the test counts attempts; at ~0.5 s of KDF each, even a machine slowed
  // down tenfold finishes well inside this.
  test.setTimeout(240_000);
  const ui = new AppPage(app.page, app.baseURL);
  await ui.open();
  await ui.setup();
  await ui.createHousehold('Familie Honderd', [{ firstName: 'Gerrit' }]);
  await ui.lock();
  const idb = join(app.profileDir, 'Default', 'IndexedDB');
  const before = await snapshot(idb);
  expect(Object.keys(before).some((f) => f.endsWith('.log') || f.endsWith('.ldb'))).toBe(true);

  const field = app.page.getByLabel('Wachtzin', { exact: true });
  const button = app.page.getByRole('button', { name: 'Ontgrendelen' });
  for (let i = 0; i < WRONG_ATTEMPTS; i++) {
    await field.fill(`verkeerde wachtzin nummer ${i}`);
    await button.click();
    await expect(app.page.locator(`[data-ready="unlock"][data-refused="${i + 1}"]`)).toBeVisible();
    await expect(app.page.getByText('Deze wachtzin klopt niet.')).toBeVisible();
    expect(await snapshot(idb), `database files after wrong attempt ${i + 1}`).toEqual(before);
  }
  expect(await snapshot(idb)).toEqual(before);
  await ui.unlock();
  await ui.gotoList();
  await expect(app.page.getByText('Familie Honderd')).toBeVisible();
});
