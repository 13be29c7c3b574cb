import { describe, expect, it } from 'vitest';
import { CSP_HEADER, PRINT_CSP_HEADER, securityHeaders } from '../../../electron/csp';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('app CSP header', () => {
  it('is exactly the agreed policy', () => {
    expect(CSP_HEADER).toBe(
      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; " +
        "font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; frame-src 'none'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('extends the shared (meta-tag) policy with frame-ancestors only', () => {
    expect(CSP_HEADER.startsWith(CONTENT_SECURITY_POLICY)).toBe(true);
    expect(directives(CSP_HEADER).get('frame-ancestors')).toBe("'none'");
  });

  it('never allows inline script, eval or remote origins', () => {
    const policy = directives(CSP_HEADER);
    expect(policy.get('script-src')).not.toMatch(/unsafe-inline|'unsafe-eval'|https?:|\*/);
    for (const [name, value] of policy) {
      expect(value, name).not.toMatch(/https?:|wss?:|\*/);
    }
  });
});

describe('print CSP header', () => {
  it('lets the print page load nothing but inline styles and data: images/fonts', () => {
    const policy = directives(PRINT_CSP_HEADER);
    expect(policy.get('default-src')).toBe("'none'");
    expect(policy.has('script-src')).toBe(false);
    expect(policy.get('img-src')).toBe('data:');
    expect(policy.has('connect-src')).toBe(false);
  });
});

describe('securityHeaders', () => {
  it('always sends CSP and nosniff', () => {
    const headers = securityHeaders(CSP_HEADER);
    expect(headers['Content-Security-Policy']).toBe(CSP_HEADER);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
  });
});
