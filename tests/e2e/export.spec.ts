import { expect, expectAccessible, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { MeetingPage } from './pages/meeting-page';
import { PrivacyPage } from './pages/privacy-page';

/**
 * The free-text review: the preview shows exactly what leaves. A hit kept on purpose is in the
 * file, a replaced one is not; the text of the preview's sections equals the file's. The export
 * is in the audit log with purpose, audience and household ids — not the content.
 */
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

test('review and preview decide exactly what leaves; the export is logged without content', async ({ app }) => {
  const p = app.page;
  await p.clock.setFixedTime(new Date('2025-06-02T10:00:00'));
  const ui = new AppPage(p, app.baseURL);
  const mt = new MeetingPage(p);
  await ui.open();
  await ui.setup();
  const id = await mt.createHousehold('Familie Vrolijkstra', [{ role: 'ouder', firstName: 'Gerbrich', lastName: 'Vrolijkstra', birthDate: '1981-07-07', bsn: '111222333' }]);
  await mt.nominate('Gerbrich belt vaak 06-99887766 en mailt gerbrich@voorbeeld.nl; wat doen we?', 15);

  await p.goto(`${app.baseURL}/#/meetings`);
  await mt.openFirstUpcoming();
  await p.getByRole('link', { name: 'Overlegstukken' }).click();
  await expect(p.locator('[data-ready="export"][data-profile="meeting_pack"]')).toBeVisible();
  await expect(p.getByTestId('review-summary')).toHaveText('3 mogelijke persoonsgegevens gevonden; 0 blijven staan, de rest wordt vervangen.');
  const preview = p.getByTestId('export-preview');
  await expect(preview).toContainText('[naam] belt vaak [telefoon] en mailt [e-mail]');

  // Keep the e-mail address on purpose: the preview shows it, and so does the file.
  await p.getByRole('radiogroup', { name: 'Keuze voor gerbrich@voorbeeld.nl' }).getByLabel('Laten staan').check();
  await expect(p.getByTestId('review-summary')).toContainText('1 blijven staan');
  await expect(preview).toContainText('[naam] belt vaak [telefoon] en mailt gerbrich@voorbeeld.nl');
  await expectAccessible(p, 'export review with a kept hit');
  const file = await mt.download('Opslaan als HTML');
  expect(file.text).toContain('gerbrich@voorbeeld.nl');
  expect(file.text).not.toContain('Gerbrich belt');
  expect(file.text).not.toContain('06-99887766');
  expect(file.text).not.toContain('Vrolijkstra');

  // Section by section, the preview's text is the file's text.
  const previewSections = (await preview.locator('.ex-section').allInnerTexts()).map(norm);
  const filePage = await app.context.newPage();
  await filePage.setContent(file.text);
  const fileSections = (await filePage.locator('main > section').evaluateAll((els) => els.map((e) => {
    e.querySelector('.page-mark')?.remove();
    return (e as HTMLElement).innerText;
  }))).map(norm);
  await filePage.close();
  expect(fileSections).toEqual(previewSections);

  // PDF in the browser goes through the print dialog with the same HTML (no file; logged as opened).
  await mt.printViaBrowser();
  await expect(p.getByTestId('export-done')).toContainText('.pdf');

  // In the audit log: each export, with purpose, audience and the household's internal id.
  const privacy = new PrivacyPage(p);
  await privacy.open();
  await privacy.openAudit();
  await expect(privacy.auditRows('export')).toHaveCount(2);
  const csv = await privacy.exportAudit();
  const lines = csv.split(/\r?\n/).filter((l) => l.includes(',export,'));
  expect(lines).toHaveLength(2);
  const line = lines.find((l) => l.includes('format=html'));
  expect(line).toContain('voorbereiding casuïstiekbespreking');
  expect(line).toContain(id);
  expect(line).not.toContain('Gerbrich');
  // What a web page knows of a print: that the dialog was opened, not that it was printed.
  expect(lines.find((l) => l.includes('format=pdf'))).toContain('afdrukvenster geopend');
  expect(line).toContain('opgeslagen');
});
