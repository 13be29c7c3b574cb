import { expect, expectAccessible, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { optionLabel } from './pages/options';
import { TeamPage, createHouseholdInWijk } from './pages/team-page';

/** A fixed "today" so consent expiry and invitation end dates are deterministic. */
const TODAY = new Date('2025-03-04T10:00:00');

test('set up a team in three rings; consent decides who may be invited for a meeting item', async ({ app }) => {
  const p = app.page;
  await p.clock.setFixedTime(TODAY);
  const ui = new AppPage(p, app.baseURL);
  const team = new TeamPage(p);
  await ui.open();
  await ui.setup();

  // The banner offers the wizard without getting in the way of the household list.
  await expect(p.getByTestId('team-setup-banner')).toBeVisible();
  await expectAccessible(p, 'household list with team banner');
  await team.runWizard('Wijkteam Noord', ['Noorderpark', 'De Vaart']);
  await expectAccessible(p, 'wizard step 2 (life domains)');
  await p.getByLabel('Levensdomein 1', { exact: true }).fill('Geld en schulden');
  await p.getByRole('button', { name: 'Volgende stap' }).click();
  await expect(p.getByLabel('Stap 1', { exact: true })).toHaveValue(/Coördinator/);
  await expectAccessible(p, 'wizard step 3 (agreements)');
  await p.getByLabel('Bewaartermijn (maanden)').fill('36');
  await p.getByRole('button', { name: 'Team opslaan' }).click();
  await expect(p.locator('[data-ready="team-rings"]')).toBeVisible();
  await expect(p.getByRole('heading', { name: 'Team: Wijkteam Noord' })).toBeVisible();
  await expect(p.getByTestId('team-setup-banner')).toHaveCount(0);
  await expectAccessible(p, 'empty ring view');

  // Settings were stored, including the renamed life domain and the retention period.
  await team.tab('Instellingen', 'team-settings');
  await expect(p.getByLabel('Levensdomein 1', { exact: true })).toHaveValue('Geld en schulden');
  await expect(p.getByLabel('Bewaartermijn (maanden)')).toHaveValue('36');
  await expect(p.getByLabel('Wijken')).toHaveValue('Noorderpark\nDe Vaart');
  await expectAccessible(p, 'team settings');

  // Organisations in the three rings, each with a reason, and named contacts.
  await team.addOrganisation('AMW Noord', 'Algemeen maatschappelijk werk', 'binnenring', 'Generalisten aan tafel');
  await team.addContact('Anouk Peters', 'Maatschappelijk werker');
  await team.addContact('Mehmet Yilmaz', 'Maatschappelijk werker', 'Anouk Peters');
  await expectAccessible(p, 'organisation page');
  await team.addOrganisation('Woonstichting Noord', 'Woningcorporatie', 'buitenring:eerste', 'Signaleert huurachterstand vroeg');
  await team.addContact('Kees Visser', 'Wijkconsulent');
  await team.addOrganisation('GGZ Noord', 'GGZ', 'invliegen', 'Specialistische ggz op invliegbasis');
  await team.addContact('Iris Koster', 'Psychiater');
  await team.tab('Organisaties', 'team-organisations');
  await expectAccessible(p, 'organisations');

  // The ring view draws them in their rings; keyboard moves an organisation with a reason.
  await team.tab('Ringen', 'team-rings');
  await expect(team.node('AMW Noord')).toHaveAttribute('data-position', 'binnenring');
  await expect(team.node('Woonstichting Noord')).toHaveAttribute('data-position', 'buitenring:eerste');
  await expect(team.node('GGZ Noord')).toHaveAttribute('data-position', 'invliegen');
  await team.node('Woonstichting Noord').focus();
  await p.keyboard.press('ArrowDown'); // one ring outwards: the panel opens at the reason
  await expect(p.locator('[data-ready="move-panel"]').getByLabel('Naar ring')).toHaveValue('buitenring:tweede');
  await expect(p.getByLabel('Reden van de plaatsing')).toBeFocused();
  await p.getByRole('button', { name: 'Plaatsing opslaan' }).click();
  await expect(p.getByText('Vul dit veld in.')).toBeVisible(); // a move without a reason is refused
  await p.getByLabel('Reden van de plaatsing').fill('Alleen op afroep bij woonvragen');
  await p.getByRole('button', { name: 'Plaatsing opslaan' }).click();
  await expect(team.node('Woonstichting Noord')).toHaveAttribute('data-position', 'buitenring:tweede');
  await expect(team.node('Woonstichting Noord')).toBeFocused();
  await expectAccessible(p, 'ring view');

  // A household with a buitenring partner (with consent) and an invliegen partner (without).
  await ui.gotoList();
  await createHouseholdInWijk(p, 'Familie Bakker', 'Fatima', 'Noorderpark');
  await expect(team.section()).toBeVisible();
  await team.involve('Woonstichting Noord', 'Kees Visser', 'afstemmen', 'Betalingsregeling huur');
  await team.involve('GGZ Noord', 'Iris Koster', 'informeren', 'Diagnostiek');
  await team.involve('AMW Noord', 'Anouk Peters', 'doorzetten', 'Regisseur');
  await team.recordConsent('Woonstichting Noord', 'bespreken in overleg', 'Fatima (moeder)', '2025-12-31');
  const ledger = team.section().getByTestId('consent-ledger');
  await expect(ledger.locator('[data-consent="Woonstichting Noord|bespreken"]')).toContainText('Geldig');

  // An expired consent shows on the household until it is renewed (per partner and purpose).
  await team.recordConsent('Woonstichting Noord', 'gegevens delen', 'Fatima (moeder)', '2025-02-28', '2024-09-01');
  await expect(ledger.locator('[data-consent="Woonstichting Noord|delen"]')).toContainText('Verlopen');
  const lapsedWarning = team.section().getByTestId('consent-lapsed');
  await expect(lapsedWarning).toContainText('Woonstichting Noord voor gegevens delen (verlopen)');
  await team.recordConsent('Woonstichting Noord', 'gegevens delen', 'Fatima (moeder)', '2025-12-31');
  await expect(ledger.locator('[data-consent="Woonstichting Noord|delen"]')).toHaveCount(2);
  await expect(lapsedWarning).toHaveCount(0);

  // The buitenring partner with consent can be invited for the meeting.
  await team.inviteForMeeting('Kees Visser', '2025-03-11');
  const invitations = team.section().getByTestId('invitations');
  await expect(invitations.locator('[data-invitation="Kees Visser"]')).toContainText('Gepland');

  // The invliegen partner without consent is refused, with why and what to do.
  const form = await team.inviteForMeeting('Iris Koster', '2025-03-11');
  const refusal = form.getByTestId('invite-refused');
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText('GGZ Noord kan niet worden uitgenodigd.');
  await expect(refusal).toContainText('geen toestemming van het huishouden voor bespreken in overleg');
  await expect(refusal).toBeFocused();
  await expect(invitations.locator('[data-invitation="Iris Koster"]')).toHaveCount(0);
  await expectAccessible(p, 'household page with refusal');
  await team.section().screenshot({ path: '/tmp/team-household-refusal.png' });

  // Recording consent from the refusal, then inviting again, works.
  await refusal.getByRole('button', { name: 'Toestemming vastleggen' }).click();
  const consentForm = team.section().getByRole('form', { name: 'Toestemming vastleggen' });
  await expect(consentForm.getByLabel('Organisatie')).toHaveValue(/.+/);
  await expect(consentForm.getByLabel('Doel')).toHaveValue('bespreken');
  await team.recordConsent(undefined, 'bespreken in overleg', 'Fatima (moeder)');
  await team.inviteForMeeting('Iris Koster', '2025-03-11');
  await expect(invitations.locator('[data-invitation="Iris Koster"]')).toContainText('Gepland');

  // Withdrawing consent shows on the household.
  await ledger.getByRole('button', { name: 'Toestemming van Woonstichting Noord voor bespreken in overleg intrekken' }).click();
  await ledger.getByRole('button', { name: 'Ja, vandaag intrekken' }).click();
  await expect(ledger.locator('[data-consent="Woonstichting Noord|bespreken"]')).toContainText('Ingetrokken');
  await expect(team.section().getByTestId('consent-lapsed')).toBeVisible();
  await expectAccessible(p, 'household page with partners');

  await expect(p.locator('[data-ready="household-ring"]')).toBeVisible();
  await p.locator('.hh-partners__grid').screenshot({ path: '/tmp/team-household-ring.png' });

  // A week later the meeting invitation has ended by itself; the consent is still withdrawn.
  await p.clock.setFixedTime(new Date('2025-03-12T10:00:00'));
  await p.reload();
  await ui.unlock();
  await expect(p.locator('[data-ready="household-partners"]')).toBeVisible();
  await expect(team.section().getByTestId('invitations').locator('[data-invitation="Kees Visser"]')).toContainText('Afgelopen');
});

test('example team: ring view, the table-size warning, members and workload', async ({ app }) => {
  const p = app.page;
  await p.clock.setFixedTime(TODAY);
  const ui = new AppPage(p, app.baseURL);
  const team = new TeamPage(p);
  await ui.open();
  await ui.setup();
  await p.getByTestId('team-setup-banner').getByRole('link', { name: 'Team instellen' }).click();
  await expect(p.locator('[data-ready="team-wizard"]')).toBeVisible();
  await expectAccessible(p, 'wizard step 1');
  await p.screenshot({ path: '/tmp/team-wizard.png', fullPage: true });
  await p.getByRole('button', { name: 'Voorbeeldteam laden' }).click();
  await expect(p.locator('[data-ready="ring-view"]')).toBeVisible();
  await expect(p.getByRole('heading', { name: /Sociaal wijkteam Oost \(voorbeeld\)/ })).toContainText('Voorbeeld');
  await expect(p.locator('[data-ready="ring-view"] [data-org]')).toHaveCount(15);
  await expect(p.getByTestId('table-warning')).toHaveCount(0);
  await expectAccessible(p, 'example ring view');
  await p.locator('.ring-layout').screenshot({ path: '/tmp/team-ring.png' });

  // Arrow keys walk the organisations; Home goes to the first.
  await team.node('Gemeente – Wmo-loket').focus();
  await p.keyboard.press('ArrowRight');
  await expect(p.locator('[data-ready="ring-view"] [data-org]:focus')).toHaveCount(1);

  // Moving partners to the table until more than fifteen people sit at it raises the warning.
  for (const name of ['Huisartsenpraktijk De Linde', 'Woonstichting Thuis in Oost', 'Schuldhulpverlening gemeente', 'Politie – wijkagent Oost', 'GGZ Oost – FACT-team', 'Vrijwilligerscentrale Oost']) {
    await team.moveWithKeyboard(name, 'binnenring', 'Proef: vaste plek aan tafel');
  }
  await team.moveWithKeyboard('Sociaal raadslieden Oost', 'binnenring', 'Proef: vaste plek aan tafel');
  await expect(p.getByText('Aan tafel: 15 personen')).toBeVisible();
  await expect(p.getByTestId('table-warning')).toHaveCount(0); // fifteen is still a table
  await team.moveWithKeyboard('GGD – Jeugdgezondheidszorg', 'binnenring', 'Proef: vaste plek aan tafel');
  await expect(p.getByTestId('table-warning')).toContainText('16 mensen aan tafel');
  await expectAccessible(p, 'ring view with warning');
  await p.locator('section[aria-labelledby="team-title"]').screenshot({ path: '/tmp/team-ring-warning.png' });

  await team.tab('Teamleden', 'team-members');
  await expect(p.getByRole('row', { name: /Sanne de Vries/ })).toContainText('u');
  await p.getByRole('button', { name: 'Sanne de Vries bewerken' }).click();
  await p.getByLabel('Thuisorganisatie').selectOption({ label: 'Welzijn Oost (opbouwwerk)' });
  await p.getByLabel('Uren per week voor het team').fill('20');
  await p.getByLabel('Specialisme').fill('Jongeren');
  await p.getByRole('button', { name: 'Opslaan' }).click();
  await expect(p.getByRole('row', { name: /Sanne de Vries/ })).toContainText('Welzijn Oost (opbouwwerk)');
  await expect(p.getByRole('row', { name: /Sanne de Vries/ })).toContainText('20');
  await expectAccessible(p, 'team members');
  await p.screenshot({ path: '/tmp/team-members.png', fullPage: true });

  await team.tab('Werkverdeling', 'team-workload');
  await expect(p.locator('[data-workload="Sanne de Vries"]')).toBeVisible();
  await expectAccessible(p, 'workload');
  await team.tab('Organisaties', 'team-organisations');
  await expectAccessible(p, 'example organisations');
});

test('a contact leaves: their open actions and involvements move to the successor', async ({ app }) => {
  const p = app.page;
  await p.clock.setFixedTime(TODAY);
  const ui = new AppPage(p, app.baseURL);
  const team = new TeamPage(p);
  await ui.open();
  await ui.setup();
  await team.loadExampleFromWizard();

  // A household where Mehmet (AMW) is involved and owns an open action, made in the case file.
  await ui.gotoList();
  const id = await createHouseholdInWijk(p, 'Familie Jansen', 'Els', 'Molenwijk');
  await team.involve('Maatschappelijk Werk De Brug', 'Mehmet Yilmaz', 'afwegen', 'Begeleiding thuis');
  await p.goto(`${app.baseURL}/#/households/${id}/plan`);
  await expect(p.locator('[data-ready="plan"]')).toBeVisible();
  await p.getByRole('button', { name: 'Plan starten' }).click();
  await p.getByLabel('Leefgebied').selectOption({ index: 1 });
  await p.getByLabel('Doel in de woorden van de bewoner').fill('Ik wil weer rust in mijn hoofd over geld');
  await p.getByRole('button', { name: 'Doel opslaan' }).click();
  await p.getByRole('button', { name: 'Actie toevoegen aan doel 1' }).click();
  const actionForm = p.locator('[data-ready="action-form"]');
  await actionForm.getByLabel('Wat gaat er gebeuren').fill('Samen de post openen en sorteren');
  const owner = actionForm.getByRole('group', { name: 'Wie doet het' });
  await owner.getByLabel('Soort').selectOption('contact');
  await owner.getByLabel('Wie').selectOption({ label: 'Mehmet Yilmaz (Maatschappelijk Werk De Brug)' });
  const reportTo = actionForm.getByRole('group', { name: 'Terugkoppelen aan' });
  await reportTo.getByLabel('Wie').selectOption({ label: 'Sanne de Vries' });
  await actionForm.getByLabel('Uiterlijk op').fill('2025-04-01');
  await p.getByRole('button', { name: 'Actie opslaan' }).click();
  const action = p.getByTestId('action').filter({ hasText: 'Samen de post openen en sorteren' });
  await expect(action).toContainText('Mehmet Yilmaz');
  // A second action, done by a team member, whose result is reported to Mehmet.
  await p.getByRole('button', { name: 'Actie toevoegen aan doel 1' }).click();
  await actionForm.getByLabel('Wat gaat er gebeuren').fill('Budgetcoach zoeken bij de vrijwilligerscentrale');
  await owner.getByLabel('Soort').selectOption('team_member');
  await owner.getByLabel('Wie').selectOption({ label: 'Sanne de Vries' });
  await reportTo.getByLabel('Soort').selectOption('contact');
  await reportTo.getByLabel('Wie').selectOption({ label: 'Mehmet Yilmaz (Maatschappelijk Werk De Brug)' });
  await actionForm.getByLabel('Uiterlijk op').fill('2025-04-15');
  await p.getByRole('button', { name: 'Actie opslaan' }).click();
  const reported = p.getByTestId('action').filter({ hasText: 'Budgetcoach zoeken bij de vrijwilligerscentrale' });
  await expect(reported).toContainText('Mehmet Yilmaz');

  // Mehmet leaves; the backup (Anouk) is proposed as successor; the handover note is required.
  await team.gotoTeam();
  await team.openOrganisation('Maatschappelijk Werk De Brug');
  await p.getByRole('button', { name: 'Mehmet Yilmaz vertrekt: werk overdragen' }).click();
  const leave = p.getByRole('form', { name: 'Mehmet Yilmaz vertrekt: werk overdragen' });
  await expect(leave.getByTestId('leave-preview')).toHaveText(
    'Staat nog open, bij 1 huishoudens: 2 open acties (uitvoeren of terugkoppelen aan), 1 lopende betrokkenheden, 0 uitnodigingen, 0 agendapunten en 0 terugkoppelingen. Vervanger van 1 collega’s.',
  );
  const successor = leave.getByLabel('Opvolger');
  await expect(successor).toHaveValue(/.+/);
  await expect(successor.locator('option:checked')).toHaveText('Anouk Peters');
  // Colleagues of the same organisation come first; others are marked, and what changes for them is said.
  await expect(successor.locator('option').nth(1)).toHaveText('Anouk Peters');
  await expect(successor.locator('option', { hasText: 'Lotte de Graaf' })).toHaveText('Lotte de Graaf — andere organisatie: Huisartsenpraktijk De Linde');
  await successor.selectOption({ label: 'Lotte de Graaf — andere organisatie: Huisartsenpraktijk De Linde' });
  await expect(leave.getByTestId('successor-other-org')).toContainText('Betrokkenheden (1) blijven bij Maatschappelijk Werk De Brug, zonder contactpersoon.');
  await successor.selectOption({ label: 'Anouk Peters' });
  await expect(leave.getByTestId('successor-other-org')).toHaveCount(0);
  await expectAccessible(p, 'contact leaving form');
  await p.screenshot({ path: '/tmp/team-contact-leaving.png', fullPage: true });
  await leave.getByRole('button', { name: 'Werk overdragen' }).click();
  await expect(leave.getByText('Vul dit veld in.')).toBeVisible();
  await leave.getByLabel('Overdrachtsnotitie').fill('Mevrouw Jansen wil liever ’s ochtends bezoek; de post ligt in de la.');
  await leave.getByRole('button', { name: 'Werk overdragen' }).click();
  await expect(p.getByTestId('contact-message')).toHaveText(
    'Overgedragen van Mehmet Yilmaz aan Anouk Peters: 2 open acties, 1 betrokkenheden, 0 uitnodigingen, 0 agendapunten en 0 terugkoppelingen.',
  );
  await expect(p.locator('[data-contact="Mehmet Yilmaz"]')).toContainText('Vertrokken 4 mrt 2025');
  await expect(p.locator('[data-contact="Mehmet Yilmaz"]')).toContainText('Opvolger: Anouk Peters.');
  // Anouk's backup was Mehmet; nobody is their own backup.
  await expect(p.locator('[data-contact="Anouk Peters"]')).not.toContainText('Vervanger:');

  // The open action and the involvement are now Anouk's.
  await p.goto(`${app.baseURL}/#/households/${id}/plan`);
  await expect(p.locator('[data-ready="plan"]')).toBeVisible();
  await expect(action).toContainText('Anouk Peters');
  await expect(action).not.toContainText('Mehmet Yilmaz');
  await expect(reported).toContainText('Anouk Peters');
  await expect(reported).not.toContainText('Mehmet Yilmaz');
  await p.goto(`${app.baseURL}/#/households/${id}`);
  await expect(team.section().locator('[data-involvement="Maatschappelijk Werk De Brug"]')).toContainText('Anouk Peters');

  // The workload shows what the organisation carries now: one household, one open action.
  await team.gotoTeam();
  await team.tab('Werkverdeling', 'team-workload');
  const amw = p.locator('#wl-orgs').locator('..').locator('[data-workload="Maatschappelijk Werk De Brug"]');
  await expect(amw.locator('.bar__value')).toHaveText(['1', '1']);
  await expect(p.locator('[data-workload="Politie – wijkagent Oost"] .bar__value')).toHaveText(['0', '0']);
  // Anouk is both a team member and AMW's contact: the action is hers in the per-member view too.
  await expect(p.locator('#wl-members').locator('..').locator('[data-workload="Anouk Peters"] .bar__value')).toHaveText(['1', '1']);
  await p.screenshot({ path: '/tmp/team-workload.png', fullPage: true });

  // An invliegen contact with a household invitation leaves: the invitation goes to the colleague.
  await p.goto(`${app.baseURL}/#/households/${id}`);
  await expect(team.section()).toBeVisible();
  await team.recordConsent('GGZ Oost – FACT-team', 'bespreken in overleg', 'Els');
  await team.inviteForMeeting('Dr. Iris Koster', '2025-03-11');
  const invitations = team.section().getByTestId('invitations');
  await expect(invitations.locator('[data-invitation="Dr. Iris Koster"]')).toContainText('overleg van 11 mrt 2025');
  await team.gotoTeam();
  await team.openOrganisation('GGZ Oost – FACT-team');
  await p.getByRole('button', { name: 'Dr. Iris Koster vertrekt: werk overdragen' }).click();
  const leaveIris = p.getByRole('form', { name: 'Dr. Iris Koster vertrekt: werk overdragen' });
  await expect(leaveIris.getByTestId('leave-preview')).toContainText('1 uitnodigingen');
  await expect(leaveIris.getByLabel('Opvolger').locator('option:checked')).toHaveText('Bas Willems');
  await leaveIris.getByLabel('Overdrachtsnotitie').fill('Mevrouw Jansen kent het team nog niet; eerst kennismaken.');
  await leaveIris.getByRole('button', { name: 'Werk overdragen' }).click();
  await expect(p.getByTestId('contact-message')).toContainText('Overgedragen van Dr. Iris Koster aan Bas Willems: 0 open acties, 0 betrokkenheden, 1 uitnodigingen');
  await p.goto(`${app.baseURL}/#/households/${id}`);
  await expect(invitations.locator('[data-invitation="Bas Willems"]')).toContainText('Gepland');
  await expect(invitations.locator('[data-invitation="Dr. Iris Koster"]')).toHaveCount(0);
});

test('too many professionals on one household: a warning above the team’s limit (default five), which is a setting', async ({ app }) => {
  const p = app.page;
  await p.clock.setFixedTime(TODAY);
  const ui = new AppPage(p, app.baseURL);
  const team = new TeamPage(p);
  await ui.open();
  await ui.setup();
  await team.loadExampleFromWizard();
  await ui.gotoList();
  const id = await createHouseholdInWijk(p, 'Familie de Wit', 'Noor', 'Molenwijk');
  const warning = team.section().getByTestId('professionals-warning');
  const involved = [
    ['Maatschappelijk Werk De Brug', 'Anouk Peters'],
    ['Welzijn Oost (opbouwwerk)', 'Sanne Bos'],
    ['MEE Oost', 'Joost van Dijk'],
    ['Wijkverpleging Oost', 'Fatma Kaya'],
    ['Gemeente – Wmo-loket', 'Ruud Hendriks'],
  ] as const;
  for (const [org, contact] of involved) await team.involve(org, contact, 'informeren', 'Meedenken');
  await expect(warning).toHaveCount(0); // five is the limit, not over it
  await team.involve('Huisartsenpraktijk De Linde', 'Lotte de Graaf', 'afstemmen', 'Medicatie');
  await expect(warning).toHaveText('Er zijn 6 professionals tegelijk betrokken (meer dan 5). Kan het met minder gezichten?');
  await expectAccessible(p, 'household with too many professionals');

  // Only current involvements count: ending one brings the household back to five.
  await team.section().getByRole('button', { name: 'Betrokkenheid van Lotte de Graaf · Huisartsenpraktijk De Linde beëindigen' }).click();
  await expect(team.section().locator('[data-involvement="Huisartsenpraktijk De Linde"]')).toContainText('Beëindigd 4 mrt 2025');
  await expect(warning).toHaveCount(0);

  // The coordinator sets the limit to four: the same household now warns.
  await team.gotoTeam();
  await team.tab('Instellingen', 'team-settings');
  const settings = p.getByRole('form', { name: 'Instellingen van het team' });
  await expect(settings.getByLabel(/professionals per huishouden/)).toHaveValue('5');
  await settings.getByLabel(/professionals per huishouden/).fill('4');
  await settings.getByRole('button', { name: 'Opslaan' }).click();
  await expect(p.getByText('Instellingen opgeslagen.')).toBeVisible();
  await p.goto(`${app.baseURL}/#/households/${id}`);
  await expect(team.section().locator('[data-involvement]')).toHaveCount(6);
  await expect(warning).toHaveText('Er zijn 5 professionals tegelijk betrokken (meer dan 4). Kan het met minder gezichten?');
});

test('a failed write shows a Dutch error next to the form, never an uncaught page error', async ({ app }) => {
  const p = app.page;
  await p.clock.setFixedTime(TODAY);
  const ui = new AppPage(p, app.baseURL);
  const team = new TeamPage(p);
  await ui.open();
  await ui.setup();
  await team.loadExampleFromWizard();
  const failed = 'Dit lukte niet. Er is niets half opgeslagen. Probeer het opnieuw.';

  // A new organisation with its placement.
  await team.tab('Organisaties', 'team-organisations');
  const orgForm = p.getByRole('form', { name: 'Organisatie toevoegen' });
  await orgForm.getByLabel('Naam van de organisatie').fill('Buurtteam Jeugd');
  await orgForm.getByLabel('Reden van de plaatsing').fill('Vaste partner voor gezinnen');
  await team.failWrites(true);
  await orgForm.getByRole('button', { name: 'Organisatie toevoegen en plaatsen' }).click();
  await expect(orgForm.getByRole('alert')).toHaveText(failed);
  await team.failWrites(false);
  await expect(p.getByRole('link', { name: 'Buurtteam Jeugd' })).toHaveCount(0);
  await expectAccessible(p, 'organisation form with a failed write');

  // A contact, and a team member.
  await team.openOrganisation('MEE Oost');
  await p.getByRole('button', { name: 'Contactpersoon toevoegen' }).click();
  const contactForm = p.getByRole('form', { name: 'Contactpersoon toevoegen' });
  await contactForm.getByLabel('Naam', { exact: true }).fill('Gert Bouma');
  await team.failWrites(true);
  await contactForm.getByRole('button', { name: 'Opslaan' }).click();
  await expect(contactForm.getByRole('alert')).toHaveText(failed);
  await team.failWrites(false);
  await contactForm.getByRole('button', { name: 'Opslaan' }).click();
  await expect(p.locator('[data-contact="Gert Bouma"]')).toBeVisible();

  await team.tab('Teamleden', 'team-members');
  await p.getByRole('button', { name: 'Teamlid toevoegen' }).click();
  const memberForm = p.getByRole('form', { name: 'Teamlid toevoegen' });
  await memberForm.getByLabel('Naam', { exact: true }).fill('Gert Bouma');
  await team.failWrites(true);
  await memberForm.getByRole('button', { name: 'Opslaan' }).click();
  await expect(memberForm.getByRole('alert')).toHaveText(failed);
  await team.failWrites(false);

  // A move in the ring view.
  await team.tab('Ringen', 'team-rings');
  await team.node('MEE Oost').focus();
  await p.keyboard.press('ArrowDown');
  const panel = p.locator('[data-ready="move-panel"]');
  await panel.getByLabel('Reden van de plaatsing').fill('Proef');
  await team.failWrites(true);
  await panel.getByRole('button', { name: 'Plaatsing opslaan' }).click();
  await expect(panel.getByRole('alert')).toHaveText(failed);
  await team.failWrites(false);
  await expect(team.node('MEE Oost')).toHaveAttribute('data-position', 'binnenring');

  // On a household: involving a partner and recording consent.
  await ui.gotoList();
  await createHouseholdInWijk(p, 'Familie Prins', 'Rob', 'Molenwijk');
  const s = team.section();
  await s.getByRole('button', { name: 'Partner betrekken' }).click();
  const involve = s.getByRole('form', { name: 'Partner betrekken' });
  await involve.getByLabel('Organisatie').selectOption({ label: await optionLabel(involve.getByLabel('Organisatie'), 'MEE Oost') });
  await team.failWrites(true);
  await involve.getByRole('button', { name: 'Betrekken' }).click();
  await expect(involve.getByRole('alert')).toHaveText(failed);
  await team.failWrites(false);
  await involve.getByRole('button', { name: 'Betrekken' }).click();
  await expect(s.locator('[data-involvement="MEE Oost"]')).toBeVisible();
  await s.getByRole('button', { name: 'Toestemming vastleggen' }).click();
  const consent = s.getByRole('form', { name: 'Toestemming vastleggen' });
  await consent.getByLabel('Organisatie').selectOption({ label: await optionLabel(consent.getByLabel('Organisatie'), 'MEE Oost') });
  await consent.getByLabel('Gegeven door').fill('Rob');
  await team.failWrites(true);
  await consent.getByRole('button', { name: 'Toestemming opslaan' }).click();
  await expect(consent.getByRole('alert')).toHaveText(failed);
  await team.failWrites(false);
  await expectAccessible(p, 'household partners with a failed write');
});
