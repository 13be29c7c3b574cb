import { expect, type Page } from '@playwright/test';

export const PASSPHRASE = 'paarse fiets onder de lindeboom';

export type MemberInput = { role?: string; firstName: string; lastName?: string; birthDate?: string; bsn?: string };

/** Page model for the vault gate and the household screens (Dutch UI, the default). */
export class AppPage {
  constructor(
    readonly page: Page,
    readonly baseURL: string,
  ) {}

  async open(path = '/'): Promise<void> {
    await this.page.goto(`${this.baseURL}${path}`);
    await expect(this.page.locator('body[data-gate]:not([data-gate="checking"])')).toBeVisible();
  }

  async gate(): Promise<string | null> {
    return this.page.locator('body').getAttribute('data-gate');
  }

  /** First run: name, passphrase twice, then acknowledge the recovery key. Returns the recovery key. */
  async setup(name = 'Sanne de Vries', passphrase = PASSPHRASE): Promise<string> {
    const p = this.page;
    await expect(p.locator('[data-ready="setup"]')).toBeVisible();
    await p.getByLabel('Uw naam').fill(name);
    await p.getByLabel('Wachtzin', { exact: true }).fill(passphrase);
    await p.getByLabel('Herhaal de wachtzin').fill(passphrase);
    await p.getByRole('button', { name: 'Versleutelde opslag aanmaken' }).click();
    const key = p.getByTestId('recovery-key');
    await expect(key).toBeVisible();
    const recovery = (await key.textContent()) ?? '';
    await p.getByLabel('Ik heb de herstelsleutel veilig bewaard').check();
    await p.getByRole('button', { name: 'Verder naar Wijktafel' }).click();
    await expect(p.locator('[data-ready="households"]')).toBeVisible();
    return recovery;
  }

  async unlock(passphrase = PASSPHRASE): Promise<void> {
    const p = this.page;
    await expect(p.locator('[data-ready="unlock"]')).toBeVisible();
    await p.getByLabel('Wachtzin', { exact: true }).fill(passphrase);
    await p.getByRole('button', { name: 'Ontgrendelen' }).click();
    await expect(p.locator('body[data-gate="unlocked"]')).toBeVisible();
  }

  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: 'Vergrendelen' }).click();
    await expect(this.page.locator('[data-ready="unlock"]')).toBeVisible();
  }

  async createHousehold(displayName: string, members: MemberInput[], wijk = 'Centrum'): Promise<string> {
    const p = this.page;
    await p.getByRole('link', { name: 'Nieuw huishouden' }).click();
    await expect(p.locator('[data-ready="household-form"]')).toBeVisible();
    await p.getByLabel('Naam van het huishouden').fill(displayName);
    await p.getByLabel('Wijk').fill(wijk);
    for (let i = 0; i < members.length; i++) {
      if (i > 0) await p.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
      const m = members[i];
      if (!m) continue;
      const fs = p.getByRole('group', { name: `Gezinslid ${i + 1}` });
      if (m.role) await fs.getByLabel('Rol').selectOption(m.role);
      await fs.getByLabel('Voornaam').fill(m.firstName);
      if (m.lastName) await fs.getByLabel('Achternaam').fill(m.lastName);
      if (m.birthDate) await fs.getByLabel('Geboortedatum').fill(m.birthDate);
      if (m.bsn) await fs.getByLabel('BSN').fill(m.bsn);
    }
    await p.getByRole('button', { name: 'Opslaan' }).click();
    await expect(p.locator('[data-ready="household"]')).toBeVisible();
    const id = /#\/households\/([^/]+)/.exec(p.url())?.[1];
    if (!id) throw new Error('no household id in url');
    return id;
  }

  async gotoList(): Promise<void> {
    await this.page.getByRole('link', { name: 'Huishoudens' }).first().click();
    await expect(this.page.locator('[data-ready="households"]')).toBeVisible();
  }
}
