/**
 * `npm run lint:cycles` must be able to fail. This runs dependency-cruiser with the very config
 * and arguments of that script, only on tiny fixture folders (tests/fixtures/cycles/) instead of
 * renderer/ shared/ electron/: one with a cycle, one with a cycle of `import type` only (counted
 * on purpose, see .dependency-cruiser.cjs), one without.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const script = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
// The package's `depcruise` bin (its package.json is not exported, so not resolved through it).
const cli = path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

/** The `lint:cycles` command with its folders replaced by `folder`. */
function runCheck(folder: string): { status: number | null; output: string } {
  const args = (script['lint:cycles'] ?? '').split(' ');
  expect(args.slice(0, 3)).toEqual(['depcruise', '--config', '.dependency-cruiser.cjs']);
  const r = spawnSync(process.execPath, [cli, ...args.slice(1, 3), `tests/fixtures/cycles/${folder}`], { cwd: root, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

// Each case starts a dependency-cruiser process; on a loaded machine that can take seconds.
describe('import-cycle check (npm run lint:cycles)', { timeout: 120_000 }, () => {
  it('is part of npm test and covers renderer/, shared/ and electron/', () => {
    expect(script.test).toContain('npm run lint:cycles');
    expect((script['lint:cycles'] ?? '').split(' ').slice(3).sort()).toEqual(['electron', 'renderer', 'shared']);
  });

  it('fails on a folder with a cycle and names the modules in it', () => {
    const r = runCheck('with-cycle');
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('no-circular');
    expect(r.output).toMatch(/with-cycle\/a\.ts[\s\S]*with-cycle\/b\.ts[\s\S]*with-cycle\/c\.ts/);
  });

  it('fails on a cycle made of type-only imports', () => {
    const r = runCheck('type-only-cycle');
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('no-circular');
  });

  it('passes on the same modules without the cycle', () => {
    const r = runCheck('without-cycle');
    expect(r.output).toContain('no dependency violations');
    expect(r.status).toBe(0);
  });
});
