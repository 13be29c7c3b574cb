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

export type Referral = { referrerName: string; question: string; household: string; members: { role: string; firstName: string; lastName?: string }[] };

/** A huisarts referral through the case file's intake form ("Nieuwe aanmelding"), decided "Oppakken". Returns the household id. */
export async function referByHuisarts(page: Page, r: Referral): Promise<string> {
  await page.getByRole('link', { name: 'Huishoudens' }).first().click();
  await page.getByRole('link', { name: 'Nieuwe aanmelding' }).click();
  await expect(page.locator('[data-ready="intake-form"]')).toBeVisible();
  await page.getByLabel('Wie meldt aan').selectOption({ label: 'Huisarts' });
  await page.getByLabel('Naam van de verwijzer').fill(r.referrerName);
  await page.getByLabel('Hoe binnengekomen').selectOption({ label: 'Telefoon' });
  await page.getByLabel('De vraag in eigen woorden').fill(r.question);
  await page.getByLabel('Besluit', { exact: true }).selectOption({ label: 'Oppakken' });
  await page.getByLabel('Naam van het huishouden').fill(r.household);
  for (let i = 0; i < r.members.length; i++) {
    const m = r.members[i];
    if (!m) continue;
    if (i > 0 || (await page.getByRole('group', { name: 'Gezinslid 1' }).count()) === 0) await page.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
    const fs = page.getByRole('group', { name: `Gezinslid ${i + 1}` });
    await fs.getByLabel('Rol').selectOption(m.role);
    await fs.getByLabel('Voornaam').fill(m.firstName);
    if (m.lastName) await fs.getByLabel('Achternaam').fill(m.lastName);
  }
  await page.getByRole('button', { name: 'Aanmelding opslaan' }).click();
  await expect(page.locator('[data-ready="household"]')).toBeVisible();
  const id = /#\/households\/([^/]+)/.exec(page.url())?.[1];
  if (!id) throw new Error('no household id in url');
  return id;
}
