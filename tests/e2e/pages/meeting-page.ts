import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { optionLabel } from './options';

/** Page model for the meeting feature: nominate, agenda, meeting mode, exports (Dutch UI). */
export class MeetingPage {
  constructor(readonly page: Page) {}

  /** A household with members, in the team's first wijk (a select once the team is set up). */
  async createHousehold(displayName: string, members: readonly { role: string; firstName: string; lastName: string; birthDate: string; bsn?: string }[]): Promise<string> {
    const p = this.page;
    await p.goto(`${new URL(p.url()).origin}/#/households/new`);
    await expect(p.locator('[data-ready="household-form"]')).toBeVisible();
    await p.getByLabel('Naam van het huishouden').fill(displayName);
    const wijk = p.getByLabel('Wijk', { exact: true });
    if ((await wijk.evaluate((el) => el.tagName)) === 'SELECT') await wijk.selectOption({ index: 1 });
    else await wijk.fill('Centrum');
    for (let i = 0; i < members.length; i++) {
      if (i > 0) await p.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
      const m = members[i];
      if (!m) continue;
      const fs = p.getByRole('group', { name: `Gezinslid ${i + 1}` });
      await fs.getByLabel('Rol').selectOption(m.role);
      await fs.getByLabel('Voornaam').fill(m.firstName);
      await fs.getByLabel('Achternaam').fill(m.lastName);
      await fs.getByLabel('Geboortedatum').fill(m.birthDate);
      if (m.bsn) await fs.getByLabel('BSN').fill(m.bsn);
    }
    await p.getByRole('button', { name: 'Opslaan' }).click();
    await expect(p.locator('[data-ready="household"]')).toBeVisible();
    const id = /#\/households\/([^/]+)/.exec(p.url())?.[1];
    if (!id) throw new Error('no household id in url');
    return id;
  }

  /** On a household's overview: bring it into the next meeting. */
  async nominate(question: string, minutes: number): Promise<void> {
    const s = this.page.locator('[data-ready="nominate"]');
    await s.getByLabel('Vraag aan het team').fill(question);
    await s.getByLabel('Voorgestelde tijd (minuten)').fill(String(minutes));
    await s.getByRole('button', { name: 'Agenderen voor overleg' }).click();
    await expect(s.getByTestId('on-agenda')).toBeVisible();
  }

  async gotoMeetings(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overleg' }).click();
    await expect(this.page.locator('[data-ready="meetings"]')).toBeVisible();
  }

  async openFirstUpcoming(): Promise<void> {
    await this.page.getByTestId('upcoming').getByRole('link').first().click();
    await expect(this.page.locator('[data-ready="agenda"]')).toBeVisible();
  }

  item(name: string): Locator {
    return this.page.getByTestId('agenda-item').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** The agenda's household names, in order (names are decrypted after the rows appear: retried). */
  agendaTitles(): Locator {
    return this.page.getByTestId('agenda-item').locator('.mt-item__title > a');
  }

  async invite(name: string, contactStart: string): Promise<void> {
    const row = this.item(name);
    const select = row.getByLabel(`Partner uitnodigen voor ${name}`);
    await select.selectOption({ label: await optionLabel(select, contactStart) });
    await row.getByRole('button', { name: 'Uitnodigen', exact: true }).click();
  }

  /**
   * "Opslaan als PDF" in the browser: the app's own print path shows its print view and opens
   * the print dialog. Headless Chromium has no dialog (its window.print() leaves the page "being
   * printed"), so the test stands in for the dialog and the person at it: window.print only
   * records the call, the print view is printed to PDF (Playwright's page.pdf renders print
   * media, as "Save as PDF" does), then the dialog closes (afterprint). Returns once logged.
   */
  async printViaBrowser(pdfPath?: string): Promise<void> {
    const p = this.page;
    await p.evaluate(() => {
      const w = window as Window & { __printCalls?: number };
      w.__printCalls = 0;
      window.print = () => {
        w.__printCalls = (w.__printCalls ?? 0) + 1;
      };
    });
    await p.getByRole('button', { name: 'Opslaan als PDF' }).click();
    await expect(p.locator('body.printing [data-testid="print-view"]')).toBeAttached();
    expect(await p.evaluate(() => (window as Window & { __printCalls?: number }).__printCalls)).toBe(1);
    // While the dialog is open nothing is logged: it could still be cancelled.
    await expect(p.getByTestId('export-done')).toHaveCount(0);
    if (pdfPath) await p.pdf({ path: pdfPath, format: 'A4', printBackground: true, preferCSSPageSize: true });
    // The dialog closes (Chromium's own printing may already have fired afterprint: then this is a no-op).
    await p.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect(p.locator('[data-testid="print-view"]')).toHaveCount(0);
    await expect(p.getByTestId('export-done')).toContainText('afdrukvenster');
  }

  /** Click an export button and read the downloaded file. */
  async download(button: string): Promise<{ name: string; text: string }> {
    const [download]: [Download, void] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: button }).click()]);
    const path = await download.path();
    await expect(this.page.getByTestId('export-done')).toBeVisible();
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }
}
