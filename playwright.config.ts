import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in real Chromium (Debian's, not a downloaded build), against the built
 * renderer served on loopback by scripts/serve.mjs. Each test gets a fresh on-disk profile
 * (see tests/e2e/fixtures.ts) so the canary checks can scan it.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: { trace: 'off', screenshot: 'off', video: 'off' },
});
