import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { assertNoCanaries, assertWholeProfileScanned, controlsMissed, plantControls, scanProfile, type ScanReport } from '../support/profile-scan';
import { expect, test } from './fixtures';
import { browserPid, processGone, profileReleased } from './pages/browser-process';
import { AppPage } from './pages/app-page';
import { CaseFilePage } from './pages/casefile-page';
import { FeedbackPage } from './pages/feedback-page';
import { MeetingPage } from './pages/meeting-page';
import { PrivacyPage } from './pages/privacy-page';
import { TeamPage } from './pages/team-page';

/**
 * IndexedDB is not the only place Chromium writes (PRIVACY.md "At rest"): session restore keeps
 * the state of form controls (`Default/Sessions/Session_*`, UTF-16), the autofill table keeps
 * what was typed into submitted fields (`Default/Web Data`, SQLite), and titles, URLs and
 * element names end up in both. Resident data is typed through the UI here — names, BSN, phone,
 * address, an IBAN and a name in the intake question, a knelpunt title, a meeting-mode advice and
 * action, and the export review whose choices are per flagged value — and the whole
 * user-data-dir is scanned (every file raw, LevelDB decoded, SQLite opened; UTF-8, Latin-1,
 * UTF-16LE, UTF-16BE) while unlocked, after locking and after the browser is killed.
 *
 * So a clean result means something, each scan has a positive control: a value typed into a
 * plain input without autocomplete="off" (injected by the test, not the app's) must show up in
 * the session files — proof that Chromium has written the form state it holds —, a value
 * submitted in a plain form must show up in the autofill table (Web Data), and after the
 * kill, control files in every encoding (raw and SQLite) and a plain IndexedDB value planted in
 * the real profile must all be found.
 */

const unique = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const FIRST = `Grutto${unique}`;
const LAST = `Kemphaan${unique}`;
const KID = `Tapuit${unique}`;
const HOUSEHOLD_WORD = `Scholekster${unique}`;
const STREET = `Kanariestraat${unique}`;
const BSN = '123456782';
const PHONE = '0687654321';
const IBAN = 'NL91ABNA0417164300';
const INTAKE_WORD = `Intakekanarie${unique}`;
const INTAKE_FIRST = `Lepelaar${unique}`;
const KNELPUNT_WORD = `Knelpuntkanarie${unique}`;
const ADVICE_WORD = `Advieskanarie${unique}`;
const ACTION_WORD = `Actiekanarie${unique}`;
const CANARIES = [FIRST, LAST, KID, HOUSEHOLD_WORD, STREET, BSN, PHONE, IBAN, INTAKE_WORD, INTAKE_FIRST, KNELPUNT_WORD, ADVICE_WORD, ACTION_WORD];
/** What the disk scans search: each canary as typed, lower-cased and upper-cased (the autofill table keeps a lower-cased copy; search keys fold case). */
const NEEDLES = [...new Set(CANARIES.flatMap((c) => [c, c.toLowerCase(), c.toUpperCase()]))];

/**
 * What the browser could keep of the screen as it is now: every input, textarea and select must
 * say autocomplete="off" (Chromium then saves no form state for it and adds nothing to the
 * autofill table; a password field may say current-/new-password: its value is never saved), and
 * no id, name, for, form or list attribute, no choice's value, no title and no URL may hold a canary.
 */
async function expectNothingForTheBrowserToKeep(page: Page, screen: string): Promise<void> {
  const found = await page.evaluate((canaries) => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('input, textarea, select'))) {
      if (el.closest('[data-scan-control]')) continue;
      const ac = el.getAttribute('autocomplete');
      const password = el instanceof HTMLInputElement && el.type === 'password';
      if (ac !== 'off' && !(password && (ac === 'current-password' || ac === 'new-password'))) {
        out.push(`<${el.tagName.toLowerCase()} type=${el.getAttribute('type') ?? ''} id=${el.id}> has autocomplete=${ac ?? '(none)'}`);
      }
    }
    const hasCanary = (s: string) => canaries.some((c) => s.toLowerCase().includes(c.toLowerCase()));
    // The value attribute only where it is the state saved (a choice's value; React mirrors a
    // text field's typed value into its attribute, which the browser does not store).
    const choice = (el: Element) => el instanceof HTMLOptionElement || (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox'));
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const attr of ['id', 'name', 'for', 'form', 'list', ...(choice(el) ? ['value'] : [])]) {
        const v = el.getAttribute(attr);
        if (v !== null && hasCanary(v)) out.push(`<${el.tagName.toLowerCase()}> ${attr} holds resident data`);
      }
    }
    if (hasCanary(document.title)) out.push('the document title holds resident data');
    if (hasCanary(decodeURIComponent(location.href))) out.push('the URL holds resident data');
    return out;
  }, CANARIES);
  // Soft, so one run shows every screen and every scan that fails.
  expect.soft(found, `what the browser may keep on "${screen}"`).toEqual([]);
}

/**
 * Positive control for the session files: a plain input (the test's, not the app's) gets a
 * value, and the scan must find it in Default/Sessions. Chromium has then written the form state
 * it holds for this tab, so a clean scan of the same files means the app's fields gave it none.
 */
async function provenSessionWrite(page: Page, profileDir: string, tag: string): Promise<void> {
  const control = `Sessiecontrole-${tag}-${unique}`;
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.dataset.scanControl = 'true';
    const input = document.createElement('input');
    input.id = 'scan-control';
    input.setAttribute('aria-label', 'scan control');
    box.append(input);
    document.body.append(box);
  });
  await page.locator('#scan-control').fill(control);
  await expect
    .poll(async () => (await scanProfile(join(profileDir, 'Default', 'Sessions'), [control])).hitSummary.some((g) => g.file.startsWith('Session_')), {
      message: 'the typed control must reach Default/Sessions/Session_* (else this scan proves nothing)',
      timeout: 60_000,
    })
    .toBe(true);
}

/** The whole user-data-dir holds no canary (soft: the later scans still run and report). */
/**
 * Positive control for the autofill table: a plain form (the test's) with a named field is
 * submitted the way the app's forms are (the submit handled in the page, the form then gone),
 * and the scan must find the typed value in Default/Web Data, read through SQLite. Chromium's
 * autofill then saves form entries, so a clean Web Data means the app's fields gave it none.
 */
async function provenAutofillWrite(page: Page, profileDir: string): Promise<void> {
  const control = `Autofillcontrole-${unique}`;
  await page.evaluate(() => {
    const form = document.createElement('form');
    form.dataset.scanControl = 'true';
    const input = document.createElement('input');
    input.name = 'scan-control-autofill';
    input.setAttribute('aria-label', 'autofill control');
    const button = document.createElement('button');
    button.type = 'submit';
    button.textContent = 'autofill control submit';
    form.append(input, button);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      form.remove();
    });
    document.body.append(form);
  });
  await page.getByLabel('autofill control').fill(control);
  await page.getByRole('button', { name: 'autofill control submit' }).click();
  await expect
    .poll(async () => (await scanProfile(profileDir, [control])).hitSummary.some((g) => g.file === 'Default/Web Data' && g.view === 'sqlite-value'), {
      message: 'the submitted control must reach the autofill table in Default/Web Data (else this scan proves nothing)',
      timeout: 60_000,
    })
    .toBe(true);
}

async function scanClean(profileDir: string, when: string): Promise<void> {
  const failure = await assertNoCanaries(profileDir, NEEDLES).then(
    (report: ScanReport) => {
      assertWholeProfileScanned(report);
      expect(report.sqliteFiles, 'the autofill table must have been opened as a database').toContain('Default/Web Data');
      expect(report.files.some((f) => f.startsWith('Default/Sessions/Session_')), 'session files must exist').toBe(true);
      return '';
    },
    (err: unknown) => (err instanceof Error ? err.message : String(err)),
  );
  expect.soft(failure, `scan of the profile ${when}`).toBe('');
}

test('resident data typed through the UI reaches no browser file: not while unlocked, not after locking, not after a kill', async ({ app }) => {
  test.setTimeout(300_000);
  const p = app.page;
  const ui = new AppPage(p, app.baseURL);
  const cf = new CaseFilePage(p);
  const fb = new FeedbackPage(p);
  const team = new TeamPage(p);
  const mt = new MeetingPage(p);
  await ui.open();
  await ui.setup();
  await expectNothingForTheBrowserToKeep(p, 'case list');

  // The intake: a name and an IBAN in the question box.
  await cf.openIntakeForm();
  await cf.fillIntake({
    referrerType: 'huisarts',
    question: `${INTAKE_FIRST} heeft betalingsachterstand op rekening ${IBAN}; ${INTAKE_WORD}.`,
    decision: 'oppakken',
    displayName: `Fam. ${INTAKE_FIRST}`,
    wijk: 'Centrum',
    members: [{ role: 'ouder', firstName: INTAKE_FIRST, lastName: 'Visdief', birthDate: '1980-03-04' }],
  });
  await expectNothingForTheBrowserToKeep(p, 'intake form');
  await cf.saveIntake();

  // A household with address, BSN, phone; a knelpunt with the family's name in its title.
  await ui.gotoList();
  await p.getByRole('link', { name: 'Nieuw huishouden' }).click();
  await expect(p.locator('[data-ready="household-form"]')).toBeVisible();
  await p.getByLabel('Naam van het huishouden').fill(`Gezin ${HOUSEHOLD_WORD}`);
  await p.getByLabel('Wijk').fill('Centrum');
  await p.getByLabel('Adres').fill(`${STREET} 17`);
  await p.getByLabel('Postcode').fill('1234 AB');
  const m1 = p.getByRole('group', { name: 'Gezinslid 1' });
  await m1.getByLabel('Rol').selectOption('ouder');
  await m1.getByLabel('Voornaam').fill(FIRST);
  await m1.getByLabel('Achternaam').fill(LAST);
  await m1.getByLabel('Geboortedatum').fill('1984-07-02');
  await m1.getByLabel('BSN').fill(BSN);
  await m1.getByLabel('Telefoon').fill(PHONE);
  await p.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
  const m2 = p.getByRole('group', { name: 'Gezinslid 2' });
  await m2.getByLabel('Rol').selectOption('kind');
  await m2.getByLabel('Voornaam').fill(KID);
  await m2.getByLabel('Achternaam').fill(LAST);
  await m2.getByLabel('Geboortedatum').fill('2015-01-02');
  await expectNothingForTheBrowserToKeep(p, 'household form');
  await p.getByRole('button', { name: 'Opslaan' }).click();
  await expect(p.locator('[data-ready="household"]')).toBeVisible();
  const householdUrl = p.url();
  await fb.addKnelpunt('Wachtlijst', `Wachtlijst voor ${FIRST} ${LAST}, ${KNELPUNT_WORD}, 1234 AB`);
  await expectNothingForTheBrowserToKeep(p, 'household page');

  // A team, so there is a meeting; a meeting runs past the default idle lock.
  await team.loadExampleFromWizard();
  const privacy = new PrivacyPage(p);
  await privacy.open();
  await privacy.setIdleMinutes(60);
  await expectNothingForTheBrowserToKeep(p, 'privacy settings');
  await p.reload();
  await ui.unlock();
  await p.goto(householdUrl);
  await expect(p.locator('[data-ready="household"]')).toBeVisible();
  await mt.nominate(`Hoe helpen we ${FIRST} verder?`, 15);

  // Meeting mode: an advice and an action naming the family, then the minutes' review.
  await mt.gotoMeetings();
  await mt.openFirstUpcoming();
  await p.getByRole('group', { name: 'Aanwezig (binnenring)' }).getByLabel('Sanne de Vries').check();
  await p.getByLabel('Voorzitter').selectOption({ label: 'Sanne de Vries' });
  await expectNothingForTheBrowserToKeep(p, 'agenda');
  await p.getByRole('link', { name: 'Overleg starten' }).click();
  await expect(p.locator('[data-ready="meeting-start"]')).toBeVisible();
  await p.getByRole('button', { name: 'Overleg starten' }).click();
  await expect(p.locator('[data-ready="meeting-mode"]')).toBeVisible();
  await p.keyboard.press('Alt+B');
  await p.keyboard.type(`${FIRST} krijgt hulp van schuldhulp; ${ADVICE_WORD}.`);
  await p.getByRole('button', { name: /^Advies of besluit toevoegen/ }).click();
  await expect(p.getByTestId('decisions')).toContainText(ADVICE_WORD);
  await p.keyboard.press('Alt+A');
  await p.keyboard.type(`Met ${FIRST} ${LAST} naar de bank, ${ACTION_WORD}`);
  await p.getByLabel('Onder doel').selectOption('new');
  await p.getByLabel('Levensdomein van het nieuwe doel').selectOption({ label: 'Financiën' });
  await p.getByLabel('Nieuw doel (in de woorden van het huishouden)').fill(`Rust voor ${FIRST}`);
  await p.getByLabel('Wie', { exact: true }).selectOption('network');
  await p.getByLabel('Terugkoppelen aan').selectOption({ label: 'Sanne de Vries' });
  await expectNothingForTheBrowserToKeep(p, 'meeting mode');
  await p.getByRole('button', { name: /^Actie toevoegen/ }).click();
  await expect(p.getByTestId('actions')).toContainText(ACTION_WORD);
  await p.keyboard.press('Alt+N');
  await expect(p.locator('[data-ready="meeting-done"]')).toBeVisible();
  await p.getByRole('button', { name: 'Overleg afronden en verslag maken' }).click();
  await expect(p.locator('[data-ready="export"][data-profile="minutes"]')).toBeVisible();
  await expect(p.getByTestId('review-summary')).toContainText('mogelijke persoonsgegevens');
  // Keep one flagged name and replace it again: the review's radio buttons carry state.
  const keep = p.locator('tr[data-hit-kind="naam"]').first().getByRole('radio', { name: 'Laten staan' });
  await keep.check();
  await p.locator('tr[data-hit-kind="naam"]').first().getByRole('radio').first().check();
  await expectNothingForTheBrowserToKeep(p, 'minutes export review');

  // 1. Unlocked, the review on screen.
  await provenAutofillWrite(p, app.profileDir);
  await provenSessionWrite(p, app.profileDir, 'unlocked');
  await scanClean(app.profileDir, 'while unlocked');

  // 2. Locked (the renderer reloads), the browser still running.
  await ui.lock();
  await expectNothingForTheBrowserToKeep(p, 'unlock screen');
  await provenSessionWrite(p, app.profileDir, 'locked');
  await scanClean(app.profileDir, 'after locking');

  // 3. Unlocked again, the household on screen, then the browser is killed without any chance to clean up.
  await ui.unlock();
  await p.goto(householdUrl);
  await expect(p.locator('[data-ready="household"]')).toBeVisible();
  const idbControl = `Killcontrole-${unique}`;
  await p.evaluate(async (text) => {
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
  }, idbControl);
  const pid = await browserPid(app.profileDir);
  process.kill(pid, 'SIGKILL');
  await expect.poll(() => processGone(pid)).toBe(true);
  // Its children (the storage service writes the IndexedDB files) end a moment later: scan after them.
  await expect.poll(() => profileReleased(app.profileDir)).toBe(true);
  await app.close().catch(() => undefined);

  // Controls in the real profile: every encoding as a raw file and in a SQLite database, and the
  // plain IndexedDB value (LevelDB), must all be found by the same scan.
  const planted = await plantControls(app.profileDir, 'Default/Wijktafel-scan-control', unique);
  const controlScan = await scanProfile(app.profileDir, [...planted.map((c) => c.needle), idbControl]);
  expect(controlsMissed(controlScan, planted), 'planted controls the scan did not find').toEqual([]);
  expect(controlScan.hitSummary.some((g) => g.needle === idbControl && g.file.startsWith('Default/IndexedDB/')), 'the plain IndexedDB control').toBe(true);
  await scanClean(app.profileDir, 'after the browser was killed');
});
