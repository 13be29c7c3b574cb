import { describe, expect, it, vi } from 'vitest';
import type { BackupStore } from '../../../electron/backup-store';
import { createIpcHandlers, type HandlerDeps } from '../../../electron/ipc-handlers';
import type { Keystore } from '../../../electron/keystore';

const SENDER = { id: 1 };

function deps(overrides: Partial<HandlerDeps> = {}) {
  const exporter = {
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/w/Documents/plan.md' })),
    writeFile: vi.fn(async () => undefined),
    defaultDir: '/home/w/Documents',
    joinPath: (dir: string, name: string) => `${dir}/${name}`,
  };
  const base = {
    appInfo: { version: '0.1.0', platform: 'linux', electron: '45.4.1' },
    exporter,
    renderPdf: vi.fn(async () => new Uint8Array([37, 80, 68, 70])),
    backups: {} as BackupStore,
    keystore: {} as Keystore,
    openExternal: vi.fn(async () => undefined),
    setContentProtection: vi.fn(() => true),
    log: vi.fn(),
    ...overrides,
  } satisfies HandlerDeps;
  return base;
}

describe('export:save-file', () => {
  it('writes nothing when the user cancels the dialog', async () => {
    const d = deps();
    vi.mocked(d.exporter.showSaveDialog).mockResolvedValueOnce({ canceled: true, filePath: '' });
    const result = await createIpcHandlers(d)['export:save-file'](
      { suggestedName: 'plan.md', mimeType: 'text/markdown', data: '# plan' },
      SENDER,
    );
    expect(result).toEqual({ saved: false });
    expect(d.exporter.writeFile).not.toHaveBeenCalled();
  });

  it('writes the bytes to the chosen path only, user-only permissions', async () => {
    const d = deps();
    const result = await createIpcHandlers(d)['export:save-file'](
      { suggestedName: 'plan.md', mimeType: 'text/markdown', data: '# plan' },
      SENDER,
    );
    expect(result).toEqual({ saved: true });
    expect(d.exporter.showSaveDialog).toHaveBeenCalledWith(SENDER, {
      defaultPath: '/home/w/Documents/plan.md',
      filters: [{ name: 'Markdown', extensions: ['md'] }],
    });
    expect(d.exporter.writeFile).toHaveBeenCalledWith('/home/w/Documents/plan.md', new TextEncoder().encode('# plan'), {
      mode: 0o600,
    });
  });
});

describe('export:print-pdf', () => {
  it('renders, then saves through the dialog with a .pdf name', async () => {
    const d = deps();
    await createIpcHandlers(d)['export:print-pdf']({ suggestedName: 'plan', html: '<h1>x</h1>' }, SENDER);
    expect(d.renderPdf).toHaveBeenCalledWith('<h1>x</h1>');
    expect(d.exporter.showSaveDialog).toHaveBeenCalledWith(SENDER, expect.objectContaining({ defaultPath: '/home/w/Documents/plan.pdf' }));
    expect(d.exporter.writeFile).toHaveBeenCalledWith(expect.any(String), new Uint8Array([37, 80, 68, 70]), { mode: 0o600 });
  });
});

describe('shell:open-external', () => {
  it('opens allowlisted https links', async () => {
    const d = deps();
    const url = 'https://autoriteitpersoonsgegevens.nl/nl/zelf-doen';
    expect(await createIpcHandlers(d)['shell:open-external']({ url }, SENDER)).toEqual({ opened: true });
    expect(d.openExternal).toHaveBeenCalledWith(url);
  });

  it('hands the OS the URL without its query string or fragment', async () => {
    const d = deps();
    const url = 'https://autoriteitpersoonsgegevens.nl/nl/zelf-doen?naam=Jan+Jansen&bsn=123456782#adres';
    expect(await createIpcHandlers(d)['shell:open-external']({ url }, SENDER)).toEqual({ opened: true });
    expect(d.openExternal).toHaveBeenCalledWith('https://autoriteitpersoonsgegevens.nl/nl/zelf-doen');
  });

  it.each(['http://autoriteitpersoonsgegevens.nl/', 'file:///etc/passwd', 'javascript:alert(1)', 'https://evil.example/'])(
    'never hands %s to the OS',
    async (url) => {
      const d = deps();
      expect(await createIpcHandlers(d)['shell:open-external']({ url }, SENDER)).toEqual({ opened: false });
      expect(d.openExternal).not.toHaveBeenCalled();
    },
  );
});

describe('window:set-content-protection and app:info', () => {
  it('sets content protection on the sender window', async () => {
    const d = deps();
    expect(await createIpcHandlers(d)['window:set-content-protection']({ enabled: true }, SENDER)).toEqual({ enabled: true });
    expect(d.setContentProtection).toHaveBeenCalledWith(SENDER, true);
  });

  it('fails when the sender has no window', async () => {
    const d = deps({ setContentProtection: () => false });
    await expect(createIpcHandlers(d)['window:set-content-protection']({ enabled: true }, SENDER)).rejects.toMatchObject({
      code: 'no-window',
    });
  });

  it('reports versions', async () => {
    expect(await createIpcHandlers(deps())['app:info'](undefined, SENDER)).toEqual({
      version: '0.1.0',
      platform: 'linux',
      electron: '45.4.1',
    });
  });
});
