// `npm start`: build the renderer and the Electron shell, then run the app in Electron —
// or, on machines where the Electron binary is not installed, serve the very same build in
// the browser on loopback (the renderer's browser platform adapter takes over there).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PREFERRED_PORT = 5178;
const HOST = '127.0.0.1';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    process.stderr.write(`start: "${command} ${args.join(' ')}" failed\n`);
    process.exit(result.status ?? 1);
  }
}

/**
 * The Electron binary's path, or null when the npm package is installed without its binary.
 * Not `require('electron')`: since electron 3x that call tries to DOWNLOAD a missing binary
 * (a network request and a stack trace on an offline machine). This reads what it would
 * read — path.txt and dist/ — and never downloads.
 */
export function findElectronBinary(requireFrom = createRequire(import.meta.url), env = process.env) {
  let packageDir;
  try {
    packageDir = dirname(requireFrom.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = readFileSync(pathFile, 'utf8').trim();
  if (executable === '') return null;
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
  const binary = join(distDir, executable);
  return existsSync(binary) ? binary : null;
}

/** The first free port from `preferred` on, checked on loopback. */
export async function findFreePort(preferred, host = HOST, attempts = 20) {
  for (let port = preferred; port < preferred + attempts; port += 1) {
    const free = await new Promise((resolvePort) => {
      const probe = createServer();
      probe.once('error', () => resolvePort(false));
      probe.listen(port, host, () => probe.close(() => resolvePort(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${preferred}-${preferred + attempts - 1}`);
}

async function main() {
  if (existsSync(resolve(root, 'vite.config.ts'))) run('npx', ['vite', 'build']);
  else process.stderr.write('start: vite.config.ts not found, using the existing dist/renderer\n');
  run(process.execPath, [resolve(root, 'scripts/build-electron.mjs')]);

  const electron = findElectronBinary();
  if (electron !== null) {
    const child = spawn(electron, [root], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    // Ctrl-C reaches the child through the terminal; we just wait for it to exit.
    process.on('SIGINT', () => undefined);
    return;
  }

  process.stdout.write(
    'The Electron binary is not installed on this machine, so Wijktafel cannot open as a desktop ' +
      'app here. The same app is served in your browser instead, on this computer only (127.0.0.1); ' +
      'without Electron there is no OS key store, and exports are downloads.\n',
  );
  const port = await findFreePort(PREFERRED_PORT);
  const { server, url } = await startServer({ root: resolve(root, 'dist/renderer'), port, host: HOST });
  process.stdout.write(`Open ${url}/ in Chromium, Chrome or Edge. Press Ctrl-C to stop.\n`);
  process.on('SIGINT', () => {
    server.close(() => process.exit(0));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
