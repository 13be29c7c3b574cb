import { expect, expectAccessible, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { CaseFilePage } from './pages/casefile-page';
import { FeedbackPage, referByHuisarts } from './pages/feedback-page';
import { MeetingPage } from './pages/meeting-page';
import { optionLabel } from './pages/options';
import { TeamPage, createHouseholdInWijk } from './pages/team-page';

/**
 * Feedback loops (issue 5) through the real UI. Time is moved with Playwright's clock, never
 * with sleeps: the app reads "today" from Date, so the clock decides what is overdue.
 */

test('a knelpunt aggregates across two households and is suppressed below 5 in the export', async ({ app }) => {
  const ui = new AppPage(app.page, app.baseURL);
  const fb = new FeedbackPage(app.page);
  await ui.open();
  await ui.setup();

  await ui.createHousehold('Familie Kanarievogel', [{ role: 'ouder', firstName: 'Pietronella', lastName: 'Kanarievogel' }]);
  await fb.addKnelpunt('Wachtlijst', 'Wachtlijst beschermd wonen');
  await expectAccessible(app.page, 'household page with feedback section');

  await ui.gotoList();
  await ui.createHousehold('Familie Zwaluwstaart', [{ role: 'ouder', firstName: 'Gerbrandina', lastName: 'Zwaluwstaart' }]);
  await fb.linkKnelpunt('Wachtlijst beschermd wonen', 'Wachtlijst');
  await expect(fb.section().getByText('2 huishoudens')).toBeVisible();

  await fb.gotoPart('Knelpunten', 'knelpunten');
  const row = app.page.getByRole('row', { name: /Wachtlijst beschermd wonen/ });
  await expect(row).toContainText('2 huishoudens');
  await expectAccessible(app.page, 'knelpunten register');
  await app.page.screenshot({ path: '/tmp/feedback-knelpunten.png', fullPage: true });

  const csv = await fb.download('Exporteren als CSV');
  expect(csv.name).toMatch(/^knelpunten-\d{4}-\d{2}-\d{2}\.csv$/);
  // Two households and one barrier: both cells are under 5.
  expect(csv.text).toContain('Wachtlijst;<5;<5');
  // Zero is suppressed by the same rule as the management figures (shared/export/suppression.ts).
  expect(csv.text).toContain('Regel of procedure;<5;<5');
  expect(csv.text).toContain('Minder dan 5 (0 tot en met 4)');
  for (const secret of ['Kanarievogel', 'Zwaluwstaart', 'Pietronella', 'Gerbrandina', 'beschermd wonen']) expect(csv.text).not.toContain(secret);

  const md = await fb.download('Exporteren als Markdown');
  expect(md.name).toMatch(/\.md$/);
  // Through the export path: the document's own Markdown (its header, "<" as an entity: text in every viewer).
  expect(md.text).toContain('| Wachtlijst | &lt;5 | &lt;5 |');
  expect(md.text).toContain('**Doel:** signaleren van knelpunten');
  expect(md.text).not.toContain('Kanarievogel');
  await expect(app.page.getByTestId('knelpunten-export').getByRole('status').filter({ hasText: 'auditlog' })).toContainText('vastgelegd in het auditlog');
  await expect(app.page.getByTestId('knelpunten-export').getByTestId('review-summary')).toHaveText('Geen namen, nummers, adressen of data gevonden in de vrije tekst.');
});

test('a knelpunt titled as a formula reaches the knelpunten CSV neutralised, as text', async ({ app }) => {
  const ui = new AppPage(app.page, app.baseURL);
  const fb = new FeedbackPage(app.page);
  await ui.open();
  await ui.setup();
  // A title is shown in the export only when the barrier recurs in five households.
  const title = '=HYPERLINK("http://x","y")';
  const families = ['Merelhout', 'Lijsterbes', 'Spreeuwen', 'Kwikstaart', 'Roodborst'];
  for (const [i, family] of families.entries()) {
    if (i > 0) await ui.gotoList();
    await ui.createHousehold(`Familie ${family}`, [{ role: 'ouder', firstName: 'Bewoner', lastName: family }]);
    if (i === 0) await fb.addKnelpunt('Wachtlijst', title);
    else await fb.linkKnelpunt(title, 'Wachtlijst');
  }
  await fb.gotoPart('Knelpunten', 'knelpunten');
  await expect(app.page.getByRole('row', { name: /HYPERLINK.*Wachtlijst 5 huishoudens/ })).toBeVisible();

  const csv = await fb.download('Exporteren als CSV');
  // The cell starts with a quote (text to a spreadsheet), quotes doubled, still one cell.
  expect(csv.text).toContain(`"'=HYPERLINK(""http://x"",""y"")";Wachtlijst;5`);
  expect(csv.text.split('\n').some((line) => /^"?[=+\-@]/.test(line) || /;"?[=+\-@]/.test(line))).toBe(false);
});

test('an escalation runs its route to resolution and is visible to the coordinator meanwhile', async ({ app }) => {
  const ui = new AppPage(app.page, app.baseURL);
  const fb = new FeedbackPage(app.page);
  const team = new TeamPage(app.page);
  await ui.open();
  await ui.setup('Sanne de Vries');
  // The team's route, with who holds its first step (kept through the save).
  await team.runWizard('Wijkteam Noord', ['Centrum']);
  await app.page.getByRole('button', { name: 'Volgende stap' }).click();
  await app.page.getByRole('button', { name: 'Stap toevoegen' }).click();
  await app.page.getByLabel('Stap 3', { exact: true }).fill('Doorzettingsmacht gemeente');
  await app.page.getByLabel('Wie houdt stap 1 vast').selectOption({ label: 'Sanne de Vries' });
  await expectAccessible(app.page, 'team wizard with the escalation route');
  await app.page.getByRole('button', { name: 'Team opslaan' }).click();
  await expect(app.page.locator('[data-ready="team-rings"]')).toBeVisible();
  await team.tab('Instellingen', 'team-settings');
  await expect(app.page.getByLabel('Wie houdt stap 1 vast').locator('option:checked')).toHaveText('Sanne de Vries');

  await ui.gotoList();
  await createHouseholdInWijk(app.page, 'Familie Vastgelopen', 'Henk', 'Centrum');
  await fb.markStuck('Partner levert niet', 'Zorgaanbieder reageert al zes weken niet.');

  // The coordinator sees it under "Alles" and under Escalaties, with who holds it.
  await fb.gotoAttention('alles');
  const line = app.page.locator('.fb-item[data-kind="escalation_open"]');
  await expect(line).toContainText('Familie Vastgelopen');
  await fb.gotoPart('Escalaties', 'escalations');
  await expect(app.page.locator('.fb-item[data-kind="escalation_open"]')).toContainText('Coördinator sociaal wijkteam · bij Sanne de Vries');
  await expectAccessible(app.page, 'open escalations');
  await app.page.getByRole('link', { name: /Familie Vastgelopen/ }).click();
  await expect(app.page.locator('[data-ready="escalation"]')).toBeVisible();

  const steps = app.page.getByRole('list', { name: 'Escalatieroute' }).getByRole('listitem');
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toHaveAttribute('aria-current', 'step');
  await expect(steps.nth(0)).toContainText('bij Sanne de Vries');
  await expectAccessible(app.page, 'escalation page');

  await app.page.getByLabel('Notitie bij deze stap').fill('Besproken met de coördinator, geen beweging');
  await app.page.getByRole('button', { name: 'Volgende stap' }).click();
  await expect(app.page.getByRole('status')).toContainText('Opgeschaald naar: Escalatieoverleg');
  await expect(steps.nth(1)).toHaveAttribute('aria-current', 'step');
  await expect(steps.nth(0)).toContainText('sinds');

  await app.page.getByRole('button', { name: 'Volgende stap' }).click();
  await expect(steps.nth(2)).toHaveAttribute('aria-current', 'step');
  await expect(app.page.getByText('Dit is de laatste stap van de route.')).toBeVisible();

  await app.page.getByRole('button', { name: 'Escalatie afsluiten' }).click();
  await expect(app.page.getByText('Dit veld is verplicht.').or(app.page.locator('.field__error'))).toBeVisible();
  await app.page.getByLabel('Oplossing').fill('Gemeente zet door: plek bij andere aanbieder.');
  await app.page.getByRole('button', { name: 'Escalatie afsluiten' }).click();
  await expect(app.page.getByText('Opgelost', { exact: true })).toBeVisible();

  await fb.gotoPart('Escalaties', 'escalations');
  await expect(app.page.getByText('Er lopen geen escalaties.')).toBeVisible();
  await fb.gotoPart('Acties', 'follow-up');
  await expect(app.page.getByText('Geen acties die nu opvolging vragen.')).toBeVisible();
  await expectAccessible(app.page, 'follow-up of actions');
});

test('a quiet household comes up in Aandacht when the weeks pass, with a badge', async ({ app }) => {
  await app.page.clock.install({ time: new Date('2026-03-02T09:00:00Z') });
  const ui = new AppPage(app.page, app.baseURL);
  const fb = new FeedbackPage(app.page);
  await ui.open();
  await ui.setup();
  await ui.createHousehold('Familie Stilte', [{ role: 'ouder', firstName: 'Ria' }]);
  await fb.gotoAttention('alles');
  await expect(app.page.getByText('Niets dat nu aandacht vraagt. Rustig aan.')).toBeVisible();
  await expectAccessible(app.page, 'empty attention view');

  // Seven weeks later (the team default is six weeks without activity).
  await app.page.clock.setSystemTime(new Date('2026-04-20T09:00:00Z'));
  await app.page.reload();
  await ui.unlock();
  await fb.gotoAttention('alles');
  const line = app.page.locator('.fb-item[data-kind="inactive"]');
  await expect(line).toContainText('Familie Stilte');
  await expect(line).toContainText('laatste activiteit 2 maart 2026');
  // Nobody is regisseur yet, so it is everyone's: the nav badge counts it for this user too.
  await expect(app.page.getByTestId('attention-badge')).toHaveText('1');
  await expect(app.page.getByRole('link', { name: /^Aandacht\s*\(1 voor u\)$/ })).toBeVisible();
  await app.page.screenshot({ path: '/tmp/feedback-attention-quiet.png', fullPage: true });
  await line.getByRole('link').click();
  await expect(app.page.getByRole('heading', { name: 'Familie Stilte' })).toBeVisible();
});

test('a huisarts referral owes feedback, turns overdue as days pass, and the letter names no member', async ({ app }) => {
  // Monday 2 March 2026: ten working days later is Monday 16 March.
  await app.page.clock.install({ time: new Date('2026-03-02T09:00:00Z') });
  const ui = new AppPage(app.page, app.baseURL);
  const fb = new FeedbackPage(app.page);
  await ui.open();
  await ui.setup('Sanne de Vries');
  const id = await referByHuisarts(app.page, {
    referrerName: 'Dokter Visser',
    question: 'Zorgen over schulden en slapeloosheid',
    household: 'Familie Canarisch',
    members: [
      { role: 'ouder', firstName: 'Annegien', lastName: 'Canarisch' },
      { role: 'kind', firstName: 'Zwaantje', lastName: 'Canarisch' },
    ],
  });
  const duty = fb.section().locator('.fb-item[data-kind="duty"]', { hasText: 'Besluit over de aanmelding' });
  await expect(duty).toContainText('Aan: Dokter Visser');
  await expect(duty).toContainText('Uiterlijk 16 maart 2026');
  await expect(duty).toHaveAttribute('data-state', 'open');
  await fb.markStuck('Wachtlijst', 'Wachtlijst schuldhulp is twaalf weken.');
  await fb.gotoAttention('alles');
  await expect(app.page.locator('.fb-item[data-kind="feedback_overdue"]')).toHaveCount(0);

  // On the due date it is still on time; the day after it is overdue.
  await app.page.clock.setSystemTime(new Date('2026-03-16T09:00:00Z'));
  await app.page.reload();
  await ui.unlock();
  await fb.gotoAttention('alles');
  await expect(app.page.locator('.fb-item[data-kind="feedback_overdue"]')).toHaveCount(0);
  await app.page.clock.setSystemTime(new Date('2026-03-17T09:00:00Z'));
  await app.page.reload();
  await ui.unlock();
  await fb.gotoAttention('mijn');
  const late = app.page.locator('.fb-item[data-kind="feedback_overdue"]');
  await expect(late).toContainText('Familie Canarisch');
  await expect(late).toContainText('uiterlijk 16 maart 2026');
  // The badge counts exactly this user's lines: the late feedback and the open escalation
  // (nobody is regisseur or holder, so both are everyone's). At zero it is absent, so a count is asserted.
  const mineLines = app.page.locator('[data-ready="attention"] .fb-item');
  await expect(mineLines).toHaveCount(2);
  await expect(app.page.locator('.fb-item[data-kind="escalation_open"]')).toHaveCount(1);
  await expect(app.page.getByTestId('attention-badge')).toHaveText('2');
  await expect(app.page.getByRole('link', { name: /^Aandacht\s*\(2 voor u\)$/ })).toBeVisible();
  await expectAccessible(app.page, 'attention view with items');
  await app.page.screenshot({ path: '/tmp/feedback-attention.png', fullPage: true });

  // The letter: received, taken up, contact; never a member's name. Its preview is what leaves.
  await late.getByRole('link').click();
  await expect(app.page.locator('[data-ready="duty"]')).toBeVisible();
  const letter = app.page.getByTestId('letter').getByTestId('export-preview');
  await expect(letter).toContainText('Beste Dokter Visser,');
  await expect(letter).toContainText('aanmelding van 2 maart 2026 ontvangen');
  await expect(letter).toContainText('pakt deze aanmelding op');
  for (const name of ['Annegien', 'Zwaantje', 'Canarisch', 'schulden']) await expect(letter).not.toContainText(name);
  await expect(app.page.getByTestId('review-summary')).toHaveText('Geen namen, nummers, adressen of data gevonden in de vrije tekst.');
  await expectAccessible(app.page, 'feedback duty with letter');
  await app.page.screenshot({ path: '/tmp/feedback-letter.png', fullPage: true });
  const file = await fb.download('Opslaan als bestand');
  expect(file.name).toBe('terugkoppeling-verwijzer-2026-03-17.txt');
  expect(file.text).toContain('Beste Dokter Visser,');
  expect(file.text).toContain('VERTROUWELIJK');
  for (const name of ['Annegien', 'Zwaantje', 'Canarisch', 'schulden']) expect(file.text).not.toContain(name);
  await expect(app.page.getByTestId('letter').getByRole('status').filter({ hasText: 'Bestand opgeslagen' })).toContainText('vastgelegd in het auditlog');

  // Marked done when sent: it leaves the attention list.
  await app.page.getByLabel('Hoe').selectOption({ label: 'brief' });
  await app.page.getByRole('button', { name: 'Markeren als gedaan' }).click();
  await expect(app.page.locator('.fb-state')).toHaveText('Gedaan');
  // One line fewer for this user: only the escalation is left.
  await expect(app.page.getByTestId('attention-badge')).toHaveText('1');
  await fb.gotoAttention('alles');
  await expect(app.page.locator('.fb-item[data-kind="feedback_overdue"]')).toHaveCount(0);
  await app.page.goto(`${app.baseURL}/#/households/${id}`);
  await expect(fb.section().locator('.fb-item[data-kind="duty"]', { hasText: 'Besluit over de aanmelding' })).toHaveAttribute('data-state', 'gedaan');
});

test('the closure letter: a postcode and house number typed in the outcome is flagged in the review and does not leave', async ({ app }) => {
  await app.page.clock.install({ time: new Date('2026-03-02T09:00:00Z') });
  const ui = new AppPage(app.page, app.baseURL);
  const fb = new FeedbackPage(app.page);
  const cf = new CaseFilePage(app.page);
  await ui.open();
  await ui.setup('Sanne de Vries');
  await referByHuisarts(app.page, {
    referrerName: 'Dokter Visser',
    question: 'Huurachterstand',
    household: 'Familie Verhuisd',
    members: [{ role: 'ouder', firstName: 'Mirjam', lastName: 'Verhuisd' }],
  });
  await cf.tab('Afsluiten');
  await app.page.getByLabel('Uitkomst').fill('Mirjam woont nu op 1234 AB 56 en heeft weer grip op haar geld.\nTweede regel blijft binnen.');
  await app.page.getByRole('button', { name: 'Huishouden afsluiten' }).click();
  await app.page.getByLabel(/^Ik heb de open acties/).check();
  await app.page.getByRole('button', { name: 'Huishouden afsluiten' }).click();
  await expect(app.page.locator('.casefile__head .badge', { hasText: 'Afgesloten' })).toBeVisible();

  await cf.tab('Overzicht');
  await fb.section().locator('.fb-item[data-kind="duty"]', { hasText: 'Afsluiting' }).getByRole('link').click();
  await expect(app.page.locator('[data-ready="duty"]')).toBeVisible();
  // The review flags the address and the name in the one outcome line; both are replaced by default.
  await expect(app.page.getByTestId('review-summary')).toHaveText('2 mogelijke persoonsgegevens gevonden; 0 blijven staan, de rest wordt vervangen.');
  const addressHit = app.page.locator('tr[data-hit-kind="adres"]');
  await expect(addressHit).toContainText('1234 AB 56');
  await expect(app.page.locator('tr[data-hit-kind="naam"]')).toContainText('Mirjam');
  const preview = app.page.getByTestId('letter').getByTestId('export-preview');
  await expect(preview).toContainText('Uitkomst in het kort: [naam] woont nu op [adres] en heeft weer grip op haar geld.');
  await expect(preview).not.toContainText('1234 AB');
  await expect(preview).not.toContainText('Tweede regel');
  await expectAccessible(app.page, 'closure letter with review');
  await app.page.screenshot({ path: '/tmp/feedback-closure-letter.png', fullPage: true });

  // Keeping it would let it through (the preview is what leaves) ...
  await addressHit.getByLabel('Laten staan').check();
  await expect(preview).toContainText('woont nu op 1234 AB 56');
  // ... replaced, it does not leave.
  await addressHit.getByLabel('Vervangen door [adres]').check();
  await expect(preview).not.toContainText('1234 AB');
  const file = await fb.download('Opslaan als bestand');
  expect(file.text).toContain('Uitkomst in het kort: [naam] woont nu op [adres] en heeft weer grip op haar geld.');
  for (const secret of ['1234 AB', '1234AB', ' 56 ', 'Mirjam', 'Verhuisd', 'Tweede regel']) expect(file.text).not.toContain(secret);
});

test('an evaluation records goals, re-scores a domain and sets the next date', async ({ app }) => {
  await app.page.clock.install({ time: new Date('2026-03-02T09:00:00Z') });
  const ui = new AppPage(app.page, app.baseURL);
  const fb = new FeedbackPage(app.page);
  await ui.open();
  await ui.setup();
  const id = await referByHuisarts(app.page, {
    referrerName: 'Dokter Visser',
    question: 'Schulden',
    household: 'Familie Evaluatie',
    members: [{ role: 'ouder', firstName: 'Joke' }],
  });
  // Plan and a goal through the case file's plan tab.
  await app.page.goto(`${app.baseURL}/#/households/${id}/plan`);
  await app.page.getByRole('button', { name: 'Plan starten' }).click();
  await app.page.getByText('Doel toevoegen', { exact: true }).first().click();
  await app.page.getByLabel('Leefgebied').selectOption({ label: 'Financiën' });
  await app.page.getByLabel('Doel in de woorden van de bewoner').fill('Rust in de post');
  await app.page.getByRole('button', { name: 'Doel opslaan' }).click();
  await expect(app.page.getByText('Rust in de post')).toBeVisible();

  // A plan made also owes the referrer feedback.
  await app.page.goto(`${app.baseURL}/#/households/${id}`);
  await expect(fb.section().locator('.fb-item[data-kind="duty"]', { hasText: 'Plan gemaakt' })).toBeVisible();

  const evaluate = async (date: string, score: string, result: string) => {
    await fb.section().getByRole('link', { name: 'Evaluatie vastleggen' }).click();
    await expect(app.page.locator('[data-ready="evaluation"]')).toBeVisible();
    await app.page.getByLabel('Datum van de evaluatie').fill(date);
    const goal = app.page.getByRole('group', { name: 'Rust in de post' });
    await goal.getByLabel('Resultaat').selectOption({ label: result });
    await goal.getByLabel('Wat nu').selectOption({ label: 'Meer' });
    await app.page.getByLabel('Het verhaal van deze periode').fill('Post wordt geopend, eerste afspraak bij schuldhulp.');
    await app.page.getByLabel('Score Financiën').selectOption(score);
    await app.page.getByLabel('Toelichting Financiën').fill('Regeling loopt');
    await expectAccessible(app.page, 'evaluation form');
    await app.page.getByRole('button', { name: 'Evaluatie opslaan' }).click();
    await expect(app.page.locator('[data-ready="household"]')).toBeVisible();
  };

  // The form refuses a goal without a result.
  await fb.section().getByRole('link', { name: 'Evaluatie vastleggen' }).click();
  await app.page.getByLabel('Het verhaal van deze periode').fill('x');
  await app.page.getByRole('button', { name: 'Evaluatie opslaan' }).click();
  await expect(app.page.locator('.form-summary')).toBeVisible();
  await app.page.goto(`${app.baseURL}/#/households/${id}`);

  await evaluate('2026-03-02', '2', 'Niet bereikt');
  await expect(fb.section().getByTestId('next-evaluation')).toContainText('Volgende evaluatie: 2 juni 2026');
  await evaluate('2026-06-02', '4', 'Deels bereikt');
  await expect(fb.section().getByTestId('next-evaluation')).toContainText('Volgende evaluatie: 2 september 2026');
  // The score trend: 2 → 4 on Financiën, recorded as assessments of the evaluation.
  await expect(fb.section().getByText('Financiën: 2 → 4')).toBeVisible();
  await expect(fb.section().getByText('0 van 1 doelen bereikt')).toHaveCount(2);
  await app.page.screenshot({ path: '/tmp/feedback-household.png', fullPage: true });

  // Both evaluations are on the household's timeline, newest first, with their story and next date.
  await app.page.goto(`${app.baseURL}/#/households/${id}/tijdlijn`);
  const evaluations = app.page.getByTestId('timeline').locator('.cf-timeline__item--evaluation');
  await expect(evaluations).toHaveCount(2);
  await expect(evaluations.nth(0)).toContainText('2 jun 2026');
  await expect(evaluations.nth(0)).toContainText('Evaluatie: 0 van 1 doelen bereikt');
  await expect(evaluations.nth(0)).toContainText('volgende evaluatie 2 sep 2026');
  await expect(evaluations.nth(1)).toContainText('Post wordt geopend, eerste afspraak bij schuldhulp.');
  await expectAccessible(app.page, 'timeline with evaluations');

  // "Deels bereikt, meer": the goal is still being worked on, so the meeting still sees it.
  const mt = new MeetingPage(app.page);
  await app.page.goto(`${app.baseURL}/#/households/${id}`);
  await mt.nominate('Hoe houden we de post op orde?', 15);
  await mt.gotoMeetings();
  await mt.openFirstUpcoming();
  await app.page.getByRole('link', { name: 'Overleg starten' }).click();
  await app.page.getByRole('button', { name: 'Overleg starten' }).click();
  const mode = app.page.locator('[data-ready="meeting-mode"]');
  await expect(mode.getByRole('heading', { name: 'Doelen' })).toBeVisible();
  await expect(mode).toContainText('Financiën: Rust in de post');
});

test('follow-up: the team and one owner see due actions, and a result recorded there owes its "terugkoppelen aan"', async ({ app }) => {
  await app.page.clock.install({ time: new Date('2026-03-02T09:00:00Z') });
  const ui = new AppPage(app.page, app.baseURL);
  const fb = new FeedbackPage(app.page);
  const cf = new CaseFilePage(app.page);
  await ui.open();
  await ui.setup('Sanne de Vries');
  const id = await ui.createHousehold('Familie Opvolging', [{ role: 'ouder', firstName: 'Ans' }]);
  await cf.tab('Plan');
  await cf.startPlan();
  await cf.addGoal('Financiën', 'Grip op de post');
  await cf.addAction(1, {
    text: 'Samen de post openen',
    layer: 'eigen_kracht',
    owner: { kind: 'team_member', who: 'Sanne de Vries' },
    reportTo: { kind: 'network', name: 'Buurvrouw Joke' },
    dueDate: '2026-03-05',
  });
  await cf.addAction(1, {
    text: 'Later nog eens kijken',
    layer: 'eigen_kracht',
    owner: { kind: 'team_member', who: 'Sanne de Vries' },
    reportTo: { kind: 'team_member', who: 'Sanne de Vries' },
    dueDate: '2026-06-30',
  });

  // The team's list holds what is due within two weeks; so does the owner's.
  await fb.gotoPart('Acties', 'follow-up');
  const row = app.page.getByRole('row', { name: /Samen de post openen/ });
  await expect(row).toContainText('Familie Opvolging');
  await expect(row).toContainText('Binnenkort');
  await expect(app.page.getByRole('row', { name: /Later nog eens kijken/ })).toHaveCount(0);
  await app.page.getByLabel('Eigenaar').selectOption({ label: 'Sanne de Vries' });
  await expect(row).toBeVisible();
  await expectAccessible(app.page, 'follow-up with a due action');

  // Recording the result closes the action and creates the duty to report it back.
  await row.getByRole('link', { name: 'Resultaat vastleggen' }).click();
  await expect(app.page.locator('[data-ready="action-result"]')).toBeVisible();
  await expectAccessible(app.page, 'recording an action result');
  await app.page.getByRole('button', { name: 'Actie afronden' }).click();
  await expect(app.page.locator('.field__error').first()).toBeVisible();
  await app.page.getByLabel('Resultaat').fill('Post geopend en gesorteerd; twee rekeningen betaald.');
  await app.page.getByRole('button', { name: 'Actie afronden' }).click();
  await expect(app.page.locator('[data-ready="household"]')).toBeVisible();
  expect(app.page.url()).toContain(`/households/${id}`);
  const duty = fb.section().locator('.fb-item[data-kind="duty"]', { hasText: 'Resultaat van een actie' });
  await expect(duty).toContainText('Aan: Buurvrouw Joke');
  await expect(duty).toHaveAttribute('data-state', 'open');

  await fb.gotoPart('Acties', 'follow-up');
  await expect(app.page.getByText('Geen acties die nu opvolging vragen.')).toBeVisible();
});

test("a consent about to expire: the attention line goes straight to the household's consent ledger", async ({ app }) => {
  await app.page.clock.install({ time: new Date('2026-03-02T09:00:00Z') });
  const ui = new AppPage(app.page, app.baseURL);
  const fb = new FeedbackPage(app.page);
  const team = new TeamPage(app.page);
  const mt = new MeetingPage(app.page);
  await ui.open();
  await ui.setup('Sanne de Vries');
  await team.loadExampleFromWizard();
  const id = await mt.createHousehold('Familie Toestemming', [{ role: 'ouder', firstName: 'Karin', lastName: 'Toestemming', birthDate: '1980-01-01' }]);
  // Consent to discuss the case with GGZ, ending in 18 days (the attention list warns 30 days ahead).
  const section = team.section();
  await section.getByRole('button', { name: 'Toestemming vastleggen' }).click();
  const form = section.getByRole('form', { name: 'Toestemming vastleggen' });
  const org = form.getByLabel('Organisatie');
  await expect(org.locator('option', { hasText: 'GGZ Oost' })).toHaveCount(1);
  await org.selectOption({ label: await optionLabel(org, 'GGZ Oost') });
  await form.getByLabel('Doel').selectOption({ label: 'bespreken in overleg' });
  await form.getByLabel('Gegeven door').fill('Karin (moeder)');
  await form.getByLabel('Geldig tot en met').fill('2026-03-20');
  await form.getByRole('button', { name: 'Toestemming opslaan' }).click();
  await expect(section.locator('[data-consent="GGZ Oost – FACT-team|bespreken"]')).toBeVisible();

  await fb.gotoAttention('alles');
  const line = app.page.locator('.fb-item[data-kind="consent_expiring"]');
  await expect(line).toContainText('Familie Toestemming');
  await expect(line).toContainText('verloopt 20 maart 2026');
  await line.getByRole('link', { name: /Naar de toestemming/ }).click();
  await expect(app.page.locator('[data-ready="household"]')).toBeVisible();
  expect(app.page.url()).toContain(`/households/${id}/overzicht?focus=consent-title`);
  // Keyboard focus lands on the consent ledger, where the consent is renewed.
  await expect(app.page.locator('#consent-title')).toBeFocused();
  await expect(app.page.getByTestId('consent-ledger')).toContainText('GGZ Oost');
  await expectAccessible(app.page, 'household opened at its consent ledger');
});
