import { expect, expectAccessible, test } from './fixtures';
import { AppPage, PASSPHRASE } from './pages/app-page';
import { BackupPage } from './pages/backup-page';
import { readRawStore, type RawStore } from './pages/backup-store';
import { CaseFilePage } from './pages/casefile-page';
import { PrivacyPage } from './pages/privacy-page';

/**
 * Retention (bewaartermijn) through the UI, with time moved by Playwright's clock: a household
 * closed more than the term (default 24 months) ago is proposed, deleted only after the
 * confirmation, then gone from the list and from IndexedDB's raw rows, and the audit log says
 * so. A later restore of a backup from before the delete warns and leaves it out.
 */

/** Every stored row that belongs to a household (its own row, its key, its child rows). */
function rowsOf(raw: RawStore, householdId: string): string[] {
  const found: string[] = [];
  for (const [table, rows] of Object.entries(raw)) {
    for (const r of rows) if (r.id === householdId || r.householdId === householdId) found.push(table);
  }
  return found;
}

test('a closed household past the bewaartermijn is proposed, deleted on confirmation, gone everywhere, and stays gone after a restore', async ({ app }, testInfo) => {
  const page = app.page;
  await page.clock.install({ time: new Date('2023-03-01T09:00:00Z') });
  const ui = new AppPage(page, app.baseURL);
  await ui.open();
  await ui.setup();
  const oldId = await ui.createHousehold('Familie Termijnverloop', [{ role: 'ouder', firstName: 'Gerda', lastName: 'Termijnverloop', bsn: '111222333' }]);
  const cf = new CaseFilePage(page);
  await cf.tab('Afsluiten');
  await page.getByLabel('Uitkomst').fill('De vraag is beantwoord; mevrouw redt het zelf.');
  await page.getByRole('button', { name: 'Huishouden afsluiten' }).click();
  await expect(page.locator('.casefile__head .badge', { hasText: 'Afgesloten' })).toBeVisible();
  await ui.gotoList();
  const keepId = await ui.createHousehold('Familie Blijftbestaan', [{ role: 'ouder', firstName: 'Kees' }]);
  // A backup from before the delete, to restore at the end.
  const backup = new BackupPage(page);
  await backup.open();
  const file = testInfo.outputPath('before-delete.wijktafel');
  await backup.makeBackup(file);
  expect(rowsOf(await readRawStore(page), oldId)).toContain('households');

  // Not yet due: a year later nothing is proposed.
  await page.clock.setSystemTime(new Date('2024-03-01T09:00:00Z'));
  await page.reload();
  await ui.unlock();
  const privacy = new PrivacyPage(page);
  await privacy.open();
  await expect(page.getByText('Er zijn geen huishoudens waarvan de bewaartermijn voorbij is.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Huishoudens met verlopen bewaartermijn' })).toHaveCount(0);

  // 25 months after closing: proposed, and only that household.
  await page.clock.setSystemTime(new Date('2025-04-02T09:00:00Z'));
  await page.reload();
  await ui.unlock();
  await privacy.open();
  const proposals = page.getByRole('table', { name: 'Huishoudens met verlopen bewaartermijn' });
  await expect(proposals.getByRole('row', { name: /Familie Termijnverloop/ })).toBeVisible();
  await expect(proposals.getByRole('row', { name: /Familie Blijftbestaan/ })).toHaveCount(0);
  await expectAccessible(page, 'retention proposals');

  // Nothing happens without the confirmation: cancel first.
  await page.getByRole('button', { name: 'Familie Termijnverloop verwijderen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Huishouden definitief verwijderen?' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'retention confirmation');
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  await expect(dialog).toBeHidden();
  expect(rowsOf(await readRawStore(page), oldId)).toContain('households');
  await page.getByRole('button', { name: 'Familie Termijnverloop verwijderen' }).click();
  await dialog.getByRole('button', { name: 'Definitief verwijderen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Het huishouden is verwijderd' })).toBeVisible();
  await expect(proposals).toHaveCount(0);

  // Gone from IndexedDB (not flagged: no row of any table, no key), the other household intact.
  const raw = await readRawStore(page);
  expect(rowsOf(raw, oldId)).toEqual([]);
  expect(rowsOf(raw, keepId)).toContain('households');
  // Gone from the list, also among the closed ones.
  await ui.gotoList();
  await page.getByLabel('Status', { exact: true }).selectOption('afgesloten');
  await expect(page.getByRole('link', { name: 'Familie Termijnverloop' })).toHaveCount(0);

  // The audit log says so: which record, that it was the bewaartermijn — never the name.
  await privacy.open();
  await privacy.openAudit();
  const deleted = privacy.auditRows('household.delete');
  await expect(deleted).toHaveCount(1);
  await expect(deleted).toContainText(oldId.slice(0, 8));
  await expect(deleted).toContainText('bewaartermijn');
  await expect(page.locator('table.privacy-audit')).not.toContainText('Termijnverloop');

  // Restoring the backup from before the delete: warned, and left out unless confirmed.
  await backup.open();
  const section = backup.restoreSection();
  await backup.checkBackup(section, file, PASSPHRASE);
  const warning = section.getByTestId('restore-retention-deleted');
  await expect(warning).toContainText('verwijderd omdat de bewaartermijn voorbij was');
  await expect(warning).toContainText(oldId.slice(0, 8));
  await expect(section.getByLabel(/Toch terugzetten/)).not.toBeChecked();
  await expectAccessible(page, 'restore plan with retention-deleted households');
  await backup.confirmRestore(section);
  await ui.unlock();
  expect(rowsOf(await readRawStore(page), oldId)).toEqual([]);
  await ui.gotoList();
  await expect(page.getByRole('link', { name: 'Familie Blijftbestaan' })).toBeVisible();
  await page.getByLabel('Status', { exact: true }).selectOption('afgesloten');
  await expect(page.getByRole('link', { name: 'Familie Termijnverloop' })).toHaveCount(0);
  // The audit log survived the restore: the delete is still recorded, and the restore after it.
  await privacy.open();
  await privacy.openAudit();
  await expect(privacy.auditRows('household.delete')).toHaveCount(1);
  await expect(privacy.auditRows('backup.restore')).toHaveCount(1);
});
