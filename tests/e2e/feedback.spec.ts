import { expect, expectAccessible, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { FeedbackPage } from './pages/feedback-page';

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
  expect(csv.text).toContain('Regel of procedure;0;0');
  for (const secret of ['Kanarievogel', 'Zwaluwstaart', 'Pietronella', 'Gerbrandina', 'beschermd wonen']) expect(csv.text).not.toContain(secret);

  const md = await fb.download('Exporteren als Markdown');
  expect(md.name).toMatch(/\.md$/);
  expect(md.text).toContain('| Wachtlijst | <5 | <5 |');
  expect(md.text).not.toContain('Kanarievogel');
  await expect(app.page.getByRole('status')).toContainText('vastgelegd in het auditlog');
});

test('an escalation runs its route to resolution and is visible to the coordinator meanwhile', async ({ app }) => {
  const ui = new AppPage(app.page, app.baseURL);
  const fb = new FeedbackPage(app.page);
  await ui.open();
  await ui.setup();
  await ui.createHousehold('Familie Vastgelopen', [{ role: 'ouder', firstName: 'Henk' }]);
  await fb.markStuck('Partner levert niet', 'Zorgaanbieder reageert al zes weken niet.');

  // The coordinator sees it under "Alles" and under Escalaties.
  await fb.gotoAttention('alles');
  const line = app.page.locator('.fb-item[data-kind="escalation_open"]');
  await expect(line).toContainText('Familie Vastgelopen');
  await fb.gotoPart('Escalaties', 'escalations');
  await expectAccessible(app.page, 'open escalations');
  await app.page.getByRole('link', { name: /Familie Vastgelopen/ }).click();
  await expect(app.page.locator('[data-ready="escalation"]')).toBeVisible();

  const steps = app.page.getByRole('list', { name: 'Escalatieroute' }).getByRole('listitem');
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toHaveAttribute('aria-current', 'step');
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
  await expect(app.page.getByRole('link', { name: /Aandacht, 1 aandachtspunten voor u/ })).toBeVisible();
  await app.page.screenshot({ path: '/tmp/feedback-attention-quiet.png', fullPage: true });
  await line.getByRole('link').click();
  await expect(app.page.getByRole('heading', { name: 'Familie Stilte' })).toBeVisible();
});
