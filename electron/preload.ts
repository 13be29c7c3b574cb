import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { z } from 'zod';
import type { IpcChannel } from '../shared/ipc/contract';
import { createWijktafelApi } from './preload-api';

// zod probes for `new Function` to speed up object parsing. The preload runs under the page's
// strict CSP (no 'unsafe-eval'); jitless mode skips the probe instead of triggering a CSP violation.
z.config({ jitless: true });

/**
 * The sandboxed preload, bundled to dist/electron/preload.cjs. It exposes exactly one global,
 * `window.wijktafel`, and never ipcRenderer: the page gets functions for the contract's
 * channels and nothing else.
 */
const api = createWijktafelApi({
  invoke: (channel: IpcChannel, payload: unknown) => ipcRenderer.invoke(channel, payload),
  on: (channel, listener) => {
    // The IpcRendererEvent is dropped here: its `sender` is ipcRenderer itself.
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
});

contextBridge.exposeInMainWorld('wijktafel', api);
