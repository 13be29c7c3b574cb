import { describe, expect, it, vi } from 'vitest';
import {
  blockNetwork,
  denyAllPermissions,
  guardWebContents,
  isAllowedRequestUrl,
  type GuardedWebContents,
  type PermissionSession,
  type PreventableEvent,
} from '../../../electron/session-hardening';

function fakePermissionSession() {
  const captured: {
    request?: (wc: unknown, permission: string, cb: (granted: boolean) => void) => void;
    check?: (wc: unknown, permission: string) => boolean;
    device?: (details: unknown) => boolean;
  } = {};
  const session: PermissionSession = {
    setPermissionRequestHandler: (h) => {
      captured.request = h;
    },
    setPermissionCheckHandler: (h) => {
      captured.check = h;
    },
    setDevicePermissionHandler: (h) => {
      captured.device = h;
    },
  };
  return { session, captured };
}

describe('denyAllPermissions', () => {
  const PERMISSIONS = ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'usb', 'fullscreen'];

  it.each(PERMISSIONS)('denies the %s request and check', (permission) => {
    const { session, captured } = fakePermissionSession();
    denyAllPermissions(session);
    const callback = vi.fn();
    captured.request?.({}, permission, callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(captured.check?.({}, permission)).toBe(false);
    expect(captured.device?.({ deviceType: permission })).toBe(false);
  });

  it('installs all three handlers', () => {
    const { session, captured } = fakePermissionSession();
    denyAllPermissions(session);
    expect(captured.request).toBeTypeOf('function');
    expect(captured.check).toBeTypeOf('function');
    expect(captured.device).toBeTypeOf('function');
  });
});

describe('network blocking', () => {
  it.each([
    'https://example.com/',
    'http://127.0.0.1:5178/',
    'wss://example.com/socket',
    'ws://localhost/',
    'file:///etc/passwd',
    'ftp://example.com/',
    'chrome-extension://abc/x.js',
    '',
  ])('cancels %s', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(false);
  });

  it.each([
    'app://wijktafel/index.html',
    'data:image/png;base64,AAAA',
    'blob:app://wijktafel/8a1d7c43-0000-4000-8000-000000000000',
    'devtools://devtools/bundled/inspector.html',
  ])('lets %s through', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(true);
  });

  it('wires onBeforeRequest and logs only the scheme', () => {
    let listener: ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
    const blocked: string[] = [];
    blockNetwork({ webRequest: { onBeforeRequest: (l) => (listener = l) } }, (scheme) => blocked.push(scheme));
    const callback = vi.fn();
    listener?.({ url: 'https://tracker.example/?bsn=123456782' }, callback);
    listener?.({ url: 'app://wijktafel/index.html' }, callback);
    expect(callback.mock.calls).toEqual([[{ cancel: true }], [{ cancel: false }]]);
    expect(blocked).toEqual(['https:']);
  });
});

function fakeWebContents() {
  const listeners = new Map<string, (...args: never[]) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents: GuardedWebContents = {
    on: (event: string, listener: (...args: never[]) => void) => {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
  };
  const emit = (event: string, url?: string): boolean => {
    const preventable: PreventableEvent & { prevented: boolean } = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    const listener = listeners.get(event) as ((e: PreventableEvent, url?: string) => void) | undefined;
    listener?.(preventable, url);
    return preventable.prevented;
  };
  return { contents, emit, open: (url: string) => openHandler?.({ url }), listeners };
}

describe('guardWebContents', () => {
  it.each([
    'https://evil.example/',
    'http://localhost:5178/',
    'file:///home/user/Documents/plan.pdf',
    'app://wijktafel.evil/',
    'app://evil/index.html',
    'javascript:alert(1)',
    'data:text/html,<h1>x</h1>',
  ])('prevents navigation and redirects to %s', (url) => {
    const fake = fakeWebContents();
    guardWebContents(fake.contents);
    expect(fake.emit('will-navigate', url)).toBe(true);
    expect(fake.emit('will-redirect', url)).toBe(true);
  });

  it('allows navigation inside the app', () => {
    const fake = fakeWebContents();
    guardWebContents(fake.contents);
    expect(fake.emit('will-navigate', 'app://wijktafel/index.html#/households')).toBe(false);
    expect(fake.emit('will-redirect', 'app://wijktafel/households/1')).toBe(false);
  });

  it.each(['https://autoriteitpersoonsgegevens.nl/', 'app://wijktafel/index.html', 'about:blank'])(
    'denies window.open(%s)',
    (url) => {
      const fake = fakeWebContents();
      guardWebContents(fake.contents);
      expect(fake.open(url)).toEqual({ action: 'deny' });
    },
  );

  it('prevents attaching a <webview>', () => {
    const fake = fakeWebContents();
    const refused: string[] = [];
    guardWebContents(fake.contents, (what) => refused.push(what));
    expect(fake.emit('will-attach-webview')).toBe(true);
    expect(refused).toEqual(['webview']);
  });
});
