import { expect, expectAccessible, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { CaseFilePage } from './pages/casefile-page';

// Screenshots for the report are written only when asked (CASEFILE_SHOTS=1), never in CI.
const SHOTS = process.env.CASEFILE_SHOTS === '1';

test('main path: intake from a huisarts → household → scores → plan → handover → close', async ({ app }) => {
  test.setTimeout(180_000);
  const p = app.page;
  await p.clock.install({ time: new Date('2026-03-10T10:00:00') });
  const ui = new AppPage(p, app.baseURL);
  const cf = new CaseFilePage(p);
  await ui.open();
  await ui.setup('Sanne de Vries');
  await cf.addTeamMember('Joost Bakker');

  // Intake from a huisarts, with a household of two members.
  await cf.openIntakeForm();
  await expectAccessible(p, 'new intake form');
  await cf.fillIntake({
    referrerType: 'huisarts',
    referrerName: 'Dr. Kaya',
    referrerOrganisation: 'Huisartsenpraktijk De Linde',
    channel: 'telefoon',
    question: 'Mevrouw slaapt slecht sinds de brieven van de deurwaarder; ze durft de post niet meer te openen.',
    decision: 'oppakken',
    displayName: 'Familie Hassan',
    wijk: 'Oost',
    members: [
      { role: 'ouder', firstName: 'Amina', lastName: 'Hassan', birthDate: '1985-06-15' },
      { role: 'kind', firstName: 'Yusuf', lastName: 'Hassan', birthDate: '2016-09-01' },
    ],
  });
  const id = await cf.saveIntake();
  await expect(p.getByRole('heading', { name: 'Familie Hassan', level: 1 })).toBeVisible();
  await expect(p.getByText('Amina Hassan')).toBeVisible();
  await expect(p.getByText('Kind · 9 jaar')).toBeVisible();
  const intake = p.getByTestId('intake');
  await expect(intake.getByText('Huisarts', { exact: true })).toBeVisible();
  await expect(intake.getByText('Dr. Kaya, Huisartsenpraktijk De Linde')).toBeVisible();
  await expect(intake.getByText('Oppakken', { exact: true })).toBeVisible();
  await expect(p.getByTestId('regisseur')).toHaveText('Nog geen regisseur');

  // The first regisseur makes the household active.
  await cf.handOver('Sanne de Vries', 'Opgepakt in het wijkteamoverleg', 'Mevrouw wil eerst telefonisch contact, liefst ’s ochtends.', true);
  await expect(p.getByTestId('regisseur')).toHaveText('Sanne de Vries');
  await expect(p.locator('.casefile__head .badge', { hasText: 'Actief' })).toBeVisible();
  await expectAccessible(p, 'household overview');

  // Scores on three domains, one of them twice so the trend has a line.
  await cf.tab('Leefgebieden');
  await cf.addScore('Financiën', 1, 'Onbekende schulden, post ongeopend, beslag dreigt.', '2026-03-03');
  await cf.addScore('Huisvesting', 3, 'Huur is betaald, wel achterstallig onderhoud.', '2026-03-10');
  await cf.addScore('Opvoeding', 4, 'Yusuf gaat graag naar school; moeder is betrokken.');
  await cf.addScore('Financiën', 2, 'Post is geopend en geordend met de dochter van de buurvrouw.');
  const fin = p.locator('[data-domain="financien"]');
  await expect(fin.getByRole('img')).toHaveAttribute('aria-label', /^Verloop Financiën: 1 op 3 mrt 2026, 2 op 10 mrt 2026$/);
  await expect(fin.locator('circle')).toHaveCount(2);
  await expect(fin.locator('polyline')).toHaveCount(1);
  await expect(p.locator('[data-domain]')).toHaveCount(3);
  await expectAccessible(p, 'life domains');
  if (SHOTS) await p.screenshot({ path: '/tmp/casefile-domains.png', fullPage: true });

  // A plan with two goals and four actions across the layers.
  await cf.tab('Plan');
  await cf.startPlan();
  await cf.addGoal('Financiën', 'Ik wil weer rustig slapen en weten wat ik moet betalen.');
  await cf.addGoal('Opvoeding', 'Yusuf blijft elke dag naar school gaan.');
  await cf.addAction(1, {
    text: 'Alle post een week lang in één doos verzamelen',
    layer: 'eigen_kracht',
    owner: { kind: 'resident' },
    reportTo: { kind: 'team_member', who: 'Sanne de Vries' },
    dueDate: '2026-03-17',
  });
  // Moving up a layer without a reason is refused next to the field.
  const netForm = await cf.fillAction(1, {
    text: 'Samen met de buurvrouw de brieven sorteren',
    layer: 'netwerk',
    owner: { kind: 'network', name: 'Buurvrouw Ans' },
    reportTo: { kind: 'resident' },
    dueDate: '2026-03-24',
  });
  await netForm.getByRole('button', { name: 'Actie opslaan' }).click();
  await expect(netForm.getByText('Geef een korte reden.')).toBeVisible();
  await expect(netForm.getByLabel('Waarom deze laag')).toHaveAttribute('aria-invalid', 'true');
  await netForm.getByLabel('Waarom deze laag').fill('Mevrouw raakt in paniek als ze de brieven alleen opent');
  await netForm.getByRole('button', { name: 'Actie opslaan' }).click();
  await expect(netForm).toBeHidden();
  await cf.addAction(1, {
    text: 'Aanmelden bij schuldhulpverlening en stabilisatie',
    layer: 'professioneel',
    reason: 'De schulden zijn te hoog en te divers om zonder schuldhulp te regelen',
    owner: { kind: 'team_member', who: 'Joost Bakker' },
    reportTo: { kind: 'team_member', who: 'Sanne de Vries' },
    dueDate: '2026-04-01',
  });
  await cf.addAction(2, {
    text: 'Huiswerkbegeleiding bij het buurthuis, dinsdag en donderdag',
    layer: 'informeel',
    reason: 'Moeder werkt die middagen; er is geen familie in de buurt',
    owner: { kind: 'network', name: 'Vrijwilliger buurthuis De Pijp' },
    reportTo: { kind: 'resident', name: 'Amina' },
    dueDate: '2026-03-31',
  });
  await expect(p.getByTestId('action')).toHaveCount(4);
  for (const layer of ['Eigen kracht', 'Netwerk', 'Vrijwillig / informeel', 'Professioneel']) {
    await expect(p.getByTestId('action').locator('.cf-layer', { hasText: layer })).toHaveCount(1);
  }
  // Marking an action done asks what came of it.
  const first = p.getByTestId('action').first();
  await first.getByRole('button', { name: /Voortgang bijwerken/ }).click();
  await first.getByRole('button', { name: 'Opslaan' }).click();
  await expect(first.getByText('Vul dit veld in.')).toBeVisible();
  await first.getByLabel('Resultaat').fill('Post verzameld; twaalf brieven, drie van de deurwaarder.');
  await first.getByRole('button', { name: 'Opslaan' }).click();
  await expect(first.getByText('Gedaan', { exact: true })).toBeVisible();
  await expectAccessible(p, 'plan');
  if (SHOTS) await p.screenshot({ path: '/tmp/casefile-plan.png', fullPage: true });

  // Regisseur handover with a warm-handover note; the history is visible.
  await cf.tab('Overzicht');
  await cf.handOver('Joost Bakker', 'Sanne gaat met zwangerschapsverlof', 'Beloofd: vrijdag bellen over de afspraak bij schuldhulp. Mevrouw schrikt van onverwachte huisbezoeken.');
  await expect(p.getByTestId('regisseur')).toHaveText('Joost Bakker');
  await expect(p.getByTestId('handover-history').getByText('Sanne de Vries → Joost Bakker')).toBeVisible();
  await expect(p.getByTestId('handover-history').getByText('niemand → Sanne de Vries')).toBeVisible();
  if (SHOTS) await p.screenshot({ path: '/tmp/casefile-household.png', fullPage: true });

  // Notes and the timeline.
  await cf.tab('Tijdlijn en notities');
  await p.getByLabel('Notitie', { exact: true }).fill('Zorg om de oudste dochter die veel voor het gezin zorgt.');
  await p.getByLabel('Interne notitie').check();
  await expect(p.getByText('Een interne notitie wordt nooit geëxporteerd', { exact: false })).toBeVisible();
  await p.getByRole('button', { name: 'Notitie opslaan' }).click();
  const timeline = p.getByTestId('timeline');
  await expect(timeline.getByText('Intern · wordt nooit geëxporteerd')).toBeVisible();
  await expect(timeline.getByText('Aanmelding door Huisarts')).toBeVisible();
  await expect(timeline.getByText('Regie: Sanne de Vries → Joost Bakker')).toBeVisible();
  await expect(timeline.getByText('Financiën: score 1')).toBeVisible();
  await expect(timeline.getByText('Status: Aangemeld → Actief')).toBeVisible();
  await expect(timeline.getByText('Actie toegevoegd (Professioneel)')).toBeVisible();
  await expectAccessible(p, 'timeline');
  if (SHOTS) await p.screenshot({ path: '/tmp/casefile-timeline.png', fullPage: true });

  // Closing: open actions first, an outcome is required, open items must be acknowledged.
  await cf.tab('Afsluiten');
  await expect(p.getByTestId('open-actions').locator('li')).toHaveCount(3);
  await expectAccessible(p, 'close');
  await p.getByRole('button', { name: 'Huishouden afsluiten' }).click();
  await expect(p.getByText('Vul dit veld in.')).toBeVisible();
  await p.getByLabel('Uitkomst').fill('Schulden in beeld en bij schuldhulp; Yusuf gaat elke dag naar school. Mevrouw weet de weg naar het buurthuis.');
  await p.getByRole('button', { name: 'Huishouden afsluiten' }).click();
  await expect(p.getByText('Er staat nog iets open. Bevestig dat je dat gezien hebt.')).toBeVisible();
  await p.getByLabel(/Ik heb de open acties \(3\)/).check();
  await p.getByRole('button', { name: 'Huishouden afsluiten' }).click();
  await expect(p.locator('.casefile__head .badge', { hasText: 'Afgesloten' })).toBeVisible();
  await expect(p.getByText('Dit huishouden is afgesloten.', { exact: false })).toBeVisible();
  await expect(p.getByRole('link', { name: 'Bewerken' })).toHaveCount(0);
  await cf.tab('Plan');
  await expect(p.getByRole('button', { name: /Actie toevoegen/ })).toHaveCount(0);
  await expect(p.getByTestId('action').getByText('Vervallen', { exact: true })).toHaveCount(3);
  // Partner data of a closed household is read-only too, with a short explanation.
  await cf.tab('Overzicht');
  await expect(p.getByTestId('partners-closed')).toHaveText(
    'Dit huishouden is afgesloten. Betrokkenheid, toestemmingen en uitnodigingen zijn alleen nog te lezen; een toestemming intrekken kan nog wel.',
  );
  await expect(p.getByRole('button', { name: 'Partner betrekken' })).toHaveCount(0);
  await expect(p.getByRole('button', { name: 'Toestemming vastleggen' })).toHaveCount(0);
  await expect(p.getByRole('button', { name: 'Partner uitnodigen' })).toHaveCount(0);

  // The case list: closed households are hidden by default, found by status and by narrative search.
  await cf.gotoList();
  await expect(p.getByRole('link', { name: 'Familie Hassan' })).toHaveCount(0);
  await p.getByLabel('Status', { exact: true }).selectOption('afgesloten');
  await expect(p.getByRole('link', { name: 'Familie Hassan' })).toBeVisible();
  await expect(p.locator('[data-search-ready="true"]')).toBeVisible();
  await p.getByLabel('Zoeken op naam of tekst').fill('deurwaarder');
  await expect(p.getByRole('link', { name: 'Familie Hassan' })).toBeVisible();
  await p.getByLabel('Zoeken op naam of tekst').fill('onbekendwoord');
  await expect(p.getByRole('link', { name: 'Familie Hassan' })).toHaveCount(0);

  // After a reload the search worker reads and decrypts the narratives itself (nothing was
  // re-sent from this session): the intake's words are found again.
  await p.reload();
  await ui.unlock();
  await p.getByLabel('Status', { exact: true }).selectOption('afgesloten');
  await expect(p.locator('[data-search-ready="true"]')).toBeVisible();
  await p.getByLabel('Zoeken op naam of tekst').fill('deurwaarder');
  await expect(p.getByRole('link', { name: 'Familie Hassan' })).toBeVisible();
  await p.getByLabel('Zoeken op naam of tekst').fill('deurwaarder brieven');
  await expect(p.getByRole('link', { name: 'Familie Hassan' })).toBeVisible();
  expect(id).toBeTruthy();
});

test('duplicate warning and validation errors; nothing is saved half', async ({ app }) => {
  const p = app.page;
  const ui = new AppPage(p, app.baseURL);
  const cf = new CaseFilePage(p);
  await ui.open();
  await ui.setup();
  await ui.createHousehold('Familie Bakker', [{ role: 'ouder', firstName: 'Fatima', lastName: 'Bakker', birthDate: '1986-04-12' }]);

  // An empty aanmelding: errors next to the fields, a summary, nothing saved.
  await cf.openIntakeForm();
  await p.getByRole('region', { name: 'Het huishouden' }).getByRole('group', { name: 'Gezinslid 1' }).getByLabel('Geboortedatum').fill('2099-01-01');
  await p.getByRole('button', { name: 'Aanmelding opslaan' }).click();
  await expect(p.getByText('Het formulier bevat 5 fout(en). Er is niets opgeslagen.')).toBeVisible();
  const signal = p.getByRole('region', { name: 'Het signaal' });
  await expect(signal.getByLabel('Wie meldt aan')).toHaveAttribute('aria-invalid', 'true');
  await expect(signal.getByText('Kies een van de mogelijkheden.')).toBeVisible();
  await expect(signal.getByLabel('De vraag in eigen woorden')).toHaveAttribute('aria-invalid', 'true');
  await expect(p.getByText('Deze datum ligt in de toekomst.')).toBeVisible();
  await expectAccessible(p, 'intake form with errors');

  // Turning a signal away needs a reason.
  await cf.fillIntake({
    referrerType: 'woningcorporatie',
    question: 'Buren horen ’s nachts geschreeuw.',
    decision: 'doorverwijzen',
    displayName: 'Fam. B.',
    members: [{ firstName: '  fatima ', lastName: 'BAKKER', birthDate: '1986-04-12' }],
  });
  // The same person, typed differently: a possible duplicate.
  const warning = p.getByTestId('duplicate-warning');
  await expect(warning).toBeVisible();
  await expect(warning.getByRole('link', { name: 'Familie Bakker' })).toBeVisible();
  await p.getByRole('button', { name: 'Aanmelding opslaan' }).click();
  await expect(p.getByText('Geef een korte reden.')).toBeVisible();
  await expect(warning.getByText('Open het bestaande huishouden, of bevestig dat dit een ander huishouden is.')).toBeVisible();
  await expectAccessible(p, 'duplicate warning');
  await p.getByLabel('Reden van het besluit').fill('Past beter bij Veilig Thuis');
  await warning.getByLabel('Ik heb het gecontroleerd: dit is een ander huishouden').check();
  await cf.saveIntake();
  await expect(p.getByText('Doorverwijzen', { exact: true })).toBeVisible();

  // The list has both; a score form with bad input saves nothing.
  await cf.tab('Leefgebieden');
  await p.getByRole('button', { name: 'Score opslaan' }).click();
  const form = p.locator('[data-ready="score-form"]');
  await expect(form.getByText('Kies een van de mogelijkheden.')).toBeVisible();
  await expect(form.getByText('Kies een score van 1 tot en met 5.')).toBeVisible();
  await expect(form.getByText('Vul dit veld in.')).toBeVisible();
  await expect(p.getByText('Nog geen scores.', { exact: false })).toBeVisible();
  await cf.gotoList();
  await expect(p.getByTestId('list-count')).toHaveText('2 huishoudens');

  // An action owned by a partner's contact while none is recorded: said on the option and next to the field.
  await p.getByRole('link', { name: 'Fam. B.', exact: true }).click();
  await expect(p.locator('[data-ready="household"]')).toBeVisible();
  await cf.tab('Plan');
  await cf.startPlan();
  await cf.addGoal('Financiën', 'Ik wil weten wat ik moet betalen.');
  const actionForm = await cf.fillAction(1, { text: 'Afspraak bij de schuldhulp maken', layer: 'eigen_kracht', owner: { kind: 'contact' }, reportTo: { kind: 'resident' }, dueDate: '2026-05-01' });
  const owner = actionForm.getByRole('group', { name: 'Wie doet het' });
  await expect(owner.getByLabel('Soort').locator('option:checked')).toHaveText('Contactpersoon bij een partner (nog geen vastgelegd)');
  await actionForm.getByRole('button', { name: 'Actie opslaan' }).click();
  await expect(owner.getByRole('alert')).toHaveText('Er is nog geen contactpersoon om te kiezen. Kies een andere soort, of leg eerst een contactpersoon vast onder Team.');
  await expect(owner.getByLabel('Soort')).toHaveAttribute('aria-invalid', 'true');
  await expect(p.getByTestId('action')).toHaveCount(0);
  await expectAccessible(p, 'action form without partner contacts');
});

test('risk flags and "ook bekend bij" on a household; the list filters on a flag and sorts by last activity', async ({ app }) => {
  const p = app.page;
  const ui = new AppPage(p, app.baseURL);
  const cf = new CaseFilePage(p);
  await ui.open();
  await ui.setup('Sanne de Vries');
  await ui.createHousehold('Familie Jansen', [{ firstName: 'Els' }], 'Noord');
  await cf.gotoList();
  await ui.createHousehold('Familie Öztürk', [{ firstName: 'Şükrü' }], 'Zuid');
  await cf.gotoList();
  await ui.createHousehold('Familie Pieters', [{ firstName: 'Kim' }], 'Noord');
  await cf.gotoList();
  // The most recent activity first.
  await expect(cf.listNames()).toHaveText(['Familie Pieters', 'Familie Öztürk', 'Familie Jansen']);

  // Flags and markers are chosen on the household and shown in its header.
  await cf.setMarkers('Familie Jansen', ['Huiselijk geweld', 'Zorg om veiligheid kinderen'], ['Veilig Thuis']);
  const markers = p.locator('.casefile__markers');
  await expect(markers.locator('.badge--flag')).toHaveText(['Huiselijk geweld', 'Zorg om veiligheid kinderen']);
  await expect(markers.locator('.badge--known')).toHaveText(['Veilig Thuis']);
  await expectAccessible(p, 'household with flags and markers');

  // Editing is activity: Jansen moves to the top; its flags show in the list.
  await cf.gotoList();
  await expect(cf.listNames()).toHaveText(['Familie Jansen', 'Familie Pieters', 'Familie Öztürk']);
  await expect(p.getByRole('row', { name: /Familie Jansen/ }).locator('.badge--flag')).toHaveText(['Huiselijk geweld', 'Zorg om veiligheid kinderen']);
  await cf.setMarkers('Familie Öztürk', ['Dreigende huisuitzetting'], []);
  await cf.gotoList();
  await expect(cf.listNames()).toHaveText(['Familie Öztürk', 'Familie Jansen', 'Familie Pieters']);

  // The flag filter keeps only the households with that flag; "all" brings the rest back.
  const flagFilter = p.getByLabel('Signaal', { exact: true });
  await flagFilter.selectOption('Huiselijk geweld');
  await expect(p.getByTestId('list-count')).toHaveText('1 huishoudens');
  await expect(cf.listNames()).toHaveText(['Familie Jansen']);
  await flagFilter.selectOption('Dreigende huisuitzetting');
  await expect(cf.listNames()).toHaveText(['Familie Öztürk']);
  // Without team settings, the filter offers the flags that are in use.
  await expect(flagFilter.locator('option')).toHaveText(['Alle', 'Dreigende huisuitzetting', 'Huiselijk geweld', 'Zorg om veiligheid kinderen']);
  await flagFilter.selectOption('');
  await expect(p.getByTestId('list-count')).toHaveText('3 huishoudens');
  await expectAccessible(p, 'case list with flags');
});

test('case list: filters, "mijn huishoudens", search by name; household page by keyboard', async ({ app }) => {
  const p = app.page;
  const ui = new AppPage(p, app.baseURL);
  const cf = new CaseFilePage(p);
  await ui.open();
  await ui.setup('Sanne de Vries');
  await ui.createHousehold('Familie Jansen', [{ firstName: 'Els', lastName: 'Jansen' }], 'Noord');
  await cf.gotoList();
  await ui.createHousehold('Familie Öztürk', [{ firstName: 'Şükrü', lastName: 'Öztürk' }], 'Zuid');
  await cf.handOver('Sanne de Vries', 'Eerste regisseur', 'Vader spreekt liever Turks; tolk regelen.', true);
  await cf.gotoList();
  await expect(p.getByTestId('list-count')).toHaveText('2 huishoudens');
  await p.getByLabel('Mijn huishoudens').check();
  await expect(p.getByTestId('list-count')).toHaveText('1 huishoudens');
  await expect(p.getByRole('link', { name: 'Familie Öztürk' })).toBeVisible();
  await p.getByLabel('Mijn huishoudens').uncheck();
  await p.getByLabel('Wijk', { exact: true }).selectOption('Noord');
  await expect(p.getByRole('link', { name: 'Familie Jansen' })).toBeVisible();
  await expect(p.getByRole('link', { name: 'Familie Öztürk' })).toHaveCount(0);
  await p.getByLabel('Wijk', { exact: true }).selectOption('');
  await p.getByLabel('Regisseur', { exact: true }).selectOption({ label: 'Zonder regisseur' });
  await expect(p.getByTestId('list-count')).toHaveText('1 huishoudens');
  await p.getByLabel('Regisseur', { exact: true }).selectOption({ label: 'Alle' });
  // Search ignores accents and case, in names and in narratives (the handover note).
  await p.getByLabel('Zoeken op naam of tekst').fill('sukru');
  await expect(p.getByRole('link', { name: 'Familie Öztürk' })).toBeVisible();
  await expect(p.getByRole('link', { name: 'Familie Jansen' })).toHaveCount(0);
  await p.getByLabel('Zoeken op naam of tekst').fill('tolk');
  await expect(p.locator('[data-search-query="tolk"]')).toBeVisible();
  await expect(p.getByRole('link', { name: 'Familie Öztürk' })).toBeVisible();
  await expect(p.getByRole('link', { name: 'Familie Jansen' })).toHaveCount(0);
  await expectAccessible(p, 'case list with filters');

  // Keyboard only: open the household, move to the plan view, start a plan.
  await p.getByLabel('Zoeken op naam of tekst').fill('');
  const link = p.getByRole('link', { name: 'Familie Jansen' });
  await link.focus();
  await p.keyboard.press('Enter');
  await expect(p.locator('[data-ready="household"]')).toBeVisible();
  const planTab = p.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Plan', exact: true });
  for (let i = 0; i < 30 && !(await planTab.evaluate((el) => el === document.activeElement)); i++) await p.keyboard.press('Tab');
  await expect(planTab).toBeFocused();
  await p.keyboard.press('Enter');
  await expect(p.locator('[data-tab="plan"]')).toBeVisible();
  const start = p.getByRole('button', { name: 'Plan starten' });
  for (let i = 0; i < 30 && !(await start.evaluate((el) => el === document.activeElement)); i++) await p.keyboard.press('Tab');
  await expect(start).toBeFocused();
  await p.keyboard.press('Enter');
  await expect(p.getByRole('heading', { name: 'Doel toevoegen' })).toBeVisible();

  // "Nieuw plan" archives the current plan, read-only.
  await cf.addGoal('Sociaal netwerk', 'Ik wil iemand hebben om mee te praten.');
  await p.getByRole('button', { name: 'Nieuw plan' }).click();
  await p.getByRole('button', { name: 'Nieuw plan starten' }).click();
  await expect(p.getByRole('heading', { name: 'Eerdere plannen' })).toBeVisible();
  await expect(p.getByTestId('goal').filter({ visible: true })).toHaveCount(0);
  await p.getByText(/Plan van .* \(alleen-lezen\)/).click();
  await expect(p.getByTestId('goal').filter({ visible: true })).toHaveCount(1);
  await expect(p.getByTestId('goal').getByRole('button')).toHaveCount(0);
  await expectAccessible(p, 'plan with an archived plan');
});
