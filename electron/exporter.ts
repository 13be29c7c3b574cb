import type { IpcSender } from './ipc';

/**
 * Saving exports where the user chooses. Nothing is written before the user picked a path
 * in the native dialog, and the chosen path is never sent back to the renderer.
 */

export type SaveDialogResult = { canceled: boolean; filePath?: string | undefined };
export type SaveDialogOptions = { defaultPath: string; filters: { name: string; extensions: string[] }[] };

export type ExporterDeps = {
  showSaveDialog(sender: IpcSender, options: SaveDialogOptions): Promise<SaveDialogResult>;
  writeFile(path: string, data: Uint8Array, options: { mode: number }): Promise<void>;
  /** Where the dialog starts (the user's Documents folder). */
  defaultDir: string;
  joinPath(dir: string, name: string): string;
};

const FILTERS: Readonly<Record<string, { name: string; extensions: string[] }>> = {
  'application/pdf': { name: 'PDF', extensions: ['pdf'] },
  'text/html': { name: 'HTML', extensions: ['html'] },
  'text/markdown': { name: 'Markdown', extensions: ['md'] },
  'text/plain': { name: 'Text', extensions: ['txt'] },
  'text/csv': { name: 'CSV', extensions: ['csv'] },
  'application/json': { name: 'JSON', extensions: ['json'] },
};

export function dialogFilters(mimeType: string): { name: string; extensions: string[] }[] {
  const filter = FILTERS[mimeType];
  return filter === undefined ? [{ name: 'All files', extensions: ['*'] }] : [filter];
}

export async function saveWithDialog(
  deps: ExporterDeps,
  sender: IpcSender,
  file: { suggestedName: string; mimeType: string; data: string | Uint8Array },
): Promise<{ saved: boolean }> {
  const choice = await deps.showSaveDialog(sender, {
    defaultPath: deps.joinPath(deps.defaultDir, file.suggestedName),
    filters: dialogFilters(file.mimeType),
  });
  if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return { saved: false };
  const bytes = typeof file.data === 'string' ? new TextEncoder().encode(file.data) : file.data;
  // 0o600: an export holds resident data; on shared Unix machines other accounts may not read it.
  await deps.writeFile(choice.filePath, bytes, { mode: 0o600 });
  return { saved: true };
}
