import { expect, test } from '@playwright/test';
import { runCrashRounds } from './pages/backup-crash';

/**
 * Kill Chromium (SIGKILL) while households and aanmeldingen (household + intake) are being
 * saved; after each relaunch every save the UI confirmed is present and whole, the one cut off
 * is whole or absent, and no transaction is half-applied over any of the tables it writes
 * (backup-crash.ts). Each round confirms a counted number of saves and then kills one in
 * flight, so the figures below do not depend on the machine's speed. 2 × 25 rounds here
 * (parallel on two workers); `npm run soak` runs many more.
 *
 * Chromium itself sometimes discards the whole store after such a kill (about once in a hundred
 * here). That is not a half-written transaction but a lost store: the app must say so instead of
 * showing a plain first run, and the loop goes on in a new store; see CrashResult.storeLost.
 */
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 25);

for (const seed of [20260302, 8675309]) {
  test(`crash safety: ${ROUNDS} SIGKILL rounds during saves (seed ${seed})`, async () => {
    // A safety net only (a round is a relaunch, an unlock and up to three saves); nothing is measured by time.
    test.setTimeout(ROUNDS * 60_000 + 60_000);
    const baseURL = process.env.E2E_BASE_URL;
    if (!baseURL) throw new Error('E2E_BASE_URL not set');
    const result = await runCrashRounds({ baseURL, rounds: ROUNDS, seed, log: process.env.CRASH_LOG ? (l) => process.stdout.write(`${l}\n`) : undefined });
    test.info().annotations.push({ type: 'crash', description: JSON.stringify(result) });
    // Every round confirmed the saves the seed planned (1 or 2), whatever the machine's speed.
    expect(result.saved).toBe(result.planned);
    expect(result.saved).toBeGreaterThanOrEqual(ROUNDS);
    expect(result.inFlight).toBe(ROUNDS);
    // Chromium may discard the whole store after a hard kill (CrashResult.storeLost): the app must
    // then say so, which the loop checked each time. Rare here (about once in a hundred kills);
    // more than one round in ten would be a store this app damages, not the browser's rare loss.
    expect(result.storeLost, 'relaunches that found the store gone').toBeLessThanOrEqual(Math.floor(ROUNDS / 10));
    // In the store that is there: every confirmed save whole (checked in every relaunch), and each
    // save a kill cut off whole or not at all: present when its transaction had committed, absent
    // when it was held open.
    const inStore = result.inStore;
    expect(result.inFlightWhole).toBeGreaterThanOrEqual(inStore.killPoints['tx-complete']);
    expect(result.inFlightWhole).toBeLessThanOrEqual(inStore.inFlight - inStore.killPoints['tx-held']);
    expect(result.households).toBe(inStore.saved + result.inFlightWhole);
    // Every kill point was used (they take turns).
    for (const [point, times] of Object.entries(result.killPoints)) expect(times, `kill point ${point}`).toBeGreaterThan(0);
    // The multi-table write (household + key + intake + audit) was exercised too: every other save is an aanmelding.
    expect(result.intakes).toBe(Math.floor(inStore.saved / 2));
    expect(result.intakes).toBeGreaterThan(0);
  });
}

test('crash loop, positive control: a store the browser discards is told as lost, and the loop goes on in a new one', async () => {
  test.setTimeout(6 * 60_000 + 60_000);
  const baseURL = process.env.E2E_BASE_URL;
  if (!baseURL) throw new Error('E2E_BASE_URL not set');
  // After round 2's kill the profile's IndexedDB is removed, as Chromium does when it finds the store damaged.
  const result = await runCrashRounds({ baseURL, rounds: 5, seed: 77, loseStoreAfterRound: 2 });
  expect(result.storeLost).toBe(1);
  // The checks still ran over the new store: rounds 3 and 4 saved into it and were verified on relaunch.
  expect(result.inStore.inFlight).toBe(2);
  expect(result.households).toBe(result.inStore.saved + result.inFlightWhole);
  expect(result.saved).toBe(result.planned);
});
