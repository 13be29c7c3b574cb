import type { IpcResult, WijktafelApi } from '@shared/ipc/contract';
import type { Platform } from './types';

function unwrap<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(`ipc ${result.error.code}`);
  return result.value;
}

/** The desktop shell: every call goes through the typed preload bridge. */
export function electronPlatform(api: WijktafelApi): Platform {
  return {
    kind: 'electron',
    async saveFile(suggestedName, mimeType, data) {
      return unwrap(await api.export.saveFile({ suggestedName, mimeType, data })).saved;
    },
    async printToPdf(suggestedName, html) {
      return unwrap(await api.export.printPdf({ suggestedName, html })).saved ? 'saved' : 'cancelled';
    },
    // The renderer's own clipboard API, as before: the desktop shell adds nothing a bridge call would need.
    async copyText(text) {
      await navigator.clipboard.writeText(text);
    },
    onLockRequest(listener) {
      return api.events.onLock(() => listener());
    },
    autoBackup: {
      async write(data, reason, opts) {
        const result = unwrap(await api.backup.writeAuto({ data, reason, ...(opts?.removedOnPurpose === undefined ? {} : { removedOnPurpose: opts.removedOnPurpose }) }));
        return { written: result.written, held: result.held === true };
      },
      async list() {
        return unwrap(await api.backup.list());
      },
      async read(name) {
        return unwrap(await api.backup.read({ name })).data;
      },
    },
    keystore: {
      async status() {
        return unwrap(await api.keystore.status());
      },
      async wrap(secret) {
        return unwrap(await api.keystore.wrap({ secret })).wrapped;
      },
      async unwrap(wrapped) {
        return unwrap(await api.keystore.unwrap({ wrapped })).secret;
      },
    },
    async setContentProtection(enabled) {
      return unwrap(await api.window.setContentProtection({ enabled })).enabled;
    },
  };
}
