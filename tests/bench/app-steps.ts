import type { Page } from '@playwright/test';

/** The passphrase of every benchmark profile (synthetic data only). */
export const BENCH_PASSPHRASE = 'paarse fiets onder de lindeboom';

/** First run of a fresh profile: create the vault (same steps as tests/e2e/pages/app-page.ts). */
export async function setupVault(page: Page, baseURL: string, passphrase = BENCH_PASSPHRASE): Promise<void> {
  await page.goto(`${baseURL}/`);
  await page.locator('[data-ready="setup"]').waitFor({ timeout: 60_000 });
  await page.getByLabel('Uw naam').fill('Bench Coördinator');
  await page.getByLabel('Wachtzin', { exact: true }).fill(passphrase);
  await page.getByLabel('Herhaal de wachtzin').fill(passphrase);
  await page.getByRole('button', { name: 'Versleutelde opslag aanmaken' }).click();
  await page.getByLabel('Ik heb de herstelsleutel veilig bewaard').check({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Verder naar Wijktafel' }).click();
  await page.locator('[data-ready="households"]').waitFor({ timeout: 60_000 });
}

/**
 * Load a synthetic municipality through the app's own "Voorbeeldgegevens laden" page
 * (features/synthetic → repositories/synthetic.ts), reporting progress while it runs.
 */
export async function loadThroughApp(
  page: Page,
  opts: Readonly<{ size: 'small' | 'large'; seed: string; log?: (s: string) => void; timeoutMs?: number }>,
): Promise<number> {
  const path = opts.size === 'small' && opts.seed === 'voorbeeld' ? '#/voorbeeld' : `#/voorbeeld/${opts.size}/${encodeURIComponent(opts.seed)}`;
  await page.evaluate((h) => {
    window.location.hash = h;
  }, path);
  const section = page.locator('[data-ready="voorbeeld"]');
  await section.waitFor();
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Voorbeeldgegevens laden' }).click();
  const deadline = t0 + (opts.timeoutMs ?? 15 * 60_000);
  const done = page.locator('[data-ready="voorbeeld"][data-state="done"]');
  for (;;) {
    try {
      await done.waitFor({ timeout: 10_000 });
      break;
    } catch (e) {
      if ((await section.getAttribute('data-state')) === 'stopped') throw new Error('loading the synthetic municipality failed in the app', { cause: e });
      if (Date.now() > deadline) throw e;
      const label = await page.locator('.progress__label').textContent().catch(() => null);
      opts.log?.(`  … ${label ?? 'loading'}`);
    }
  }
  return Date.now() - t0;
}
