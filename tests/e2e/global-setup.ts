import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
// scripts/serve.mjs is plain JS shared with `npm start`; its types are declared in serve.d.mts.
import { startServer } from '../../scripts/serve.mjs';

/** Serve dist/renderer on a free loopback port for the whole run; workers read E2E_BASE_URL. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const root = resolve(process.env.WIJKTAFEL_OUT_DIR ?? 'dist/renderer');
  if (!existsSync(resolve(root, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build:renderer` first (npm run test:e2e does).');
  }
  const { server, url } = await startServer({ root, port: 0 });
  process.env.E2E_BASE_URL = url;
  return async () => {
    await new Promise<void>((r) => server.close(() => r()));
  };
}
