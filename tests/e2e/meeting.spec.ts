import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, unlinkSync } from 'node:fs';
import { expect, expectAccessible, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { CaseFilePage } from './pages/casefile-page';
import { MeetingPage } from './pages/meeting-page';
import { PrivacyPage } from './pages/privacy-page';
import { optionLabel } from './pages/options';
import { TeamPage } from './pages/team-page';

/**
 * A full meeting: three cases on the agenda (one with an invited partner), meeting mode with
 * decisions and actions by keyboard, the actions in the plans and back on the next agenda, and
 * every export profile downloaded and searched for the households' canaries.
 */
const START = new Date('2025-06-02T13:00:00');

const A = { name: 'Familie Kwartelbos', first: 'Sieglinde', last: 'Kwartelbos', bsn: '111222333', birth: '1984-05-06', kid: 'Jorrit' };
const B = { name: 'Familie Omzwervink', first: 'Hendrikje', last: 'Omzwervink', bsn: '123456782', birth: '1990-11-30', kid: 'Fleurtje' };
const C = { name: 'Familie Pruttelaar', first: 'Wessel', last: 'Pruttelaar', bsn: '999999990', birth: '1979-01-05', kid: 'Otmar' };
const CANARIES = {
  A: [A.first, A.last, A.kid, A.bsn, '0611223344', '06-11223344', A.birth, '06-05-1984'],
  B: [B.first, B.last, B.kid, B.bsn, 'hendrikje@voorbeeld.nl'],
  C: [C.first, C.last, C.kid, C.bsn, 'Dorpsstraat 12', '1234 AB'],
};
const ALL = [...CANARIES.A, ...CANARIES.B, ...CANARIES.C, 'Schuldnarratief-Zqx', 'Netwerknarratief-Zqx'];
const found = (text: string, canaries: readonly string[]) => canaries.filter((c) => text.toLowerCase().includes(c.toLowerCase()) || (/^\d{9}$/.test(c) && text.replace(/[\s.]/g, '').includes(c)));

test('a full meeting: agenda of three, meeting mode, write-back, follow-ups and privacy-safe exports', async ({ app }) => {
  test.setTimeout(240_000);
  const p = app.page;
  await p.clock.install({ time: START });
  const ui = new AppPage(p, app.baseURL);
  const team = new TeamPage(p);
  const mt = new MeetingPage(p);
  const cf = new CaseFilePage(p);
  await ui.open();
  await ui.setup();
  await team.loadExampleFromWizard();
  // A meeting runs longer than the default 5-minute idle lock; the chair sets it for the session.
  const privacy = new PrivacyPage(p);
  await privacy.open();
  await privacy.setIdleMinutes(60);
  await p.reload();
  await ui.unlock();

  // Three households; the questions carry names, a BSN, a phone, an e-mail and an address.
  const ids: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };
  const questions = {
    A: `${A.first} ${A.last} (BSN ${A.bsn}, tel 06-11223344) heeft schulden. Wie pakt dit op?`,
    B: `Hoe ondersteunen we ${B.first} bij de opvoeding van ${B.kid}? Mail hendrikje@voorbeeld.nl`,
    C: `${C.first} zoekt werk; woont Dorpsstraat 12, 1234 AB. Wat is haalbaar?`,
  };
  for (const [key, h] of [['A', A], ['B', B], ['C', C]] as const) {
    ids[key] = await mt.createHousehold(h.name, [
      { role: 'ouder', firstName: h.first, lastName: h.last, birthDate: h.birth, bsn: h.bsn },
      { role: 'kind', firstName: h.kid, lastName: h.last, birthDate: '2016-02-02' },
    ]);
    if (key === 'A') {
      // Scores for the pack; their narratives are never in a pack (not on its allowlist).
      await cf.tab('Leefgebieden');
      await cf.addScore('Financiën', 2, `Schuldnarratief-Zqx ${A.first}`);
      await cf.addScore('Sociaal netwerk', 4, 'Netwerknarratief-Zqx');
      await cf.tab('Overzicht');
      for (const [purpose, value] of [['bespreken in overleg', 'bespreken'], ['gegevens delen', 'delen']] as const) {
        // Open the form and wait until the organisations are loaded before choosing one.
        const section = team.section();
        const form = section.getByRole('form', { name: 'Toestemming vastleggen' });
        if (!(await form.isVisible())) await section.getByRole('button', { name: 'Toestemming vastleggen' }).click();
        const org = form.getByLabel('Organisatie');
        await expect(org.locator('option', { hasText: 'GGZ Oost' })).toHaveCount(1);
        await org.selectOption({ label: await optionLabel(org, 'GGZ Oost') });
        await form.getByLabel('Doel').selectOption({ label: purpose });
        await form.getByLabel('Gegeven door').fill(`${A.first} (moeder)`);
        await form.getByRole('button', { name: 'Toestemming opslaan' }).click();
        await expect(section.locator(`[data-consent="GGZ Oost – FACT-team|${value}"]`)).toContainText('Geldig');
      }
    }
    await mt.nominate(questions[key], key === 'A' ? 20 : 15);
  }
  await expectAccessible(p, 'household page with the nominate section');

  // The agenda: order, time boxes against the length, an invited partner only with consent.
  await mt.gotoMeetings();
  await expectAccessible(p, 'meetings home');
  await mt.openFirstUpcoming();
  await expect(mt.agendaTitles()).toHaveText([A.name, B.name, C.name]);
  await expect(p.getByTestId('budget')).toHaveText('50 van 90 minuten gepland');
  await p.getByRole('button', { name: `Omlaag: ${B.name}` }).click();
  await expect(mt.agendaTitles()).toHaveText([A.name, C.name, B.name]);
  await mt.item(C.name).getByLabel(`Tijd in minuten voor ${C.name}`).fill('70');
  await mt.item(C.name).getByLabel(`Tijd in minuten voor ${C.name}`).blur();
  await expect(p.getByTestId('budget')).toHaveText('105 minuten gepland: 15 minuten meer dan de 90 minuten van het overleg');
  await mt.item(C.name).getByLabel(`Tijd in minuten voor ${C.name}`).fill('10');
  await mt.item(C.name).getByLabel(`Tijd in minuten voor ${C.name}`).blur();
  await expect(p.getByTestId('budget')).toHaveText('45 van 90 minuten gepland');

  await mt.invite(B.name, 'Dr. Iris Koster');
  await expect(mt.item(B.name).getByRole('alert')).toContainText('geen toestemming van het huishouden');
  await mt.invite(A.name, 'Dr. Iris Koster');
  await expect(mt.item(A.name).locator('.mt-chips')).toContainText('Dr. Iris Koster');
  await p.getByRole('group', { name: 'Aanwezig (binnenring)' }).getByLabel('Sanne de Vries').check();
  await p.getByLabel('Voorzitter').selectOption({ label: 'Sanne de Vries' });
  await expectAccessible(p, 'agenda');
  await p.screenshot({ path: '/tmp/meeting-agenda.png', fullPage: true });

  // Meeting mode: one item at a time, a timer, keyboard shortcuts.
  await p.getByRole('link', { name: 'Overleg starten' }).click();
  await expect(p.locator('[data-ready="meeting-start"]')).toBeVisible();
  await expectAccessible(p, 'meeting start');
  await p.getByRole('button', { name: 'Overleg starten' }).click();
  const mode = p.locator('[data-ready="meeting-mode"]');
  await expect(mode.getByRole('heading', { level: 1 })).toHaveText('Huishouden A');
  await expect(p.getByTestId('timer')).toHaveText(/^(20:00|19:5\d)$/);
  // Dates as people read them, not ISO.
  await expect(mode.locator('.mm-pos')).toHaveText(/^Punt 1 van 3 · overleg \d{1,2} jun 2025$/);

  await p.keyboard.press('Alt+B');
  await expect(p.getByLabel('Advies of besluit', { exact: true })).toBeFocused();
  await p.getByLabel('Besluit', { exact: true }).check();
  await p.keyboard.press('Alt+B');
  await p.keyboard.type(`Schuldhulp inschakelen; ${A.first} gaat akkoord.`);
  await p.getByRole('button', { name: /^Advies of besluit toevoegen/ }).click();
  await expect(p.getByTestId('decisions')).toContainText('Besluit');

  await p.keyboard.press('Alt+A');
  await expect(p.getByLabel('Actie', { exact: true })).toBeFocused();
  await p.keyboard.type(`Aanmelding schuldhulp samen met ${A.first}`);
  await p.getByLabel('Onder doel').selectOption('new');
  await p.getByLabel('Levensdomein van het nieuwe doel').selectOption({ label: 'Financiën' });
  await p.getByLabel('Nieuw doel (in de woorden van het huishouden)').fill('Rust in de financiën');
  await p.getByLabel('Laag', { exact: true }).selectOption('professioneel');
  await p.getByLabel('Waarom deze laag?').fill('Schuld te hoog voor eigen regeling');
  await p.getByLabel('Wie', { exact: true }).selectOption({ label: 'Sanne de Vries' });
  await p.getByLabel('Terugkoppelen aan').selectOption({ index: 0 });
  await p.getByRole('button', { name: /^Actie toevoegen/ }).click();
  await expect(p.getByRole('alert').filter({ hasText: 'Kies' })).toBeVisible();
  await p.getByLabel('Terugkoppelen aan').selectOption({ label: await optionLabel(p.getByLabel('Terugkoppelen aan'), 'Dr. Iris Koster') });
  await p.getByRole('button', { name: /^Actie toevoegen/ }).click();
  await expect(p.getByTestId('actions')).toContainText('Aanmelding schuldhulp');

  // The timer counts against the 20-minute box.
  await p.clock.fastForward('21:00');
  await expect(p.locator('.mm-timer')).toContainText('Over de tijd');
  await expect(p.getByTestId('timer')).toHaveText(/^−0[01]:\d\d$/);
  await expectAccessible(p, 'meeting mode');
  await p.screenshot({ path: '/tmp/meeting-mode.png', fullPage: true });

  await p.keyboard.press('Alt+N');
  await expect(mode.getByRole('heading', { level: 1 })).toHaveText('Huishouden C');
  await p.keyboard.press('Alt+B');
  await p.keyboard.type('Eerst een gesprek met het werkgeversservicepunt.');
  await p.getByRole('button', { name: /^Advies of besluit toevoegen/ }).click();
  await expect(p.getByTestId('decisions')).toContainText('werkgeversservicepunt');
  await p.keyboard.press('Alt+N');

  await expect(mode.getByRole('heading', { level: 1 })).toHaveText('Huishouden B');
  await p.keyboard.press('Alt+A');
  await p.keyboard.type('Oma vragen om twee middagen op te passen');
  await p.getByLabel('Onder doel').selectOption('new');
  await p.getByLabel('Levensdomein van het nieuwe doel').selectOption({ label: 'Opvoeding' });
  await p.getByLabel('Nieuw doel (in de woorden van het huishouden)').fill('Meer rust in huis');
  await p.getByLabel('Wie', { exact: true }).selectOption('network');
  await p.getByLabel('Terugkoppelen aan').selectOption({ label: 'Sanne de Vries' });
  await p.getByRole('button', { name: /^Actie toevoegen/ }).click();
  await expect(p.getByTestId('actions')).toContainText('Oma vragen');
  await p.keyboard.press('Alt+N');

  await expect(p.locator('[data-ready="meeting-done"]')).toBeVisible();
  await expectAccessible(p, 'meeting done');
  await p.getByRole('button', { name: 'Overleg afronden en verslag maken' }).click();

  // Minutes: pseudonyms, decisions and actions; the narrative names are replaced by default.
  await expect(p.locator('[data-ready="export"][data-profile="minutes"]')).toBeVisible();
  await expect(p.getByTestId('review-summary')).toContainText('mogelijke persoonsgegevens');
  await expectAccessible(p, 'minutes export review');
  const minutes = await mt.download('Opslaan als Markdown');
  expect(minutes.name).toMatch(/^verslag-2025-06-\d\d\.md$/);
  expect(minutes.text).toContain('Huishouden A');
  expect(minutes.text).toMatch(/\\?\[naam\\?\]/);
  expect(found(minutes.text, ALL)).toEqual([]);

  // The binnenring pack and the partner pack (only A, the case GGZ is invited for with consent).
  await p.goto(p.url().replace(/minutes$/, 'meeting_pack'));
  await expect(p.locator('[data-ready="export"][data-profile="meeting_pack"]')).toBeVisible();
  await expectAccessible(p, 'meeting pack export review');
  await p.screenshot({ path: '/tmp/meeting-export-preview.png', fullPage: false });
  const pack = await mt.download('Opslaan als HTML');
  expect(pack.text).toContain('Vertrouwelijk');
  expect(pack.text).not.toMatch(/<script/i);
  for (const pseudo of ['Huishouden A', 'Huishouden B', 'Huishouden C']) expect(pack.text).toContain(pseudo);
  expect(found(pack.text, ALL)).toEqual([]);

  // The pack as a coordinator would hand it out: the PDF from the app's own browser print path
  // (its print view, styled by the export's own CSS), rendered to PNG.
  for (const f of readdirSync('/tmp').filter((n) => /^meeting-pack-\d+\.png$/.test(n))) unlinkSync(`/tmp/${f}`);
  await mt.printViaBrowser('/tmp/meeting-pack.pdf');
  execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '70', '/tmp/meeting-pack.pdf', '/tmp/meeting-pack']);
  // Agenda and one page per case: nothing of the app around it, a page per section.
  expect(readdirSync('/tmp').filter((n) => /^meeting-pack-\d+\.png$/.test(n)).length).toBe(4);
  expect(existsSync('/tmp/meeting-pack-1.png')).toBe(true);
  const pdfText = execFileSync('/usr/bin/pdftotext', ['/tmp/meeting-pack.pdf', '-']).toString();
  expect(pdfText).toContain('Overlegstukken casuïstiekbespreking');
  expect(pdfText).not.toContain('Controle van vrije tekst');
  expect(found(pdfText, ALL)).toEqual([]);

  const audience = p.getByLabel('Voor wie is deze export?');
  await audience.selectOption({ label: await optionLabel(audience, (l) => l.includes('GGZ Oost')) });
  await expect(p.locator('[data-ready="export"][data-profile="partner_pack"]')).toBeVisible();
  const partnerPack = await mt.download('Opslaan als HTML');
  expect(partnerPack.text).toContain('Huishouden A');
  expect(partnerPack.text).not.toContain('Huishouden B');
  expect(partnerPack.text).not.toContain('Huishouden C');
  expect(partnerPack.text).not.toContain('Open acties');
  expect(found(partnerPack.text, ALL)).toEqual([]);


  // The actions are in the plans now.
  await p.goto(`${app.baseURL}/#/households/${ids.A}/plan`);
  await expect(p.locator('[data-ready="plan"]')).toContainText(`Aanmelding schuldhulp samen met ${A.first}`);
  await expect(p.locator('[data-ready="plan"]')).toContainText('Rust in de financiën');
  await p.goto(`${app.baseURL}/#/households/${ids.A}/tijdlijn`);
  await expect(p.locator('[data-ready="household"]')).toContainText(`Besluit: Schuldhulp inschakelen; ${A.first} gaat akkoord.`);
  // The guest of A's item is on A's file as invited for that one meeting (and ends with it).
  await p.goto(`${app.baseURL}/#/households/${ids.A}`);
  await expect(p.getByTestId('invitations').locator('[data-invitation="Dr. Iris Koster"]')).toContainText('overleg van');
  await p.goto(`${app.baseURL}/#/households/${ids.B}/plan`);
  await expect(p.locator('[data-ready="plan"]')).toContainText('Oma vragen om twee middagen op te passen');

  // ... and back on the next agenda as follow-ups.
  await mt.gotoMeetings();
  await p.getByRole('button', { name: 'Nieuw overleg plannen' }).click();
  await expect(p.getByTestId('upcoming').getByRole('link')).toHaveCount(1);
  await mt.openFirstUpcoming();
  await expect(mt.item(A.name)).toContainText('opvolging');
  await expect(mt.item(A.name)).toContainText('1 open actie(s)');
  await expect(mt.item(B.name)).toContainText('opvolging');
  await expect(p.getByTestId('agenda-item')).toHaveCount(2);

  // Inzage for A: its own data in full, nothing of B or C.
  await p.goto(`${app.baseURL}/#/meetings/inzage/${ids.A}`);
  await expect(p.locator('[data-ready="export"][data-profile="inzage"]')).toBeVisible();
  await expectAccessible(p, 'inzage export');
  const inzage = await mt.download('Opslaan als HTML');
  expect(inzage.name).not.toContain('Kwartelbos');
  expect(found(inzage.text, [A.first, A.last, A.kid, A.bsn])).toEqual([A.first, A.last, A.kid, A.bsn]);
  expect(found(inzage.text, [...CANARIES.B, ...CANARIES.C])).toEqual([]);
  const inzagePage = await app.context.newPage();
  await inzagePage.setContent(inzage.text);
  await inzagePage.screenshot({ path: '/tmp/meeting-inzage.png', fullPage: true });
  await inzagePage.close();

  // Management figures: counts only.
  await p.goto(`${app.baseURL}/#/meetings/figures`);
  await expect(p.locator('[data-ready="export"][data-profile="management"]')).toBeVisible();
  await expectAccessible(p, 'management figures export');
  const figures = await mt.download('Opslaan als Markdown');
  expect(figures.text).toContain('&lt;5');
  expect(found(figures.text, ALL)).toEqual([]);
  expect(figures.text).not.toContain('Huishouden A');

  // Every export made above is in the audit log: what, purpose, audience, by whom, which
  // households by internal id — and nothing of the content.
  await privacy.open();
  await privacy.openAudit();
  const rows = privacy.auditRows('export');
  const made = [
    { profile: 'minutes', format: 'markdown', purpose: 'vastleggen van adviezen, besluiten en acties', audience: 'deelnemers aan het overleg', households: [ids.A, ids.B, ids.C] },
    { profile: 'meeting_pack', format: 'html', purpose: 'voorbereiding casuïstiekbespreking', audience: 'binnenring van het wijkteam, aanwezig bij het overleg', households: [ids.A, ids.B, ids.C] },
    { profile: 'meeting_pack', format: 'pdf', purpose: 'voorbereiding casuïstiekbespreking', audience: 'binnenring van het wijkteam, aanwezig bij het overleg', households: [ids.A, ids.B, ids.C], outcome: 'afdrukvenster geopend' },
    { profile: 'partner_pack', format: 'html', purpose: 'voorbereiding casuïstiekbespreking', audience: 'genodigde partner: GGZ Oost', households: [ids.A] },
    { profile: 'inzage', format: 'html', purpose: 'inzageverzoek (artikel 15 AVG)', audience: 'het huishouden zelf', households: [ids.A] },
    { profile: 'management', format: 'markdown', purpose: 'sturing en verantwoording (geaggregeerd)', audience: 'coördinator en gemeente', households: [] },
  ];
  await expect(rows).toHaveCount(made.length);
  for (const e of made) {
    const row = rows.filter({ hasText: `profile: ${e.profile} · ` }).filter({ hasText: `format: ${e.format} · ` });
    await expect(row, `${e.profile} as ${e.format}`).toHaveCount(1);
    await expect(row).toContainText(`purpose: ${e.purpose} · `);
    await expect(row).toContainText(`audience: ${e.audience}`);
    await expect(row).toContainText(`outcome: ${e.outcome ?? 'opgeslagen'}`);
    await expect(row.locator('td').nth(1)).toHaveText('Sanne de Vries');
    const details = await row.locator('td').nth(4).innerText();
    expect(details.split('households: ')[1]?.split(', ').filter(Boolean).sort() ?? []).toEqual([...e.households].sort());
  }
  expect(found((await rows.allInnerTexts()).join('\n'), ALL)).toEqual([]);
  await expectAccessible(p, 'audit log with the exports');
});
