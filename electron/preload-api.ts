import {
  ipcEvents,
  type IpcChannel,
  type IpcRequest,
  type IpcResponse,
  type IpcResult,
  type WijktafelApi,
} from '../shared/ipc/contract';

/**
 * The object behind `window.wijktafel`. Built from two narrow functions instead of
 * ipcRenderer itself: exposing ipcRenderer (or an event object, whose `sender` IS
 * ipcRenderer) would let the page send on any channel and listen to everything.
 * When adding a channel to the contract: add it here; `satisfies WijktafelApi` fails until
 * every channel exists, and the unit test checks each entry invokes its own channel.
 */
export type PreloadIpc = {
  invoke(channel: IpcChannel, payload: unknown): Promise<unknown>;
  on(channel: 'lock:now', listener: (payload: unknown) => void): () => void;
};

export function createWijktafelApi(ipc: PreloadIpc) {
  function call<C extends IpcChannel>(channel: C, payload: IpcRequest<C>): Promise<IpcResult<IpcResponse<C>>> {
    // Main answers every channel with an IpcResult built from the same contract (ipc.ts).
    return ipc.invoke(channel, payload) as Promise<IpcResult<IpcResponse<C>>>;
  }

  return {
    app: {
      info: () => call('app:info', undefined),
    },
    export: {
      saveFile: (payload) => call('export:save-file', payload),
      printPdf: (payload) => call('export:print-pdf', payload),
    },
    backup: {
      writeAuto: (payload) => call('backup:write-auto', payload),
      list: () => call('backup:list', undefined),
      read: (payload) => call('backup:read', payload),
    },
    keystore: {
      status: () => call('keystore:status', undefined),
      wrap: (payload) => call('keystore:wrap', payload),
      unwrap: (payload) => call('keystore:unwrap', payload),
    },
    shell: {
      openExternal: (payload) => call('shell:open-external', payload),
    },
    window: {
      setContentProtection: (payload) => call('window:set-content-protection', payload),
    },
    events: {
      onLock(listener) {
        return ipc.on('lock:now', (payload) => {
          // Only a payload that matches the contract reaches the page, and only the payload.
          const parsed = ipcEvents['lock:now'].safeParse(payload);
          if (parsed.success) listener(parsed.data);
        });
      },
    },
  } satisfies WijktafelApi;
}
