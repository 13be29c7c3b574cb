import { expect, type Locator, type Page } from '@playwright/test';
import { optionLabel } from './options';

export type Position = 'binnenring' | 'buitenring:eerste' | 'buitenring:tweede' | 'invliegen';

/** Page model for the team feature: wizard, organisations and contacts, rings, members, household partners (Dutch UI). */
export class TeamPage {
  constructor(readonly page: Page) {}

  async gotoTeam(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /^Team/ }).click();
    await expect(this.page.locator('[data-ready="team-rings"]')).toBeVisible();
  }

  async tab(name: 'Ringen' | 'Organisaties' | 'Teamleden' | 'Werkverdeling' | 'Instellingen', ready: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Team-onderdelen' }).getByRole('link', { name }).click();
    await expect(this.page.locator(`[data-ready="${ready}"]`)).toBeVisible();
  }

  /** The wizard from the banner: three steps, then the ring view. */
  async runWizard(name: string, wijken: readonly string[]): Promise<void> {
    const p = this.page;
    await p.getByTestId('team-setup-banner').getByRole('link', { name: 'Team instellen' }).click();
    await expect(p.locator('[data-ready="team-wizard"]')).toBeVisible();
    await p.getByLabel('Naam van het team').fill(name);
    await p.getByLabel('Wijken').fill(wijken.join('\n'));
    await p.getByRole('button', { name: 'Volgende stap' }).click();
    await expect(p.getByLabel('Levensdomein 1', { exact: true })).toBeVisible();
  }

  async loadExampleFromWizard(): Promise<void> {
    const p = this.page;
    await p.getByTestId('team-setup-banner').getByRole('link', { name: 'Team instellen' }).click();
    await expect(p.locator('[data-ready="team-wizard"]')).toBeVisible();
    await p.getByRole('button', { name: 'Voorbeeldteam laden' }).click();
    await expect(p.locator('[data-ready="ring-view"]')).toBeVisible();
  }

  async addOrganisation(name: string, typeLabel: string, position: Position, reason: string): Promise<void> {
    const p = this.page;
    await this.tab('Organisaties', 'team-organisations');
    const form = p.getByRole('form', { name: 'Organisatie toevoegen' });
    await form.getByLabel('Naam van de organisatie').fill(name);
    await form.getByLabel('Soort organisatie').selectOption({ label: typeLabel });
    await form.getByLabel('Ring', { exact: true }).selectOption(position);
    await form.getByLabel('Reden van de plaatsing').fill(reason);
    await form.getByRole('button', { name: 'Organisatie toevoegen en plaatsen' }).click();
    await expect(p.locator('[data-ready="team-organisation"]')).toBeVisible();
    await expect(p.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  /** On an organisation's page. */
  async addContact(name: string, role: string, backup?: string): Promise<void> {
    const p = this.page;
    await p.getByRole('button', { name: 'Contactpersoon toevoegen' }).click();
    const form = p.getByRole('form', { name: 'Contactpersoon toevoegen' });
    await form.getByLabel('Naam', { exact: true }).fill(name);
    await form.getByLabel('Functie').fill(role);
    if (backup) await form.getByLabel('Vervanger bij afwezigheid').selectOption({ label: backup });
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect(p.locator(`[data-contact="${name}"]`)).toBeVisible();
  }

  async openOrganisation(name: string): Promise<void> {
    await this.tab('Organisaties', 'team-organisations');
    await this.page.getByRole('link', { name, exact: true }).click();
    await expect(this.page.locator('[data-ready="team-organisation"]')).toBeVisible();
  }

  node(orgName: string): Locator {
    return this.page.locator('[data-ready="ring-view"]').getByRole('button', { name: new RegExp(`^${orgName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},`) });
  }

  /** Keyboard only: focus the organisation in the ring, Enter, choose the ring, give a reason, save. */
  async moveWithKeyboard(orgName: string, position: Position, reason: string): Promise<void> {
    const p = this.page;
    await this.node(orgName).focus();
    await p.keyboard.press('Enter');
    const panel = p.locator('[data-ready="move-panel"]');
    await expect(panel).toBeVisible();
    await expect(panel.getByLabel('Naar ring')).toBeFocused();
    await panel.getByLabel('Naar ring').selectOption(position);
    await panel.getByLabel('Reden van de plaatsing').fill(reason);
    await panel.getByLabel('Reden van de plaatsing').press('Tab');
    await p.keyboard.press('Enter');
    await expect(this.node(orgName)).toHaveAttribute('data-position', position);
    // The ring hands focus back to the moved node on the next frame; wait for it, or the next
    // move's focus() could be taken back by this one.
    await expect(this.node(orgName)).toBeFocused();
  }

  /**
   * Make every IndexedDB write in the page fail (as a full disk would), or restore them. Only
   * around one form's submit: the app's own background writes (audit entries on navigation)
   * would fail too.
   */
  async failWrites(fail: boolean): Promise<void> {
    await this.page.evaluate((on) => {
      const w = window as unknown as { __realWrites?: { put: IDBObjectStore['put']; add: IDBObjectStore['add'] } };
      w.__realWrites ??= { put: IDBObjectStore.prototype.put, add: IDBObjectStore.prototype.add };
      const refuse = (): never => {
        throw new DOMException('simulated full disk', 'QuotaExceededError');
      };
      IDBObjectStore.prototype.put = on ? refuse : w.__realWrites.put;
      IDBObjectStore.prototype.add = on ? refuse : w.__realWrites.add;
    }, fail);
  }

  // ---- household section ----

  section(): Locator {
    return this.page.locator('[data-ready="household-partners"]');
  }

  async involve(orgName: string, contact: string | undefined, level: string, role: string): Promise<void> {
    const s = this.section();
    await s.getByRole('button', { name: 'Partner betrekken' }).click();
    const form = s.getByRole('form', { name: 'Partner betrekken' });
    await form.getByLabel('Organisatie').selectOption({ label: await optionLabel(form.getByLabel('Organisatie'), orgName) });
    if (contact) await form.getByLabel('Contactpersoon').selectOption({ label: await optionLabel(form.getByLabel('Contactpersoon'), contact) });
    await form.getByLabel('Niveau', { exact: true }).selectOption(level);
    await form.getByLabel('Rol in het plan').fill(role);
    await form.getByRole('button', { name: 'Betrekken' }).click();
    await expect(s.locator(`[data-involvement="${orgName}"]`)).toBeVisible();
  }

  async recordConsent(orgName: string | undefined, purposeLabel: string, givenBy: string, expiresAt?: string, givenAt?: string): Promise<void> {
    const s = this.section();
    let form = s.getByRole('form', { name: 'Toestemming vastleggen' });
    if (!(await form.isVisible())) {
      await s.getByRole('button', { name: 'Toestemming vastleggen' }).click();
      form = s.getByRole('form', { name: 'Toestemming vastleggen' });
    }
    if (orgName) await form.getByLabel('Organisatie').selectOption({ label: await optionLabel(form.getByLabel('Organisatie'), orgName) });
    await form.getByLabel('Doel').selectOption({ label: purposeLabel });
    await form.getByLabel('Gegeven door').fill(givenBy);
    if (givenAt) await form.getByLabel('Gegeven op').fill(givenAt);
    if (expiresAt) await form.getByLabel('Geldig tot en met').fill(expiresAt);
    await form.getByRole('button', { name: 'Toestemming opslaan' }).click();
    await expect(s.getByText('Toestemming vastgelegd.', { exact: true })).toBeVisible();
  }

  async openInviteForm(): Promise<Locator> {
    const s = this.section();
    const form = s.getByRole('form', { name: 'Partner uitnodigen' });
    if (!(await form.isVisible())) await s.getByRole('button', { name: 'Partner uitnodigen' }).click();
    await expect(form).toBeVisible();
    return form;
  }

  async inviteForMeeting(contact: string, date: string): Promise<Locator> {
    const form = await this.openInviteForm();
    await form.getByLabel('Contactpersoon').selectOption({ label: await optionLabel(form.getByLabel('Contactpersoon'), contact) });
    await form.getByLabel('Doel').selectOption({ label: 'bespreken in overleg' });
    await form.getByLabel('Voor', { exact: true }).selectOption('meeting');
    await form.getByLabel('Datum van het overleg').fill(date);
    await form.getByRole('button', { name: 'Uitnodigen' }).click();
    return form;
  }
}

/**
 * Create a household through the form. Once the team has wijken, the form offers them as a
 * choice (a select), so this helper chooses instead of typing.
 */
export async function createHouseholdInWijk(page: Page, displayName: string, firstName: string, wijk: string): Promise<string> {
  await page.getByRole('link', { name: 'Nieuw huishouden' }).click();
  await expect(page.locator('[data-ready="household-form"]')).toBeVisible();
  await page.getByLabel('Naam van het huishouden').fill(displayName);
  const wijkField = page.getByLabel('Wijk', { exact: true });
  if ((await wijkField.evaluate((el) => el.tagName)) === 'SELECT') await wijkField.selectOption({ label: wijk });
  else await wijkField.fill(wijk);
  await page.getByRole('group', { name: 'Gezinslid 1' }).getByLabel('Voornaam').fill(firstName);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.locator('[data-ready="household"]')).toBeVisible();
  const id = /#\/households\/([^/]+)/.exec(page.url())?.[1];
  if (!id) throw new Error('no household id in url');
  return id;
}
