import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../../../shared/import/text';
import { createImportHost } from '../../../renderer/src/features/backup/import/import-host';
import type { ImportReply } from '../../../renderer/src/features/backup/import/import-protocol';
import { writeCfb } from '../../support/cfb-writer';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** Every module a file pulls in at run time (type-only imports are erased), through relative and @shared paths. */
function runtimeGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      if (m[1]) continue; // import type …
      const spec = m[2] ?? '';
      const base = spec.startsWith('@shared/') ? join(ROOT, 'shared', spec.slice('@shared/'.length)) : spec.startsWith('.') ? resolve(dirname(file), spec) : null;
      if (!base) continue; // a package
      const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => existsSync(f) && !f.endsWith('/'));
      if (found && /\.tsx?$/.test(found)) visit(found);
    }
  };
  visit(entry);
  return seen;
}

const PARSERS = [
  'shared/import/csv.ts',
  'shared/import/xlsx.ts',
  'shared/import/ole.ts',
  'shared/import/households.ts',
  'renderer/src/features/backup/import/spreadsheet.ts',
  'renderer/src/features/backup/import/import-host.ts',
].map((f) => join(ROOT, f));

describe('the import runs in a worker (issue 14, point 4)', () => {
  it('the import panel does not pull in any parser or checker: the page cannot parse on its main thread', () => {
    const graph = runtimeGraph(join(ROOT, 'renderer/src/features/backup/components/ImportPanel.tsx'));
    expect(graph.has(join(ROOT, 'renderer/src/features/backup/import/import-client.ts'))).toBe(true);
    expect(PARSERS.filter((p) => graph.has(p)).map((p) => p.slice(ROOT.length + 1))).toEqual([]);
    // …and the worker does: it is started from the client, and reaches the parsers.
    expect(readFileSync(join(ROOT, 'renderer/src/features/backup/import/import-client.ts'), 'utf8')).toContain("new Worker(new URL('./import.worker.ts', import.meta.url)");
    const worker = runtimeGraph(join(ROOT, 'renderer/src/features/backup/import/import.worker.ts'));
    expect(PARSERS.every((p) => worker.has(p))).toBe(true);
  });

  it('the worker host reads, previews and checks a file, reporting progress as it goes', async () => {
    const replies: ImportReply[] = [];
    const host = createImportHost({ reply: (m) => replies.push(m) });
    const lines = ['Huishouden;Voornaam;Achternaam;Rol'];
    for (let i = 0; i < 20_000; i++) lines.push(`Familie ${i};Anna;Jansen;ouder`);
    await host.handle({ type: 'read', id: 1, file: new Blob([lines.join('\r\n')]), name: 'lijst.csv' });
    const read = replies.filter((r) => r.id === 1);
    const done = read.at(-1);
    expect(done?.type).toBe('read-done');
    if (done?.type !== 'read-done') return;
    expect(done.preview).toMatchObject({ kind: 'csv', headers: ['Huishouden', 'Voornaam', 'Achternaam', 'Rol'], rows: 20_000, suggested: ['household', 'firstName', 'lastName', 'role'] });
    const readProgress = read.flatMap((r) => (r.type === 'progress' ? [r.fraction] : []));
    expect(readProgress.length).toBeGreaterThanOrEqual(5);
    expect([...readProgress].sort((a, b) => a - b)).toEqual(readProgress); // only forward

    await host.handle({ type: 'check', id: 2, mapping: done.preview.suggested });
    const check = replies.filter((r) => r.id === 2);
    const plan = check.at(-1);
    expect(plan?.type).toBe('check-done');
    if (plan?.type === "check-done") expect(plan.summary).toMatchObject({ households: 20_000, rows: 20_000, remarks: 0, listed: [] });
    expect(check.filter((r) => r.type === 'progress').length).toBeGreaterThanOrEqual(5);
    expect(check.filter((r) => r.type === 'progress').length).toBeLessThanOrEqual(101);
  });

  it('a refused file comes back as data the page turns into the same ImportFileError', async () => {
    const replies: ImportReply[] = [];
    const host = createImportHost({ reply: (m) => replies.push(m) });
    await host.handle({ type: 'read', id: 7, file: new Blob([new Uint8Array(writeCfb(['Workbook']))]), name: 'oud.xlsx' });
    expect(replies.at(-1)).toEqual({ type: 'failed', id: 7, error: { kind: 'import-file', code: 'xls-legacy' } });
    await host.handle({ type: 'check', id: 8, mapping: [] });
    // A check without a file read is a programming error, not a file error: the generic message.
    expect(replies.at(-1)).toEqual({ type: 'failed', id: 8, error: { kind: 'unexpected' } });
    expect(new ImportFileError('xls-legacy').code).toBe('xls-legacy');
  });
});
