import AxeBuilder from '@axe-core/playwright';
import { test as base, chromium, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export type AppFixture = {
  page: Page;
  context: BrowserContext;
  baseURL: string;
  profileDir: string;
  /** Requests that left the app's origin (must stay empty: the renderer has no network). */
  foreignRequests: string[];
  /** Close the browser (profile stays on disk until the test ends) and start it again on the same profile. */
  restart(): Promise<Page>;
  /** Close the browser for good, e.g. before scanning the profile folder. */
  close(): Promise<void>;
};

type Fixtures = { app: AppFixture };

async function launch(profileDir: string) {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 860 },
    locale: 'nl-NL',
    acceptDownloads: true,
  });
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructured first argument
  app: async ({}, use, testInfo) => {
    const baseURL = process.env.E2E_BASE_URL;
    if (!baseURL) throw new Error('E2E_BASE_URL not set (global setup did not run)');
    const profileDir = await mkdtemp(join(tmpdir(), 'wijktafel-e2e-'));
    const foreignRequests: string[] = [];
    const pageErrors: string[] = [];
    const origin = new URL(baseURL).origin;

    const watch = (page: Page) => {
      page.on('request', (req) => {
        const u = req.url();
        if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreignRequests.push(u);
      });
      page.on('pageerror', (err) => pageErrors.push(err.message));
    };

    let context = await launch(profileDir);
    let closed = false;
    const firstPage = async () => {
      const page = context.pages()[0] ?? (await context.newPage());
      watch(page);
      return page;
    };
    const fixture: AppFixture = {
      page: await firstPage(),
      get context() {
        return context;
      },
      baseURL,
      profileDir,
      foreignRequests,
      async restart() {
        await context.close();
        context = await launch(profileDir);
        fixture.page = await firstPage();
        return fixture.page;
      },
      async close() {
        if (!closed) await context.close();
        closed = true;
      },
    };
    await use(fixture);
    await fixture.close();
    // Chromium helpers can still be flushing for a moment after close: retry instead of failing the test.
    await rm(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    expect(pageErrors, `uncaught errors in the page (${testInfo.title})`).toEqual([]);
    expect(foreignRequests, 'the renderer must make no request outside its own origin').toEqual([]);
  },
});

/** axe-core: no serious or critical violations on what the page shows now. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `accessibility violations on ${label}`,
  ).toEqual([]);
}

export { expect };
