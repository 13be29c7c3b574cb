import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createIpcListener, registerIpcHandlers, type IpcHandlers, type IpcInvokeEvent } from '../../../electron/ipc';
import { SafeError } from '../../../electron/errors';
import type { Logger } from '../../../electron/logger';
import { ipcContract, type IpcChannel } from '../../../shared/ipc/contract';

const CHANNELS = Object.keys(ipcContract) as IpcChannel[];
const CANARY = 'Jansen-BSN-123456782';
const TRUSTED_ID = 7;

const trustedEvent = (overrides: Partial<IpcInvokeEvent> = {}): IpcInvokeEvent => ({
  sender: { id: TRUSTED_ID },
  senderFrame: { url: 'app://wijktafel/index.html#/households', parent: null },
  ...overrides,
});

/** A valid request and response per channel, so tests can tell "handled" from "rejected". */
const bytes = (n: number) => new Uint8Array(n).fill(1);
const VALID: { [C in IpcChannel]: { request: unknown; response: unknown } } = {
  'app:info': { request: undefined, response: { version: '0.1.0', platform: 'linux', electron: '45.4.1' } },
  'export:save-file': {
    request: { suggestedName: 'plan.md', mimeType: 'text/markdown', data: '# plan' },
    response: { saved: true },
  },
  'export:print-pdf': { request: { suggestedName: 'plan', html: '<h1>x</h1>' }, response: { saved: false } },
  'backup:write-auto': { request: { data: bytes(8), reason: 'change' }, response: { written: true, name: 'b' } },
  'backup:list': { request: undefined, response: [] },
  'backup:read': { request: { name: 'backup.wtbackup' }, response: { data: bytes(4) } },
  'keystore:status': { request: undefined, response: { available: true, backend: 'gnome_libsecret' } },
  'keystore:wrap': { request: { secret: bytes(32) }, response: { wrapped: bytes(64) } },
  'keystore:unwrap': { request: { wrapped: bytes(64) }, response: { secret: bytes(32) } },
  'shell:open-external': { request: { url: 'https://autoriteitpersoonsgegevens.nl/' }, response: { opened: true } },
  'window:set-content-protection': { request: { enabled: true }, response: { enabled: true } },
};

function setup(handlerImpl?: (channel: IpcChannel, request: unknown) => Promise<unknown>) {
  const calls: { channel: IpcChannel; request: unknown }[] = [];
  const logLines: string[] = [];
  const log: Logger = (level, event, fields) => logLines.push(JSON.stringify([level, event, fields]));
  const handlerFor = (channel: IpcChannel) => async (request: unknown) => {
    calls.push({ channel, request });
    return handlerImpl ? handlerImpl(channel, request) : VALID[channel].response;
  };
  const listener = (channel: IpcChannel) =>
    createIpcListener(channel, handlerFor(channel) as IpcHandlers[typeof channel], {
      isTrustedSender: (sender) => sender.id === TRUSTED_ID,
      log,
    });
  return { calls, logLines, listener };
}

describe('IPC sender check', () => {
  it.each([
    ['missing frame (destroyed or navigated away)', trustedEvent({ senderFrame: null })],
    ['foreign origin', trustedEvent({ senderFrame: { url: 'https://evil.example/', parent: null } })],
    ['look-alike app host', trustedEvent({ senderFrame: { url: 'app://wijktafel.evil/', parent: null } })],
    ['print window origin', trustedEvent({ senderFrame: { url: 'app://print/abc', parent: null } })],
    ['file:// page', trustedEvent({ senderFrame: { url: 'file:///tmp/x.html', parent: null } })],
    ['subframe of our page', trustedEvent({ senderFrame: { url: 'app://wijktafel/index.html', parent: { url: 'app://wijktafel/' } } })],
    ['detached frame', trustedEvent({ senderFrame: { url: 'app://wijktafel/index.html', parent: null, detached: true } })],
    ['webContents we did not create', trustedEvent({ sender: { id: 99 } })],
  ])('rejects %s without calling the handler', async (_label, event) => {
    const { calls, listener } = setup();
    for (const channel of CHANNELS) {
      const result = await listener(channel)(event, VALID[channel].request);
      expect(result).toEqual({ ok: false, error: { code: 'forbidden-sender', message: expect.any(String) } });
    }
    expect(calls).toEqual([]);
  });

  it('accepts our main frame and answers with the handler value', async () => {
    const { calls, listener } = setup();
    for (const channel of CHANNELS) {
      const result = await listener(channel)(trustedEvent(), VALID[channel].request);
      expect(result, channel).toEqual({ ok: true, value: VALID[channel].response });
    }
    expect(calls.map((c) => c.channel)).toEqual(CHANNELS);
  });
});

describe('IPC payload validation', () => {
  it.each([
    ['export:save-file', { suggestedName: '../../.bashrc', mimeType: 'text/plain', data: 'x' }],
    ['export:save-file', { suggestedName: 'a.txt', mimeType: 'application/x-sh', data: 'x' }],
    ['export:save-file', { suggestedName: 'a.txt', mimeType: 'text/plain', data: 42 }],
    ['backup:read', { name: 'C:\\Windows\\x' }],
    ['backup:read', { name: '' }],
    ['backup:write-auto', { data: 'not bytes', reason: 'change' }],
    ['backup:write-auto', { data: new Uint8Array(1), reason: 'hourly' }],
    ['keystore:wrap', { secret: new Uint8Array(2048) }],
    ['keystore:unwrap', { wrapped: [1, 2, 3] }],
    ['shell:open-external', { url: 'x'.repeat(2001) }],
    ['window:set-content-protection', { enabled: 'yes' }],
    ['app:info', { extra: true }],
    ['backup:list', null],
  ] as const)('rejects a bad %s payload', async (channel, payload) => {
    const { calls, listener } = setup();
    const result = await listener(channel)(trustedEvent(), payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(calls).toEqual([]);
  });

  it('never echoes payload content in the error or the log', async () => {
    const { listener, logLines } = setup();
    const result = await listener('export:save-file')(trustedEvent(), {
      suggestedName: `${CANARY}/x`,
      mimeType: CANARY,
      data: { [CANARY]: CANARY },
    });
    expect(JSON.stringify(result)).not.toContain(CANARY);
    expect(logLines.join('\n')).not.toContain(CANARY);
  });
});

describe('IPC error handling', () => {
  it('turns a thrown error into ok:false without leaking its message', async () => {
    const { listener, logLines } = setup(async () => {
      throw new Error(`ENOENT: no such file '/home/w/${CANARY}.pdf'`);
    });
    const result = await listener('export:save-file')(trustedEvent(), VALID['export:save-file'].request);
    expect(result).toEqual({ ok: false, error: { code: 'failed', message: 'export:save-file failed' } });
    expect(logLines.join('\n')).not.toContain(CANARY);
  });

  it('passes on the message of a SafeError (written by us)', async () => {
    const { listener } = setup(async () => {
      throw new SafeError('keystore-unavailable', 'OS key store not available (backend: basic_text)');
    });
    const result = await listener('keystore:wrap')(trustedEvent(), VALID['keystore:wrap'].request);
    expect(result).toEqual({
      ok: false,
      error: { code: 'failed', message: 'OS key store not available (backend: basic_text)' },
    });
  });

  it('refuses to return a response that breaks the contract', async () => {
    const { listener } = setup(async () => ({ saved: 'maybe' }));
    const result = await listener('export:save-file')(trustedEvent(), VALID['export:save-file'].request);
    expect(result).toMatchObject({ ok: false, error: { code: 'failed' } });
  });

  it('keeps answering after a failure (one bad message never kills the listener)', async () => {
    let fail = true;
    const { listener } = setup(async (channel) => {
      if (fail) throw new Error('boom');
      return VALID[channel].response;
    });
    const handle = listener('backup:list');
    expect((await handle(trustedEvent(), undefined)).ok).toBe(false);
    fail = false;
    expect(await handle(trustedEvent(), undefined)).toEqual({ ok: true, value: [] });
  });
});

describe('IPC fuzzing (property-based)', () => {
  const payloadArbitrary = fc.oneof(
    fc.anything({ withTypedArray: true, withMap: true, withSet: true, withBigInt: true, withDate: true, withNullPrototype: true }),
    fc.uint8Array({ maxLength: 64 }),
    fc.string(),
    fc.dictionary(
      fc.constantFrom('suggestedName', 'mimeType', 'data', 'html', 'reason', 'name', 'secret', 'wrapped', 'url', 'enabled', '__proto__', 'constructor'),
      fc.anything({ withTypedArray: true }),
    ),
  );

  it.each(CHANNELS)('%s: never throws; invalid payloads get invalid-payload and never reach the handler', async (channel) => {
    const schema = ipcContract[channel].request;
    await fc.assert(
      fc.asyncProperty(payloadArbitrary, async (payload) => {
        const { calls, listener } = setup();
        const result = await listener(channel)(trustedEvent(), payload);
        if (schema.safeParse(payload).success) {
          expect(result.ok).toBe(true);
          expect(calls).toHaveLength(1);
        } else {
          expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
          expect(calls).toHaveLength(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it.each(CHANNELS)('%s: a hostile value that throws on access cannot break the wrapper', async (channel) => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error(CANARY);
        },
        getPrototypeOf() {
          throw new Error(CANARY);
        },
        ownKeys() {
          throw new Error(CANARY);
        },
      },
    );
    const { listener } = setup();
    const result = await listener(channel)(trustedEvent(), hostile);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(CANARY);
  });
});

describe('registerIpcHandlers', () => {
  it('registers exactly the contract channels', () => {
    const handle = vi.fn();
    const handlers = Object.fromEntries(CHANNELS.map((c) => [c, async () => VALID[c].response])) as unknown as IpcHandlers;
    registerIpcHandlers({ handle }, handlers, { isTrustedSender: () => true, log: () => undefined });
    expect(handle.mock.calls.map(([channel]) => channel as string).sort()).toEqual([...CHANNELS].sort());
  });
});
