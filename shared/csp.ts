/**
 * The one Content-Security-Policy of the app. The Electron protocol handler sends it as a
 * header; the renderer build injects it as a <meta> tag so the browser fallback and the
 * e2e suite run under the same policy.
 *
 * 'wasm-unsafe-eval' is needed for the Argon2id key derivation (WebAssembly); it does not
 * allow eval() of JavaScript. connect-src 'self' keeps the renderer off the network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
