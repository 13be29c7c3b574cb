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
  // A safety net, not a measure: an expectation waits on what the app signals and passes as soon
  // as it holds. The longest single waits are the first-run setup (KDF calibration plus one
  // derivation) and unlock; on a 2-core machine with other work running they take several
  // times their quiet duration, so the net is wider than the 15 s it was.
  expect: { timeout: 30_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: { trace: 'off', screenshot: 'off', video: 'off' },
});
