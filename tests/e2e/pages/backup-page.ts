import { expect, type Page } from '@playwright/test';
import { basename } from 'node:path';

/** Page model for the "Back-up & import" screen and the restore offer on the first-run screen. */
export class BackupPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Back-up & import' }).click();
    await expect(this.page.locator('[data-ready="backup-screen"]')).toBeVisible();
    await expect(this.page.locator('[data-ready="storage"]')).toBeVisible();
  }

  /** Click "Back-up opslaan" and save the download (the browser build downloads). */
  async makeBackup(path: string): Promise<void> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Back-up opslaan' }).click();
    await (await download).saveAs(path);
    await expect(this.page.locator('[data-ready="backup-made"]')).toBeVisible();
  }

  restoreSection() {
    return this.page.getByRole('region', { name: 'Herstellen uit back-up' });
  }

  /** Choose a file, give the passphrase, wait for either the comparison or an error. */
  async checkBackup(scope: ReturnType<Page['locator']>, file: string, passphrase: string): Promise<void> {
    await scope.getByLabel('Back-upbestand (.wijktafel)').setInputFiles(file);
    // Wait until the panel shows this file, not the previous one's result.
    await expect(scope.locator(`[data-ready="restore"][data-file="${basename(file)}"]`)).toBeVisible();
    const inspected = scope.locator('[data-ready="backup-inspected"]');
    const error = scope.locator('.backup-error');
    await expect(inspected.or(error)).toBeVisible();
    if (await error.isVisible()) return;
    await scope.getByLabel('Wachtzin van de back-up').fill(passphrase);
    await scope.getByRole('button', { name: 'Back-up controleren' }).click();
    await expect(scope.locator('[data-ready="restore-plan"]').or(error)).toBeVisible({ timeout: 30_000 });
  }

  async confirmRestore(scope: ReturnType<Page['locator']>): Promise<void> {
    await scope.getByLabel('Ik begrijp dat alle huidige gegevens worden vervangen door de back-up').check();
    await scope.getByRole('button', { name: 'Vervangen en herstellen' }).click();
    await expect(scope.locator('[data-ready="restored"]')).toBeVisible({ timeout: 30_000 });
    await scope.getByRole('button', { name: 'Naar ontgrendelen' }).click();
  }

  importSection() {
    return this.page.getByRole('region', { name: 'Importeren uit spreadsheet' });
  }
}
