/**
 * The same Chromium and flags as the e2e suite (tests/e2e/fixtures.ts). Repeated here because
 * fixtures.ts defines Playwright Test fixtures, which may only be loaded inside the test runner.
 */
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
