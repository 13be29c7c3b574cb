import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from './shared/csp';

/** Injects the app's CSP as a meta tag in the built index.html (not in dev, where HMR needs inline code). */
function cspMeta(): Plugin {
  return {
    name: 'wijktafel-csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      // frame-ancestors is ignored in <meta>; the Electron protocol sends it as a header.
      return html.replace(
        '<head>',
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      );
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react(), cspMeta()],
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  build: {
    // WIJKTAFEL_OUT_DIR lets parallel test runs build into their own folder (relative to the repo root).
    outDir: process.env.WIJKTAFEL_OUT_DIR ? `../${process.env.WIJKTAFEL_OUT_DIR}` : '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // `npm run bench -- --profile` builds unminified so CPU profiles name functions.
    minify: process.env.WIJKTAFEL_NO_MINIFY ? false : true,
    // The Argon2 WASM is inlined by hash-wasm; keep assets as files, never data: URLs for scripts.
    assetsInlineLimit: 0,
    // One bundle on purpose: the app loads from local disk (app:// or loopback), never over a network.
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
});
