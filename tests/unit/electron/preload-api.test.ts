import { describe, expect, it, vi } from 'vitest';
import { createWijktafelApi, type PreloadIpc } from '../../../electron/preload-api';
import { channelPath, ipcContract, type IpcChannel } from '../../../shared/ipc/contract';

function fakeIpc() {
  const lockListeners = new Set<(payload: unknown) => void>();
  const ipc: PreloadIpc = {
    invoke: vi.fn(async (channel: IpcChannel) => ({ ok: true, value: channel })),
    on: (_channel, listener) => {
      lockListeners.add(listener);
      return () => lockListeners.delete(listener);
    },
  };
  return { ipc, emitLock: (payload: unknown) => lockListeners.forEach((l) => l(payload)), lockListeners };
}

type Callable = (payload?: unknown) => Promise<unknown>;

function lookup(api: object, domain: string, verb: string): Callable | undefined {
  const group: unknown = Reflect.get(api, domain);
  if (typeof group !== 'object' || group === null) return undefined;
  const fn: unknown = Reflect.get(group, verb);
  return typeof fn === 'function' ? (fn as Callable) : undefined;
}

describe('window.wijktafel', () => {
  it.each(Object.keys(ipcContract) as IpcChannel[])('exposes %s and invokes exactly that channel', async (channel) => {
    const { ipc } = fakeIpc();
    const api = createWijktafelApi(ipc);
    const [domain, verb] = channelPath(channel);
    const fn = lookup(api, domain, verb);
    expect(fn, `${domain}.${verb}`).toBeTypeOf('function');
    const payload = { probe: true };
    await fn?.(payload);
    expect(ipc.invoke).toHaveBeenCalledTimes(1);
    const [calledChannel, calledPayload] = vi.mocked(ipc.invoke).mock.calls[0] ?? [];
    expect(calledChannel).toBe(channel);
    // Channels without a request send undefined, whatever the page passes.
    expect(calledPayload).toEqual(ipcContract[channel].request.safeParse(undefined).success ? undefined : payload);
  });

  it('exposes nothing beyond the contract and events.onLock', () => {
    const api = createWijktafelApi(fakeIpc().ipc);
    const exposed = Object.entries(api).flatMap(([domain, group]) => Object.keys(group).map((verb) => `${domain}.${verb}`));
    const expected = (Object.keys(ipcContract) as IpcChannel[]).map((c) => channelPath(c).join('.'));
    expect(exposed.sort()).toEqual([...expected, 'events.onLock'].sort());
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipcRenderer|invoke|send/);
  });

  it('delivers valid lock events (payload only) and unsubscribes', () => {
    const { ipc, emitLock, lockListeners } = fakeIpc();
    const api = createWijktafelApi(ipc);
    const listener = vi.fn();
    const unsubscribe = api.events.onLock(listener);
    emitLock({ reason: 'os-lock' });
    emitLock({ reason: 'reboot' });
    emitLock('garbage');
    expect(listener.mock.calls).toEqual([[{ reason: 'os-lock' }]]);
    unsubscribe();
    expect(lockListeners.size).toBe(0);
    emitLock({ reason: 'suspend' });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
