import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { AppPage, PASSPHRASE } from './pages/app-page';
import { PrivacyPage } from './pages/privacy-page';

const NEW_PASSPHRASE = 'groene kikker in de regenton';

/**
 * Pause the page's fake clock and give one input while it is paused, so the idle timer starts
 * at exactly the paused time: from here only fastForward moves time, and "10 s before the
 * limit" means 10 s, however long the machine takes between steps. (With the clock running,
 * real time between the last input and the check counted too: on a busy machine the app could
 * lock before the check.) `ahead` only has to exceed one round trip to the page; it throws
 * ("Cannot fast-forward to the past") rather than pass if it does not.
 */
async function pauseWithInput(page: Page, ahead: number): Promise<void> {
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + ahead);
  await page.keyboard.press('Shift');
}

test('the privacy settings: idle lock by default after 5 minutes, editable, enforced (page.clock)', async ({ app }) => {
  await app.page.clock.install();
  const ui = new AppPage(app.page, app.baseURL);
  await ui.open();
  await ui.setup();
  // Default: 5 minutes without input.
  await pauseWithInput(app.page, 30_000);
  await app.page.clock.fastForward('04:50');
  await expect(app.page.locator('body[data-gate="unlocked"]')).toBeVisible();
  await app.page.clock.fastForward('00:15');
  await app.page.clock.resume();
  await expect(app.page.locator('[data-ready="unlock"]')).toBeVisible();
  await expect(app.page.getByText(/vergrendeld omdat er een tijd niet mee gewerkt is/)).toBeVisible();
  await ui.unlock();

  const privacy = new PrivacyPage(app.page);
  await privacy.open();
  await expectAccessible(app.page, 'privacy settings');
  await privacy.setIdleMinutes(1);
  // Takes effect at once, and activity postpones it.
  await pauseWithInput(app.page, 5_000);
  await app.page.clock.fastForward('00:50');
  await app.page.keyboard.press('Shift');
  await app.page.clock.fastForward('00:50');
  await expect(app.page.locator('body[data-gate="unlocked"]')).toBeVisible();
  await app.page.clock.fastForward('00:15');
  await app.page.clock.resume();
  await expect(app.page.locator('[data-ready="unlock"]')).toBeVisible();
  // Survives the lock: it was saved.
  await ui.unlock();
  await privacy.open();
  await expect(app.page.getByLabel('Automatisch vergrendelen na')).toHaveValue('1');
  // The desktop-only controls are absent in the browser.
  await expect(app.page.getByLabel('Schermopnames blokkeren')).toHaveCount(0);
  await expect(app.page.getByRole('heading', { name: 'Onthouden op dit apparaat' })).toHaveCount(0);
});

test('passphrase change re-wraps the key; a new recovery key replaces the old one', async ({ app }) => {
  const ui = new AppPage(app.page, app.baseURL);
  await ui.open();
  const oldRecovery = await ui.setup();
  await ui.createHousehold('Familie Bakker', [{ firstName: 'Ineke', lastName: 'Bakker' }]);
  const privacy = new PrivacyPage(app.page);
  await privacy.open();
  await expect(app.page.getByTestId('kdf-info')).toContainText(/Argon2id \(\d+ MiB geheugen, \d+ rondes\) — dat kostte \d+ ms/);

  // A wrong current passphrase is refused.
  const form = app.page.getByRole('form', { name: 'Wachtzin wijzigen' });
  await form.getByLabel('Huidige wachtzin').fill('dit is niet de wachtzin');
  await form.getByLabel('Nieuwe wachtzin', { exact: true }).fill(NEW_PASSPHRASE);
  await form.getByLabel('Herhaal de nieuwe wachtzin').fill(NEW_PASSPHRASE);
  await form.getByRole('button', { name: 'Wachtzin wijzigen' }).click();
  await expect(form.getByText('Deze wachtzin klopt niet. Er is niets veranderd.')).toBeVisible();

  await privacy.changePassphrase(PASSPHRASE, NEW_PASSPHRASE);
  const fresh = await privacy.newRecoveryKey(NEW_PASSPHRASE);
  expect(fresh).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4})+$/);
  expect(fresh).not.toBe(oldRecovery);
  await expectAccessible(app.page, 'privacy settings with new recovery key');
  await app.page.getByRole('button', { name: 'Ik heb de herstelsleutel veilig bewaard' }).click();
  await app.page.screenshot({ path: '/tmp/privacy-settings.png', fullPage: true });

  await ui.lock();
  await app.page.getByLabel('Wachtzin', { exact: true }).fill(PASSPHRASE);
  await app.page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(app.page.getByText('Deze wachtzin klopt niet.')).toBeVisible();
  await ui.unlock(NEW_PASSPHRASE);
  await ui.gotoList();
  await expect(app.page.getByText('Familie Bakker')).toBeVisible();

  // The old recovery key no longer opens the vault; the new one does.
  await ui.lock();
  await app.page.getByRole('button', { name: 'Wachtzin vergeten? Gebruik de herstelsleutel' }).click();
  await app.page.getByLabel('Herstelsleutel').fill(oldRecovery);
  await app.page.getByLabel('Nieuwe wachtzin').fill('weer een andere wachtzin');
  await app.page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(app.page.getByText('Deze herstelsleutel klopt niet.')).toBeVisible();
  await app.page.getByLabel('Herstelsleutel').fill(fresh);
  await app.page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(app.page.locator('body[data-gate="unlocked"]')).toBeVisible();
});

test('the audit log: who did what on which record, filters, CSV export that is itself logged', async ({ app }) => {
  const ui = new AppPage(app.page, app.baseURL);
  await ui.open();
  await ui.setup('Sanne de Vries');
  const id = await ui.createHousehold('Familie Kanarie', [{ firstName: 'Piet', bsn: '111222333' }]);
  // Every opening of the file is logged: right after creating it, again on unlock (the lock reload
  // keeps the address, so the file reopens), and once more when it is clicked in the list.
  await ui.lock();
  await ui.unlock();
  await ui.gotoList();
  await app.page.getByRole('link', { name: 'Familie Kanarie' }).click();
  await expect(app.page.locator('[data-ready="household"]')).toBeVisible();
  // An address that is no household logs no view.
  const nowhere = '00000000-0000-4000-8000-000000000000';
  await app.page.evaluate((hid) => (window.location.hash = `#/households/${hid}`), nowhere);
  await expect(app.page.getByText('Dit huishouden bestaat niet (meer).')).toBeVisible();
  const privacy = new PrivacyPage(app.page);
  await privacy.open();
  await privacy.openAudit();
  await expect(privacy.auditRows('household.create')).toHaveCount(1);
  await expect(privacy.auditRows('vault.create')).toHaveCount(1);
  await expect(privacy.auditRows('vault.lock')).toHaveCount(1);
  await expect(privacy.auditRows('vault.unlock')).toHaveCount(1);
  await expect(privacy.auditRows('household.create')).toContainText('Sanne de Vries');
  await expect(privacy.auditRows('household.create')).toContainText(id.slice(0, 8));
  await expect(app.page.locator('table.privacy-audit')).not.toContainText('Kanarie');
  await expectAccessible(app.page, 'audit log');
  await app.page.screenshot({ path: '/tmp/privacy-audit.png', fullPage: true });

  await app.page.getByLabel('Handeling').selectOption('household.create');
  await app.page.getByRole('button', { name: 'Filteren' }).click();
  await expect(privacy.auditRows()).toHaveCount(1);
  await app.page.getByRole('button', { name: 'Wissen' }).click();
  await app.page.getByLabel('Dossiernummer').fill(id);
  await app.page.getByRole('button', { name: 'Filteren' }).click();
  await expect(privacy.auditRows('household.view')).toHaveCount(3);
  await expect(privacy.auditRows('vault.unlock')).toHaveCount(0);
  await app.page.getByLabel('Dossiernummer').fill(nowhere);
  await app.page.getByRole('button', { name: 'Filteren' }).click();
  await expect(privacy.auditRows()).toHaveCount(0);
  await app.page.getByLabel('Dossiernummer').fill(id);
  await app.page.getByRole('button', { name: 'Filteren' }).click();
  await expect(privacy.auditRows('household.view')).toHaveCount(3);
  const rows = await privacy.auditRows().count();
  expect(rows).toBeGreaterThanOrEqual(2); // create + view (+ any update by the case file)

  const csv = await privacy.exportAudit();
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe('Wanneer,Door,Handeling,Soort,Dossier,Details');
  expect(lines).toHaveLength(rows + 1);
  expect(csv).toContain(id);
  expect(csv).not.toContain('Kanarie');
  expect(csv).not.toContain('111222333');
  // The export is in the log itself.
  await app.page.getByRole('button', { name: 'Wissen' }).click();
  await expect(privacy.auditRows('export')).toHaveCount(1);
  await expect(privacy.auditRows('export')).toContainText('audit-log');
});

test('reload clears everything: the unlock screen comes back and no resident data is on the page', async ({ app }) => {
  const ui = new AppPage(app.page, app.baseURL);
  await ui.open();
  await ui.setup();
  await ui.createHousehold('Familie Herlaad', [{ firstName: 'Joke' }]);
  await app.page.reload();
  await expect(app.page.locator('[data-ready="unlock"]')).toBeVisible();
  await expect(app.page.locator('body')).not.toContainText('Herlaad');
  await expect(app.page.locator('body')).not.toContainText('Joke');
});

test('the lock button reloads the renderer: page state is gone, the unlock screen shows, no resident text stays', async ({ app }) => {
  const ui = new AppPage(app.page, app.baseURL);
  await ui.open();
  await ui.setup();
  await ui.createHousehold('Familie Slotvast', [{ firstName: 'Wietske', lastName: 'Slotvast', bsn: '111222333' }]);
  await expect(app.page.locator('body')).toContainText('Wietske');
  // A marker in the page's JavaScript world: only a real reload (a fresh renderer state, with
  // the key, React state, query cache and search index gone) removes it.
  await app.page.evaluate(() => {
    (window as Window & { __beforeLock?: string }).__beforeLock = 'still here';
  });
  await app.page.getByRole('button', { name: 'Vergrendelen' }).click();
  await expect(app.page.locator('[data-ready="unlock"]')).toBeVisible();
  await expect(app.page.locator('body[data-gate="locked"]')).toBeVisible();
  expect(await app.page.evaluate(() => (window as Window & { __beforeLock?: string }).__beforeLock)).toBeUndefined();
  const html = await app.page.content();
  for (const text of ['Slotvast', 'Wietske', '111222333']) expect(html).not.toContain(text);
  await expectAccessible(app.page, 'unlock screen after a lock');
  // The lock was logged with the closing session, and unlocking brings the household back.
  await ui.unlock();
  await expect(app.page.locator('body')).toContainText('Wietske');
});

test('no network: a full session makes zero requests outside the app origin', async ({ app }) => {
  const origin = new URL(app.baseURL).origin;
  const refused: string[] = [];
  await app.context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    refused.push(url);
    return route.abort('blockedbyclient');
  });
  const ui = new AppPage(app.page, app.baseURL);
  await ui.open();
  await ui.setup();
  await ui.createHousehold('Familie Netwerk', [{ firstName: 'Lotte', lastName: 'Netwerk', bsn: '111222333' }]);
  await app.page.getByRole('link', { name: 'Bewerken' }).click();
  await expect(app.page.locator('[data-ready="household-form"]')).toBeVisible();
  await app.page.getByLabel('Naam van het huishouden').fill('Familie Netwerk-de Wit');
  await app.page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(app.page.locator('[data-ready="household"]')).toBeVisible();
  await ui.gotoList();
  await app.page.getByLabel('Zoeken op naam of tekst').fill('Lotte');
  await expect(app.page.getByText('Familie Netwerk-de Wit')).toBeVisible();
  await ui.lock();
  await ui.unlock();
  const privacy = new PrivacyPage(app.page);
  await privacy.open();
  await privacy.setIdleMinutes(10);
  await privacy.openAudit();
  await privacy.exportAudit();
  expect(refused).toEqual([]);
  expect(app.foreignRequests).toEqual([]);
});
