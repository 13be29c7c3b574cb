import { build } from 'esbuild';
import { resolve } from 'node:path';

let cached: string | undefined;

/** The floor script (floor.ts) bundled with hash-wasm into one IIFE, to evaluate in the page. */
export async function floorScript(): Promise<string> {
  if (cached) return cached;
  const out = await build({
    // From the repository root (npm scripts and Playwright run there), so this works bundled too.
    entryPoints: [resolve(process.cwd(), 'tests/bench/floor.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error('floor script did not build');
  cached = file.text;
  return cached;
}
