import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const repo = join(__dirname, '..', '..', '..');

type FusesModule = {
  FUSES: Record<string, boolean>;
  toFuseConfig: (fuses: { FuseVersion: typeof FuseVersion; FuseV1Options: typeof FuseV1Options }) => Record<string, unknown>;
};

function loadFuses(): FusesModule {
  const loaded: unknown = require(join(repo, 'build', 'fuses.cjs'));
  if (typeof loaded !== 'function' || !('FUSES' in loaded) || !('toFuseConfig' in loaded)) {
    throw new Error('build/fuses.cjs must export the afterPack hook with FUSES and toFuseConfig');
  }
  return loaded as unknown as FusesModule;
}

/** Member names of the installed FuseV1Options (a numeric enum also maps numbers back to names). */
const FUSE_NAMES = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));

describe('Electron fuses', () => {
  const { FUSES, toFuseConfig } = loadFuses();

  it('names every fuse the installed @electron/fuses knows, and no others', () => {
    expect(Object.keys(FUSES).sort()).toEqual([...FUSE_NAMES].sort());
  });

  it('sets the security-relevant fuses as PRIVACY.md requires', () => {
    expect(FUSES).toMatchObject({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds a strict config with every fuse index set', () => {
    const config = toFuseConfig({ FuseVersion, FuseV1Options });
    expect(config.version).toBe(FuseVersion.V1);
    expect(config.strictlyRequireAllFuses).toBe(true);
    for (const name of FUSE_NAMES) {
      const index = FuseV1Options[name as keyof typeof FuseV1Options];
      expect(config[String(index)], name).toBe(FUSES[name]);
    }
  });
});

describe('electron-builder config', () => {
  const config: unknown = require(join(repo, 'build', 'electron-builder.config.cjs'));

  it('packs dist/ into an asar with the fuse hook', () => {
    expect(config).toMatchObject({
      appId: 'nl.wijktafel.app',
      asar: true,
      afterPack: './build/fuses.cjs',
      linux: { target: ['AppImage', 'deb'] },
      win: { target: ['nsis'] },
      mac: { target: ['dmg'] },
    });
    expect(existsSync(join(repo, 'build', 'fuses.cjs'))).toBe(true);
  });

  it("passes electron-builder's own schema validation", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });
});
