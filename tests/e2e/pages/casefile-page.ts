import { expect, type Locator, type Page } from '@playwright/test';

export type IntakeInput = {
  referrerType: string;
  referrerName?: string;
  referrerOrganisation?: string;
  channel?: string;
  question: string;
  decision?: string;
  decisionReason?: string;
  displayName: string;
  wijk?: string;
  members: { role?: string; firstName: string; lastName?: string; birthDate?: string }[];
};

export type PartyInput = { kind: 'team_member' | 'contact' | 'resident' | 'network'; who?: string; name?: string };
export type ActionInput = { text: string; layer: string; reason?: string; owner: PartyInput; reportTo: PartyInput; dueDate: string };

/** Page model for the household case file (Dutch UI, the default). */
export class CaseFilePage {
  constructor(readonly page: Page) {}

  /** Adds a team member through the team screen (owned by the partners feature). */
  async addTeamMember(name: string): Promise<void> {
    const p = this.page;
    await p.goto(`${new URL(p.url()).origin}/#/team/members`);
    await expect(p.locator('[data-ready="team-members"]')).toBeVisible();
    await p.getByRole('button', { name: 'Teamlid toevoegen' }).click();
    const form = p.getByRole('form', { name: 'Teamlid toevoegen' });
    await form.getByLabel('Naam', { exact: true }).fill(name);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect(p.getByRole('cell', { name }).or(p.getByText(name)).first()).toBeVisible();
  }

  async gotoList(): Promise<void> {
    const p = this.page;
    await p.goto(`${new URL(p.url()).origin}/#/households`);
    await expect(p.locator('[data-ready="households"]')).toBeVisible();
  }

  /** The household names in the case list, in the order shown. */
  listNames(): Locator {
    return this.page.locator('[data-ready="households"] tbody th a');
  }

  /** From the case list: open the household, edit its risk flags and "ook bekend bij" markers, save. */
  async setMarkers(householdName: string, flags: readonly string[], alsoKnownBy: readonly string[]): Promise<void> {
    const p = this.page;
    await p.getByRole('link', { name: householdName, exact: true }).click();
    await expect(p.locator('[data-ready="household"]')).toBeVisible();
    await p.getByRole('link', { name: 'Bewerken' }).click();
    await expect(p.locator('[data-ready="household-form"]')).toBeVisible();
    const flagGroup = p.getByRole('group', { name: 'Signalen (risico of veiligheid)' });
    for (const f of flags) await flagGroup.getByLabel(f, { exact: true }).check();
    const knownGroup = p.getByRole('group', { name: 'Ook bekend bij' });
    for (const k of alsoKnownBy) await knownGroup.getByLabel(k, { exact: true }).check();
    await p.getByRole('button', { name: 'Opslaan' }).click();
    await expect(p.locator('[data-ready="household"]')).toBeVisible();
  }

  async openIntakeForm(): Promise<void> {
    await this.gotoList();
    await this.page.getByRole('link', { name: 'Nieuwe aanmelding' }).click();
    await expect(this.page.locator('[data-ready="intake-form"]')).toBeVisible();
  }

  /** Fills the new-aanmelding form (does not submit). */
  async fillIntake(i: IntakeInput): Promise<void> {
    const p = this.page;
    const signal = p.getByRole('region', { name: 'Het signaal' });
    await signal.getByLabel('Wie meldt aan').selectOption(i.referrerType);
    if (i.referrerName) await signal.getByLabel('Naam van de verwijzer').fill(i.referrerName);
    if (i.referrerOrganisation) await signal.getByLabel('Organisatie of praktijk').fill(i.referrerOrganisation);
    if (i.channel) await signal.getByLabel('Hoe binnengekomen').selectOption(i.channel);
    await signal.getByLabel('De vraag in eigen woorden').fill(i.question);
    if (i.decision) await signal.getByLabel('Besluit', { exact: true }).selectOption(i.decision);
    if (i.decisionReason) await signal.getByLabel('Reden van het besluit').fill(i.decisionReason);
    const hh = p.getByRole('region', { name: 'Het huishouden' });
    await hh.getByLabel('Naam van het huishouden').fill(i.displayName);
    if (i.wijk) await hh.getByLabel('Wijk').fill(i.wijk);
    for (let n = 0; n < i.members.length; n++) {
      if (n > 0) await hh.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
      const m = i.members[n];
      if (!m) continue;
      const fs = hh.getByRole('group', { name: `Gezinslid ${n + 1}` });
      if (m.role) await fs.getByLabel('Rol').selectOption(m.role);
      await fs.getByLabel('Voornaam').fill(m.firstName);
      if (m.lastName) await fs.getByLabel('Achternaam').fill(m.lastName);
      if (m.birthDate) await fs.getByLabel('Geboortedatum').fill(m.birthDate);
    }
  }

  async saveIntake(): Promise<string> {
    const p = this.page;
    await p.getByRole('button', { name: 'Aanmelding opslaan' }).click();
    await expect(p.locator('[data-ready="household"]')).toBeVisible();
    const id = /#\/households\/([^/]+)/.exec(p.url())?.[1];
    if (!id) throw new Error('no household id in url');
    return id;
  }

  async tab(name: 'Overzicht' | 'Leefgebieden' | 'Plan' | 'Tijdlijn en notities' | 'Afsluiten'): Promise<void> {
    const p = this.page;
    await p.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name, exact: true }).click();
    await expect(p.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
  }

  regie(): Locator {
    return this.page.getByRole('region', { name: 'Regie' });
  }

  async handOver(to: string, reason: string, note: string, first = false): Promise<void> {
    const r = this.regie();
    await r.getByRole('button', { name: first ? 'Regisseur toewijzen' : 'Regie overdragen' }).click();
    const form = r.getByRole('form', { name: first ? 'Regisseur toewijzen' : 'Regie overdragen' });
    await form.getByLabel(first ? 'Regisseur' : 'Nieuwe regisseur', { exact: true }).selectOption({ label: to });
    await form.getByLabel('Reden').fill(reason);
    await form.getByLabel('Warme overdracht').fill(note);
    await form.getByRole('button', { name: first ? 'Regisseur toewijzen' : 'Overdracht vastleggen' }).click();
    await expect(form).toBeHidden();
  }

  async addScore(domain: string, score: 1 | 2 | 3 | 4 | 5, narrative: string, date?: string): Promise<void> {
    const form = this.page.locator('[data-ready="score-form"]');
    await form.getByLabel('Leefgebied').selectOption({ label: domain });
    if (date) await form.getByLabel('Datum').fill(date);
    await form.getByRole('radio', { name: new RegExp(`^${score} ·`) }).check();
    await form.getByLabel('Toelichting').fill(narrative);
    await form.getByRole('button', { name: 'Score opslaan' }).click();
    await expect(form.getByLabel('Toelichting')).toHaveValue('');
  }

  async startPlan(): Promise<void> {
    await this.page.getByRole('button', { name: 'Plan starten' }).click();
    await expect(this.page.getByRole('heading', { name: 'Doel toevoegen' })).toBeVisible();
  }

  async addGoal(domain: string, text: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Doel toevoegen' });
    await form.getByLabel('Leefgebied').selectOption({ label: domain });
    await form.getByLabel('Doel in de woorden van de bewoner').fill(text);
    await form.getByRole('button', { name: 'Doel opslaan' }).click();
    await expect(this.page.getByRole('heading', { name: text })).toBeVisible();
  }

  goal(index: number): Locator {
    return this.page.getByTestId('goal').nth(index - 1);
  }

  private async fillParty(form: Locator, legend: string, party: PartyInput): Promise<void> {
    const fs = form.getByRole('group', { name: legend });
    await fs.getByLabel('Soort').selectOption(party.kind);
    if (party.who) await fs.getByLabel('Wie', { exact: true }).selectOption({ label: party.who });
    if (party.name) await fs.getByLabel('Naam').fill(party.name);
  }

  /** Opens the action form under a goal and fills it; returns the form (not submitted). */
  async fillAction(goalIndex: number, a: ActionInput): Promise<Locator> {
    const goal = this.goal(goalIndex);
    await goal.getByRole('button', { name: `Actie toevoegen aan doel ${goalIndex}` }).click();
    const form = goal.getByRole('form', { name: 'Actie toevoegen' });
    await form.getByLabel('Wat gaat er gebeuren').fill(a.text);
    await form.getByLabel('Laag', { exact: true }).selectOption(a.layer);
    if (a.reason) await form.getByLabel('Waarom deze laag').fill(a.reason);
    await this.fillParty(form, 'Wie doet het', a.owner);
    await this.fillParty(form, 'Terugkoppelen aan', a.reportTo);
    await form.getByLabel('Uiterlijk op').fill(a.dueDate);
    return form;
  }

  async addAction(goalIndex: number, a: ActionInput): Promise<void> {
    const form = await this.fillAction(goalIndex, a);
    await form.getByRole('button', { name: 'Actie opslaan' }).click();
    await expect(form).toBeHidden();
    await expect(this.goal(goalIndex).getByText(a.text)).toBeVisible();
  }
}
