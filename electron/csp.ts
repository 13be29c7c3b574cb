import { CONTENT_SECURITY_POLICY } from '../shared/csp';

/**
 * The CSP the app:// protocol sends as a response header: the shared policy (also injected
 * as a <meta> tag by the renderer build) plus `frame-ancestors 'none'`, which browsers ignore
 * in <meta> and which therefore only exists as a header. Nothing may frame the app.
 */
export const CSP_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/**
 * The policy for the hidden PDF print window. The exported HTML is self-contained (inline
 * <style>, data: images), and it may load nothing at all: no scripts, no fetches, no fonts
 * from anywhere but data:. JavaScript is also switched off in that window.
 */
export const PRINT_CSP_HEADER = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every app:// response, next to Content-Type. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    // Never guess a type: a data file must not be run as script.
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    // Files come from the app bundle: no HTTP cache with copies of anything.
    'Cache-Control': 'no-store',
  };
}
