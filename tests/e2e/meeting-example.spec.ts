import { expect, expectAccessible, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { CaseFilePage } from './pages/casefile-page';
import { MeetingPage } from './pages/meeting-page';

/**
 * The example meeting as a new user tries it (issue 14, point 1): load "Voorbeeldgegevens",
 * open the first upcoming overleg and chair it by keyboard only — on each item Alt+B, an advice,
 * Tab, Enter, Alt+N. Every item must close and the meeting must reach its end and its minutes.
 * The example agenda holds a household whose file was closed after it was put on the agenda
 * ("Huishouden B", with open actions due in 2024 in its plan): the case the close once refused
 * with "Afronden lukte niet".
 */
test('the example meeting: every item closes by keyboard and the minutes are reached', async ({ app }) => {
  test.setTimeout(240_000);
  const p = app.page;
  // The example is generated for "today": pinned to the day the defect was seen.
  await p.clock.install({ time: new Date('2026-12-03T10:00:00') });
  const ui = new AppPage(p, app.baseURL);
  const mt = new MeetingPage(p);
  await ui.open();
  await ui.setup();
  await p.getByRole('link', { name: 'Of laad voorbeeldgegevens om Wijktafel uit te proberen' }).click();
  await expect(p.locator('[data-ready="voorbeeld"][data-state="idle"]')).toBeVisible();
  await p.getByRole('button', { name: 'Voorbeeldgegevens laden' }).click();
  await expect(p.locator('[data-ready="voorbeeld"][data-state="done"]')).toBeVisible({ timeout: 120_000 });

  await mt.gotoMeetings();
  await mt.openFirstUpcoming();
  const items = p.getByTestId('agenda-item');
  await expect(items.first()).toBeVisible();
  const total = await items.count();
  expect(total).toBeGreaterThan(1);
  await p.getByRole('link', { name: 'Overleg starten' }).click();
  await p.getByRole('button', { name: 'Overleg starten' }).click();

  const mode = p.locator('[data-ready="meeting-mode"]');
  const heading = mode.getByRole('heading', { level: 1 });
  const closed: string[] = [];
  for (let n = 1; n <= total; n++) {
    await expect(mode.locator('.mm-pos')).toHaveText(new RegExp(`^Punt ${n} van ${total} `));
    const title = (await heading.innerText()).trim();
    // Huishouden B's file was closed after it was put on the agenda: the chair is told so up front.
    if (title === 'Huishouden B') {
      await expect(p.getByTestId('file-closed')).toContainText('Het dossier van dit huishouden is afgesloten.');
      await expect(p.getByRole('form', { name: 'Actie toevoegen' })).toHaveCount(0);
      await expectAccessible(p, 'meeting mode, item of a closed file');
      await p.screenshot({ path: '/tmp/meeting-example-closed-file.png', fullPage: true });
    }
    const advice = `Advies ${n}: eerst het netwerk vragen.`;
    await p.keyboard.press('Alt+B');
    await expect(p.getByLabel('Advies of besluit', { exact: true })).toBeFocused();
    await p.keyboard.type(advice);
    await p.keyboard.press('Tab');
    await p.keyboard.press('Enter');
    await expect(p.getByTestId('decisions')).toContainText(advice);
    await p.keyboard.press('Alt+N');
    // The item closes: the next one is shown (or the end of the meeting), never a refusal.
    const next = n < total ? mode.locator('.mm-pos', { hasText: new RegExp(`^Punt ${n + 1} van ${total} `) }) : p.locator('[data-ready="meeting-done"]');
    const refusal = p.locator('.mm-foot [role="alert"]');
    await expect(next.or(refusal).first()).toBeVisible();
    expect(await refusal.allInnerTexts(), `closing item ${n} (${title})`).toEqual([]);
    await expect(next).toBeVisible();
    closed.push(title);
  }
  expect(closed).toEqual(Array.from({ length: total }, (_, i) => `Huishouden ${String.fromCharCode(65 + i)}`));

  await p.getByRole('button', { name: 'Overleg afronden en verslag maken' }).click();
  await expect(p.locator('[data-ready="export"][data-profile="minutes"]')).toBeVisible();
  const minutes = await mt.download('Opslaan als Markdown');
  for (let n = 1; n <= total; n++) expect(minutes.text).toContain(`Advies ${n}: eerst het netwerk vragen.`);
});

/**
 * A refusal the chair can act on: an action is agreed for a household whose file is then closed
 * in the case file before the item is closed. Closing says exactly that, names the action and
 * says how to go on; once the action is removed the item closes.
 */
test('an item whose file was closed meanwhile: the refusal names the action and how to go on', async ({ app }) => {
  test.setTimeout(180_000);
  const p = app.page;
  const ui = new AppPage(p, app.baseURL);
  const mt = new MeetingPage(p);
  const cf = new CaseFilePage(p);
  await ui.open();
  await ui.setup();
  const id = await mt.createHousehold('Familie Sluitewerf', [{ role: 'ouder', firstName: 'Gerolf', lastName: 'Sluitewerf', birthDate: '1980-03-04' }]);
  await mt.nominate('Wat is er nog nodig?', 15);
  await mt.gotoMeetings();
  await mt.openFirstUpcoming();
  await p.getByRole('link', { name: 'Overleg starten' }).click();
  await p.getByRole('button', { name: 'Overleg starten' }).click();
  const mode = p.locator('[data-ready="meeting-mode"]');
  await expect(mode.getByRole('heading', { level: 1 })).toHaveText('Huishouden A');
  const modeUrl = p.url();

  const text = 'Zelf de huurbaas bellen';
  await p.keyboard.press('Alt+A');
  await p.keyboard.type(text);
  await p.getByLabel('Onder doel').selectOption('new');
  await p.getByLabel('Levensdomein van het nieuwe doel').selectOption({ label: 'Financiën' });
  await p.getByLabel('Nieuw doel (in de woorden van het huishouden)').fill('Huur op orde');
  await p.getByLabel('Wie', { exact: true }).selectOption('resident');
  await p.getByLabel('Terugkoppelen aan').selectOption('resident');
  await p.getByRole('button', { name: /^Actie toevoegen/ }).click();
  await expect(p.getByTestId('actions')).toContainText(text);

  // Meanwhile the household's file is closed in the case file.
  await p.goto(`${app.baseURL}/#/households/${id}`);
  await expect(p.locator('[data-ready="household"]')).toBeVisible();
  await cf.tab('Afsluiten');
  await p.getByLabel('Uitkomst').fill('Hulp afgerond.');
  await p.getByRole('button', { name: 'Huishouden afsluiten' }).click();
  await expect(p.locator('.casefile__head .badge', { hasText: 'Afgesloten' })).toBeVisible();

  await p.goto(modeUrl);
  await expect(p.getByTestId('file-closed')).toBeVisible();
  await p.keyboard.press('Alt+N');
  const refusal = p.locator('.mm-foot [role="alert"]');
  await expect(refusal).toContainText('Het dossier van dit huishouden is afgesloten.');
  await expect(refusal).toContainText(`Haal de actie "${text}"`);
  await expect(refusal).not.toContainText('lukte niet');
  await expectAccessible(p, 'meeting mode with a close refusal');

  await p.getByRole('button', { name: `Verwijderen: ${text}` }).click();
  await expect(p.getByTestId('actions')).toHaveCount(0);
  await p.keyboard.press('Alt+N');
  await expect(p.locator('[data-ready="meeting-done"]')).toBeVisible();
});
