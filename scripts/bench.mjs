// `npm run bench [-- --size small|large --seed <text> --fresh]`
// Builds the renderer into its own folder (parallel-safe), bundles the benchmark runner
// (tests/bench/main.ts) and runs it. See README "Performance".
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const outDir = process.env.WIJKTAFEL_OUT_DIR ?? 'dist/bench';
process.env.WIJKTAFEL_OUT_DIR = outDir;

// A profiling run keeps function names readable (and is therefore not a budget run).
if (process.argv.includes('--profile')) process.env.WIJKTAFEL_NO_MINIFY = '1';

const t0 = Date.now();
const vite = spawnSync(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
  stdio: 'inherit',
  env: process.env,
});
if (vite.status !== 0) process.exit(vite.status ?? 1);
process.stdout.write(`Built the app into ${outDir} in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);

const runner = resolve('dist/bench-runner/main.mjs');
await build({
  entryPoints: ['tests/bench/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  alias: { '@shared': './shared' },
  outfile: runner,
  logLevel: 'warning',
});
await import(pathToFileURL(runner).href);
