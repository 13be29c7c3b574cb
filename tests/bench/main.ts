/**
 * `npm run bench`: the performance benchmark against the BUILT app in real Chromium.
 * scripts/bench.mjs builds the renderer into its own folder, bundles this file and runs it.
 *
 * 1. Serve the build on a fixed loopback port (IndexedDB is per origin, so a cached profile
 *    only works on the same port).
 * 2. A profile holding the synthetic municipality: from the cache (same seed, size, port and
 *    generator/storage code) or made now through the app's own loader, then cached.
 * 3. Measure on a copy of it (tests/bench/harness.ts), print the table, write JSON to bench-results/.
 */
import { chromium } from '@playwright/test';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SIZES } from '@shared/synthetic/sizes';
// scripts/serve.mjs is plain JS shared with `npm start`; its types are declared in serve.d.mts.
import { startServer } from '../../scripts/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';
import { BENCH_PASSPHRASE, loadThroughApp, setupVault } from './app-steps';
import { LARGE_COUNTS, PHASES, SMOKE_COUNTS, formatTable, runMeasurements, type Phase } from './harness';
import { summariseProfile } from './profile';

type Args = { size: 'small' | 'large'; seed: string; port: number; fresh: boolean; outDir: string; only?: Set<Phase> | undefined; profile?: Set<Phase> | undefined };

function phaseList(value: string | undefined, flag: string): Set<Phase> | undefined {
  if (value === undefined) return undefined;
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) if (!(PHASES as readonly string[]).includes(n)) throw new Error(`--${flag}: unknown phase ${n} (phases: ${PHASES.join(', ')})`);
  return new Set(names as Phase[]);
}

function parseArgs(argv: readonly string[]): Args {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const size = get('size') ?? process.env.BENCH_SIZE ?? 'large';
  if (size !== 'small' && size !== 'large') throw new Error('--size must be small or large');
  return {
    size,
    seed: get('seed') ?? process.env.BENCH_SEED ?? 'bench-1',
    port: Number(get('port') ?? process.env.BENCH_PORT ?? 41731),
    fresh: argv.includes('--fresh'),
    outDir: process.env.WIJKTAFEL_OUT_DIR ?? 'dist/bench',
    only: phaseList(get('only'), 'only'),
    profile: phaseList(get('profile'), 'profile'),
  };
}

const t00 = Date.now();
const log = (s: string) => process.stdout.write(s.startsWith('  ') ? `${s}  [${((Date.now() - t00) / 1000).toFixed(0)} s]\n` : `${s}\n`);

async function launch(profileDir: string) {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
    headless: true,
    viewport: { width: 1280, height: 860 },
    locale: 'nl-NL',
  });
}

/** What the stored data depends on: when any of these files change, the cached profile is stale. */
async function cacheKey(args: Args): Promise<string> {
  const hash = createHash('sha256').update(`${args.size}|${args.seed}|${args.port}`);
  const files = [
    'renderer/src/data/records.ts',
    'renderer/src/data/migrations.ts',
    'renderer/src/data/session.ts',
    'renderer/src/data/vault.ts',
    'renderer/src/data/usecases/synthetic.ts',
    ...(await readdir('shared/synthetic')).map((f) => `shared/synthetic/${f}`),
  ];
  for (const f of files.sort()) hash.update(await readFile(f));
  return hash.digest('hex').slice(0, 16);
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/** Copy a profile folder without Chromium's lock files. */
async function copyProfile(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true, filter: (src) => !/Singleton(Lock|Socket|Cookie)$/.test(src) });
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const root = resolve(args.outDir);
  if (!(await exists(join(root, 'index.html')))) throw new Error(`${root} has no build: run through scripts/bench.mjs`);
  const { server, url } = await startServer({ root, port: args.port });
  const households = SIZES[args.size].households;
  log(`Wijktafel benchmark: ${args.size} (${households} households), seed "${args.seed}", app at ${url}`);

  const cacheRoot = join(tmpdir(), 'wijktafel-bench-cache');
  const cached = join(cacheRoot, await cacheKey(args));
  let loadMs: number | null = null;
  if (args.fresh) await rm(cached, { recursive: true, force: true });
  if (!(await exists(join(cached, 'READY')))) {
    log(`Generating the municipality through the app's loader (cached afterwards in ${cached}) …`);
    const dir = await mkdtemp(join(tmpdir(), 'wijktafel-bench-gen-'));
    const ctx = await launch(dir);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await setupVault(page, url);
    loadMs = await loadThroughApp(page, { size: args.size, seed: args.seed, log });
    log(`  loaded in ${(loadMs / 1000).toFixed(1)} s (not a budget)`);
    await ctx.close();
    await rm(cached, { recursive: true, force: true });
    await mkdir(cacheRoot, { recursive: true });
    await copyProfile(dir, join(cached, 'profile'));
    await writeFile(join(cached, 'READY'), new Date().toISOString());
    await rm(dir, { recursive: true, force: true });
  } else {
    log(`Using the cached profile ${cached}`);
  }

  const work = await mkdtemp(join(tmpdir(), 'wijktafel-bench-run-'));
  await copyProfile(join(cached, 'profile'), work);
  const ctx = await launch(work);
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  try {
    log('Measuring …');
    const counts = args.size === 'large' ? LARGE_COUNTS : SMOKE_COUNTS;
    const result = await runMeasurements(page, {
      baseURL: url,
      passphrase: BENCH_PASSPHRASE,
      // A partial run (--only) is for working on one figure: one unlock is enough.
      counts: args.only ? { ...counts, unlockRuns: 1 } : counts,
      only: args.only,
      profile: args.profile,
      onProfile: async (phase, profile) => {
        await mkdir('bench-results', { recursive: true });
        const file = join('bench-results', `profile-${phase}.cpuprofile`);
        await writeFile(file, JSON.stringify(profile));
        log(`  CPU profile of ${phase}: ${file} (open in Chromium DevTools → Performance)\n${summariseProfile(profile)}`);
      },
      seed: args.seed,
      size: args.size,
      log,
      backup: {
        file: `${work}-backup.wijktafel`,
        // The restore target: a new, empty profile on the same origin.
        freshPage: async () => {
          const dir = await mkdtemp(join(tmpdir(), 'wijktafel-bench-restore-'));
          const fresh = await launch(dir);
          return {
            page: fresh.pages()[0] ?? (await fresh.newPage()),
            close: async () => {
              await fresh.close();
              await rm(dir, { recursive: true, force: true });
            },
          };
        },
      },
    });
    result.size = args.size;
    result.raw.loadMs = loadMs;
    result.raw.pageErrors = pageErrors;
    result.raw.totalSeconds = (Date.now() - started) / 1000;
    log('');
    log(formatTable(result));
    log('');
    const failed = result.figures.filter((f) => f.pass === false).map((f) => f.id);
    log(failed.length ? `Budgets missed: ${failed.join(', ')}` : 'All measured budgets met.');
    if (pageErrors.length) log(`Page errors during the run: ${pageErrors.length} (see JSON)`);
    await mkdir('bench-results', { recursive: true });
    const stamp = result.startedAt.replace(/[:.]/g, '-');
    const json = JSON.stringify({ ...result, seed: args.seed, chromium: ctx.browser()?.version() ?? null }, null, 2);
    await writeFile(join('bench-results', `${stamp}-${args.size}.json`), json);
    await writeFile(join('bench-results', `latest-${args.size}.json`), json);
    log(`Wrote bench-results/${stamp}-${args.size}.json — ${((Date.now() - started) / 1000).toFixed(0)} s in total`);
  } finally {
    await ctx.close();
    await rm(work, { recursive: true, force: true });
    await rm(`${work}-backup.wijktafel`, { force: true });
    await new Promise<void>((r) => server.close(() => r()));
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
