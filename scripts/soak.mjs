#!/usr/bin/env node
/**
 * Soak test for crash safety: many more SIGKILL rounds than `npm test` runs.
 *   npm run soak                 (default 300 rounds per seed, 2 seeds)
 *   SOAK_ROUNDS=1000 npm run soak
 * Builds the renderer into its own folder and runs tests/e2e/reliability-crash.spec.ts with
 * CRASH_ROUNDS set; each round's confirmed saves and the kill point of the one in flight are logged.
 */
import { spawnSync } from 'node:child_process';

const rounds = process.env.SOAK_ROUNDS ?? '300';
const outDir = process.env.WIJKTAFEL_OUT_DIR ?? 'dist/soak';
const env = { ...process.env, WIJKTAFEL_OUT_DIR: outDir, CRASH_ROUNDS: rounds, CRASH_LOG: '1' };
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npx', ['vite', 'build']);
run('npx', ['playwright', 'test', 'tests/e2e/reliability-crash.spec.ts', '--output=test-results/soak']);
