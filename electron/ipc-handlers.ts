import type { BackupStore } from './backup-store';
import { saveWithDialog, type ExporterDeps } from './exporter';
import { externalUrlToOpen } from './external-links';
import type { IpcHandlers, IpcSender } from './ipc';
import type { Keystore } from './keystore';
import type { Logger } from './logger';
import { SafeError } from './errors';

/**
 * The handler for every channel of shared/ipc/contract.ts. Requests arrive already parsed and
 * from a checked sender (see ipc.ts); handlers only do the work. All OS access is injected.
 * When adding a channel: add its handler here; TypeScript refuses the object until it exists.
 */
export type HandlerDeps = {
  appInfo: { version: string; platform: string; electron: string };
  exporter: ExporterDeps;
  renderPdf(html: string): Promise<Uint8Array>;
  backups: BackupStore;
  keystore: Keystore;
  openExternal(url: string): Promise<void>;
  setContentProtection(sender: IpcSender, enabled: boolean): boolean;
  log: Logger;
};

export function createIpcHandlers(deps: HandlerDeps): IpcHandlers {
  return {
    'app:info': async () => deps.appInfo,

    'export:save-file': (request, sender) => saveWithDialog(deps.exporter, sender, request),

    'export:print-pdf': async (request, sender) => {
      const pdf = await deps.renderPdf(request.html);
      const suggestedName = request.suggestedName.toLowerCase().endsWith('.pdf')
        ? request.suggestedName
        : `${request.suggestedName}.pdf`;
      return saveWithDialog(deps.exporter, sender, { suggestedName, mimeType: 'application/pdf', data: pdf });
    },

    'backup:write-auto': (request) =>
      deps.backups.writeAuto(request.data, request.reason, request.removedOnPurpose === undefined ? {} : { removedOnPurpose: request.removedOnPurpose }),
    'backup:list': () => deps.backups.list(),
    'backup:read': async (request) => ({ data: await deps.backups.read(request.name) }),

    'keystore:status': () => deps.keystore.status(),
    'keystore:wrap': async (request) => ({ wrapped: await deps.keystore.wrap(request.secret) }),
    'keystore:unwrap': async (request) => ({ secret: await deps.keystore.unwrap(request.wrapped) }),

    'shell:open-external': async (request) => {
      // The allowlist is the guard: the renderer may ask, main decides (see external-links.ts).
      // Only the checked origin + path is opened, never the renderer's string: its query and
      // fragment are dropped (externalUrlToOpen).
      const url = externalUrlToOpen(request.url);
      if (url === null) {
        deps.log('warn', 'shell.open-external-refused');
        return { opened: false };
      }
      await deps.openExternal(url); /* eng-disable OPEN_EXTERNAL_JS_CHECK — only exact https hosts from EXTERNAL_HOST_ALLOWLIST reach this line, without query or fragment (externalUrlToOpen just above, tested in external-links.test.ts) */
      return { opened: true };
    },

    'window:set-content-protection': async (request, sender) => {
      if (!deps.setContentProtection(sender, request.enabled)) {
        throw new SafeError('no-window', 'no window for this sender');
      }
      return { enabled: request.enabled };
    },
  };
}
