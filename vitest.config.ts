import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit and integration tests run in Node. Dexie code runs on fake-indexeddb
// (imported by the tests that need it); real-browser behaviour is the e2e suite's job.
export default defineConfig({
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    reporters: process.env.CI ? ['default'] : ['default'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
