import { expect, type Page } from '@playwright/test';

/** Page model for the feedback loops: Aandacht, the household section, escalations, knelpunten. */
export class FeedbackPage {
  constructor(readonly page: Page) {}

  async gotoAttention(scope: 'mijn' | 'alles' = 'mijn'): Promise<void> {
    await this.page.getByRole('link', { name: /^Aandacht/ }).first().click();
    if (scope === 'alles') await this.page.getByRole('navigation', { name: 'Onderdelen van Aandacht' }).getByRole('link', { name: 'Alles (team)' }).click();
    await expect(this.page.locator('[data-ready="attention"]')).toBeVisible();
  }

  async gotoPart(name: 'Acties' | 'Escalaties' | 'Knelpunten', ready: string): Promise<void> {
    await this.page.getByRole('link', { name: /^Aandacht/ }).first().click();
    await this.page.getByRole('navigation', { name: 'Onderdelen van Aandacht' }).getByRole('link', { name }).click();
    await expect(this.page.locator(`[data-ready="${ready}"]`)).toBeVisible();
  }

  /** The feedback section on the household page that is open now. */
  section() {
    return this.page.locator('[data-ready="household-feedback"]');
  }

  async markStuck(reason: string, description: string): Promise<void> {
    const s = this.section();
    await s.getByText('Vastgelopen melden').click();
    await s.getByLabel('Reden').selectOption({ label: reason });
    await s.getByLabel('Toelichting').fill(description);
    await s.getByRole('button', { name: 'Escalatie starten' }).click();
    await expect(s.getByRole('link', { name: 'Escalatie bekijken' })).toBeVisible();
  }

  async addKnelpunt(category: string, title: string): Promise<void> {
    const s = this.section();
    await s.getByText('Nieuw knelpunt vastleggen', { exact: true }).first().click();
    await s.getByLabel('Categorie').selectOption({ label: category });
    await s.getByLabel('Knelpunt', { exact: true }).fill(title);
    await s.getByRole('button', { name: 'Nieuw knelpunt vastleggen' }).click();
    await expect(s.getByText(title)).toBeVisible();
  }

  async linkKnelpunt(title: string, category: string): Promise<void> {
    const s = this.section();
    await s.getByText('Nieuw knelpunt vastleggen', { exact: true }).first().click();
    await s.getByLabel('Bestaand knelpunt koppelen').selectOption({ label: `${title} (${category})` });
    await s.getByRole('button', { name: 'Koppelen', exact: true }).click();
    await expect(s.getByRole('button', { name: 'Ontkoppelen' })).toBeVisible();
  }

  /** Click an export button and return the saved file's name and text (browser download). */
  async download(button: string): Promise<{ name: string; text: string }> {
    const [dl] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: button }).click()]);
    const path = await dl.path();
    const { readFile } = await import('node:fs/promises');
    return { name: dl.suggestedFilename(), text: await readFile(path, 'utf8') };
  }
}
