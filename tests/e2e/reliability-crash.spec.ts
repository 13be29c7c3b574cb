import { expect, test } from '@playwright/test';
import { runCrashRounds } from './pages/backup-crash';

/**
 * Kill Chromium (SIGKILL) at random moments while households and aanmeldingen (household +
 * intake) are being saved; after each relaunch every save the UI reported is present and whole,
 * and no transaction is half-applied over any of the tables it writes (backup-crash.ts). 2 × 25 rounds here (parallel on two
 * workers); `npm run soak` runs many more.
 */
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 25);

for (const seed of [20260302, 8675309]) {
  test(`crash safety: ${ROUNDS} SIGKILL rounds during saves (seed ${seed})`, async () => {
    test.setTimeout(ROUNDS * 12_000 + 60_000);
    const baseURL = process.env.E2E_BASE_URL;
    if (!baseURL) throw new Error('E2E_BASE_URL not set');
    const result = await runCrashRounds({ baseURL, rounds: ROUNDS, seed, log: process.env.CRASH_LOG ? (l) => process.stdout.write(`${l}\n`) : undefined });
    // The loop must actually have saved things between kills for the test to mean anything.
    expect(result.saved).toBeGreaterThan(ROUNDS / 2);
    expect(result.households).toBeGreaterThanOrEqual(result.saved);
    // The multi-table write (household + key + intake + audit) was exercised too.
    expect(result.intakes).toBeGreaterThan(ROUNDS / 8);
  });
}
