import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import { AppPage } from '../e2e/pages/app-page';
import { loadThroughApp } from '../bench/app-steps';

/**
 * The screenshots in docs/screenshots/, made the way a new team meets the app: first run, the
 * example municipality ("Voorbeeldgegevens laden"), lock and unlock, a household's file and plan,
 * the team's rings, Aandacht, a meeting and its pack as PDF. Synthetic data only.
 */
const OUT = join(process.cwd(), 'docs', 'screenshots');

async function shot(page: Page, name: string, opts: { fullPage?: boolean; selector?: string } = {}): Promise<void> {
  // Let fonts and the last render settle; screenshots are of what a user sees.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const path = join(OUT, `${name}.png`);
  if (opts.selector) await page.locator(opts.selector).first().screenshot({ path });
  else await page.screenshot({ path, fullPage: opts.fullPage ?? false });
}

test('screenshots of the main screens', async ({ app }) => {
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT).filter((n) => n.endsWith('.png'))) unlinkSync(join(OUT, f));
  const p = app.page;
  const ui = new AppPage(p, app.baseURL);
  await ui.open();
  await expect(p.locator('[data-ready="setup"]')).toBeVisible();
  await shot(p, '01-eerste-start');
  await ui.setup();

  // The example municipality, through the app's own loader.
  await p.getByRole('link', { name: 'Of laad voorbeeldgegevens om Wijktafel uit te proberen' }).click();
  await loadThroughApp(p, { size: 'small', seed: 'voorbeeld' });
  await p.getByRole('link', { name: 'Naar de huishoudens' }).click();
  await expect(p.locator('[data-ready="households"] a[href^="#/households/"]').first()).toBeVisible();

  await ui.lock();
  await shot(p, '02-ontgrendelen');
  await ui.unlock();
  await expect(p.locator('[data-search-ready="true"]')).toBeVisible();
  await shot(p, '03-huishoudens');

  // Search by name and narrative.
  await p.getByLabel('Zoeken op naam of tekst').fill('schuld');
  await expect(p.locator('[data-search-query="schuld"]')).toBeVisible();
  await shot(p, '04-zoeken');
  await p.getByLabel('Zoeken op naam of tekst').fill('');

  // A household with an active plan: its overview, domains, plan and timeline.
  const first = p.locator('[data-ready="households"] tbody a').first();
  await first.click();
  await expect(p.locator('[data-ready="household"]')).toBeVisible();
  const householdUrl = p.url();
  await shot(p, '05-huishouden-overzicht', { fullPage: true });
  for (const [tab, name] of [
    ['Leefgebieden', '06-leefgebieden'],
    ['Plan', '07-plan'],
    ['Tijdlijn en notities', '08-tijdlijn'],
  ] as const) {
    await p.getByRole('link', { name: tab, exact: true }).click();
    await expect(p.locator(`[data-ready="household"][data-tab]`)).toBeVisible();
    await shot(p, name, { fullPage: true });
  }

  // The team's rings and the household's own ring.
  await p.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Team' }).click();
  await expect(p.locator('[data-ready="ring-view"]')).toBeVisible();
  await shot(p, '09-team-ringen', { fullPage: true });
  const hash = new URL(householdUrl).hash;
  await p.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await expect(p.locator('[data-ready="household"]')).toBeVisible();
  await expect(p.locator('[data-ready="household-ring"]')).toBeVisible();
  await shot(p, '10-huishouden-partners', { selector: '[data-ready="household-partners"]' });

  // Aandacht: what needs follow-up today.
  await p.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /Aandacht/ }).click();
  await expect(p.locator('[data-ready="attention"]')).toBeVisible();
  await shot(p, '11-aandacht');

  // A meeting: the agenda, meeting mode and the pack.
  await p.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overleg' }).click();
  await expect(p.locator('[data-ready="meetings"]')).toBeVisible();
  await shot(p, '12-overleggen');
  await p.getByTestId('upcoming').getByRole('link').first().click();
  await expect(p.locator('[data-ready="agenda"]')).toBeVisible();
  await shot(p, '13-agenda', { fullPage: true });
  await p.getByRole('link', { name: /Overlegstukken/ }).first().click();
  await expect(p.locator('[data-ready="export"]')).toBeVisible();
  await shot(p, '14-export-controle', { fullPage: false });
  await p.evaluate(() => {
    window.print = () => undefined;
  });
  await p.getByRole('button', { name: 'Opslaan als PDF' }).click();
  await expect(p.locator('body.printing [data-testid="print-view"]')).toBeAttached();
  const pdf = join(OUT, 'overlegstukken.pdf');
  await p.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
  await p.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '90', '-f', '1', '-l', '3', pdf, join(OUT, '15-overlegstukken')]);
  unlinkSync(pdf);

  // Privacy settings and the audit log; backups.
  await p.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen & privacy' }).click();
  await expect(p.locator('main')).toBeVisible();
  await shot(p, '16-instellingen-privacy', { fullPage: true });
  await p.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Back-up & import' }).click();
  await expect(p.locator('[data-ready="backup-screen"]')).toBeVisible();
  await shot(p, '17-back-up', { fullPage: true });

  // Smaller files for the repository, where Debian's pngquant is installed.
  const pngs = readdirSync(OUT).filter((n) => n.endsWith('.png')).map((n) => join(OUT, n));
  if (existsSync('/usr/bin/pngquant')) execFileSync('/usr/bin/pngquant', ['--force', '--ext', '.png', '--quality', '70-90', ...pngs]);
});
