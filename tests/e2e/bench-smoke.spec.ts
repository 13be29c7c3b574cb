import { chromium } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIZES } from '@shared/synthetic/sizes';
import { CHROMIUM, CHROMIUM_ARGS } from '../bench/chromium';
import { expect, expectAccessible, test } from './fixtures';
import { AppPage, PASSPHRASE } from './pages/app-page';
import { loadThroughApp } from '../bench/app-steps';
import { SMOKE_COUNTS, formatTable, runMeasurements } from '../bench/harness';
import { buildQueries } from '../bench/queries';

/**
 * A smoke check that the benchmark itself works (tests/bench, `npm run bench`): the small
 * example municipality is loaded through the app and every measurement runs once, briefly.
 * It asserts that each figure is produced and plausible — NOT how fast anything is.
 */
test('the benchmark runs end to end on the small example municipality', async ({ app }, testInfo) => {
  test.setTimeout(240_000);
  const ui = new AppPage(app.page, app.baseURL);
  const page = app.page;
  await ui.open();
  await ui.setup();

  // The empty case list offers the example data.
  await page.getByRole('link', { name: 'Of laad voorbeeldgegevens om Wijktafel uit te proberen' }).click();
  await expect(page.locator('[data-ready="voorbeeld"][data-state="idle"]')).toBeVisible();
  await expect(page.getByText('[Synthetisch]', { exact: false })).toBeVisible();
  await expectAccessible(page, 'example data page');
  await page.screenshot({ path: '/tmp/perf-voorbeeld.png', fullPage: true });

  await loadThroughApp(page, { size: 'small', seed: 'voorbeeld' });
  await expect(page.getByRole('status')).toContainText(`${SIZES.small.households} voorbeeldhuishoudens geladen`);
  await expectAccessible(page, 'example data loaded');
  await page.getByRole('link', { name: 'Naar de huishoudens' }).click();
  await expect(page.locator('[data-ready="households"] a[href^="#/households/"]').first()).toBeVisible();
  await page.screenshot({ path: '/tmp/perf-list-small.png', fullPage: false });

  const result = await runMeasurements(page, {
    baseURL: app.baseURL,
    passphrase: PASSPHRASE,
    counts: SMOKE_COUNTS,
    seed: 'voorbeeld',
    size: 'small',
    backup: {
      file: testInfo.outputPath('bench-backup.wijktafel'),
      timeoutMs: 60_000,
      // The restore target: a new, empty profile on the same origin.
      freshPage: async () => {
        const dir = await mkdtemp(join(tmpdir(), 'wijktafel-smoke-restore-'));
        const ctx = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, locale: 'nl-NL' });
        return {
          page: ctx.pages()[0] ?? (await ctx.newPage()),
          close: async () => {
            await ctx.close();
            await rm(dir, { recursive: true, force: true });
          },
        };
      },
    },
  });
  const table = formatTable(result);
  console.log(table);

  const byId = new Map(result.figures.map((f) => [f.id, f]));
  const expected = ['floor', 'unlock', 'searchReady', 'index.longtask', 'search.p50', 'search.p95', 'search.longtask', 'open.p50', 'open.p95', 'save.p50', 'save.p95', 'meetingPack', 'heap.unlock', 'heap.loop', 'heap.growth', 'backup.make', 'backup.size', 'restore.read', 'restore.check', 'restore.write', 'restore.longtask', 'backup.roundtrip'];
  expect([...byId.keys()].sort()).toEqual([...expected].sort());
  for (const f of result.figures) {
    expect(table).toContain(f.label);
    expect(Number.isFinite(f.value), f.id).toBe(true);
    if (f.budget !== '—' && f.budget !== '(reference)') expect(typeof f.pass, f.id).toBe('boolean');
  }
  // The floor really read and decrypted every household of the store, and the figures are of real work.
  const floors = result.raw.floors as { households: number }[];
  expect(floors[0]?.households).toBe(SIZES.small.households);
  expect(byId.get('floor')?.value).toBeGreaterThan(0);
  expect(byId.get('unlock')?.value).toBeGreaterThan(0);
  const keystrokes = buildQueries('voorbeeld', SMOKE_COUNTS.queries).reduce((s, q) => s + q.length, 0);
  expect((result.raw.search as { n: number }).n).toBe(keystrokes);
  expect((result.raw.opens as { n: number }).n).toBe(SMOKE_COUNTS.opens);
  expect((result.raw.saves as { n: number }).n).toBeGreaterThan(0);
  expect((result.raw.saves as { n: number }).n).toBeLessThanOrEqual(SMOKE_COUNTS.saves);
  expect(byId.get('heap.unlock')?.value).toBeGreaterThan(1);
  // The backup phase made a real file through the UI and restored it into an identical store.
  const backup = result.raw.backup as { fileBytes: number; tables: number; mismatched: string[] } | null;
  expect(backup?.fileBytes).toBeGreaterThan(100_000);
  expect(backup?.mismatched).toEqual([]);
  expect(backup?.tables).toBeGreaterThan(10);
  expect(byId.get('backup.roundtrip')?.pass).toBe(true);
});
