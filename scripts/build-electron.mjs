// Bundles the main process and the preload into dist/electron/*.cjs (npm run build:electron).
// One file each: the packaged app ships no node_modules, and the sandboxed preload can only
// require('electron'), so everything else must be bundled into it.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = resolve(root, 'dist/electron');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Electron 45: Node 22 in main, Chromium 140 in the renderer-side preload.
  target: ['node22', 'chrome140'],
  external: ['electron'],
  sourcemap: false,
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: resolve(outdir, 'main.cjs') }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: resolve(outdir, 'preload.cjs') }),
]);

// A sandboxed preload may require only Electron's small allowlist; anything else would fail
// at runtime inside the window, so catch it here.
const preload = await readFile(resolve(outdir, 'preload.cjs'), 'utf8');
const requires = [...preload.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]);
const unexpected = requires.filter((name) => name !== 'electron');
if (unexpected.length > 0) {
  process.stderr.write(`build-electron: the sandboxed preload requires ${unexpected.join(', ')}; only 'electron' is available there\n`);
  process.exit(1);
}
process.stdout.write('build-electron: dist/electron/main.cjs and dist/electron/preload.cjs written\n');
