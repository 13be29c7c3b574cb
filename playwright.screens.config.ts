import { defineConfig } from '@playwright/test';

/**
 * `npm run screenshots`: walks the app as a new team would (example data, example team, a
 * meeting) and writes the screenshots in docs/screenshots/. Not part of `npm test`: it proves
 * nothing the e2e suite does not; it shows reviewers what a user sees.
 */
export default defineConfig({
  testDir: 'tests/screens',
  globalSetup: './tests/e2e/global-setup.ts',
  timeout: 300_000,
  expect: { timeout: 30_000 },
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  use: { trace: 'off', screenshot: 'off', video: 'off', actionTimeout: 30_000 },
});
