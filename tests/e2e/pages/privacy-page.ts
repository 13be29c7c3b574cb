import { expect, type Page } from '@playwright/test';

/** Page model for "Instellingen & privacy" and the audit log (Dutch UI). */
export class PrivacyPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Instellingen & privacy' }).click();
    await expect(this.page.locator('[data-ready="privacy"]')).toBeVisible();
    await expect(this.page.locator('[data-ready="retention"]')).toBeVisible();
  }

  async setIdleMinutes(minutes: number): Promise<void> {
    await this.page.getByLabel('Automatisch vergrendelen na').selectOption(String(minutes));
    await this.page.getByRole('button', { name: 'Vergrendeltijd opslaan' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Wachtzin wijzigen' });
    await form.getByLabel('Huidige wachtzin').fill(current);
    await form.getByLabel('Nieuwe wachtzin', { exact: true }).fill(next);
    await form.getByLabel('Herhaal de nieuwe wachtzin').fill(next);
    await form.getByRole('button', { name: 'Wachtzin wijzigen' }).click();
    await expect(this.page.getByText('De wachtzin is gewijzigd.')).toBeVisible();
  }

  async newRecoveryKey(passphrase: string): Promise<string> {
    const form = this.page.getByRole('form', { name: 'Nieuwe herstelsleutel' });
    await form.getByLabel('Huidige wachtzin').fill(passphrase);
    await form.getByRole('button', { name: 'Nieuwe herstelsleutel maken' }).click();
    const key = this.page.getByTestId('new-recovery-key');
    await expect(key).toBeVisible();
    return (await key.textContent()) ?? '';
  }

  async openAudit(): Promise<void> {
    await this.page.getByRole('link', { name: 'Logboek bekijken en exporteren' }).click();
    await expect(this.page.locator('[data-ready="audit"]')).toBeVisible();
  }

  auditRows(action?: string) {
    return this.page.locator(action ? `table.privacy-audit tbody tr[data-action="${action}"]` : 'table.privacy-audit tbody tr');
  }

  /** Export the (filtered) audit log; returns the CSV text the browser saved. */
  async exportAudit(): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Exporteren als CSV' }).click();
    const file = await download;
    const path = await file.path();
    const { readFile } = await import('node:fs/promises');
    await expect(this.page.getByText(/Het logboek is geëxporteerd/)).toBeVisible();
    return readFile(path, 'utf8');
  }
}
