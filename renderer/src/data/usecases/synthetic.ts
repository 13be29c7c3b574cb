import { localDay } from '@shared/dates';
import {
  BUNDLE_TABLES,
  firstHouseholdId,
  generateHouseholds,
  generateTeam,
  sizeSpec,
  type GenerateOptions,
  type HouseholdBundle,
  type SizeSpec,
  type SyntheticSize,
} from '@shared/synthetic';
import type { StoredRow, TableName } from '../db';
import { sealRecord } from '../records';
import { getSession } from '../session';
import { appendAudit } from '../stores/audit/audit';
import { seal } from '../stores/kit';
import { getAppSettings } from '../stores/team/settings';

/**
 * Loads a synthetic municipality (shared/synthetic) into the unlocked store through the real
 * sealing code: every household gets its own key (Session.newHouseholdKey), every record is
 * sealed by records.ts exactly as the repositories seal it. Used by "Voorbeeldgegevens laden"
 * (small) and by the benchmark (large, tests/bench).
 *
 * Households are written in batches: sealing runs before each batch's transaction (WebCrypto
 * awaits would commit an IndexedDB transaction early), then one transaction per batch writes
 * keys and rows together, so a batch is all-or-nothing and an interrupted load leaves whole
 * households only.
 */
export type SyntheticLoadProgress = Readonly<{ households: number; total: number }>;

export class AlreadyLoadedError extends Error {
  constructor() {
    super('this synthetic municipality is already loaded');
    this.name = 'AlreadyLoadedError';
  }
}

export type LoadOptions = Readonly<{
  seed: string | number;
  size: SyntheticSize | SizeSpec;
  /** The day the data is generated for (defaults to today, so dates look current). */
  today?: string;
  batchSize?: number;
  onProgress?: (p: SyntheticLoadProgress) => void;
}>;

export type LoadResult = Readonly<{ households: number; records: number; ms: number }>;

type Rows = Partial<Record<TableName, StoredRow[]>>;

function push(rows: Rows, table: TableName, row: StoredRow): void {
  (rows[table] ??= []).push(row);
}

async function sealBundle(bundle: HouseholdBundle, rows: Rows): Promise<void> {
  const session = getSession();
  const id = bundle.household.id;
  const { key, row: keyRow } = await session.newHouseholdKey(id);
  const sealed = await Promise.all([
    sealRecord('households', bundle.household, key).then((r) => ['households', r] as const),
    ...BUNDLE_TABLES.flatMap((table) =>
      (bundle[table] as readonly Readonly<Record<string, unknown>>[]).map((record) =>
        sealRecord(table, record, key).then((r) => [table, r] as const),
      ),
    ),
  ]);
  push(rows, 'householdKeys', keyRow);
  for (const [table, row] of sealed) push(rows, table, row);
}

async function writeRows(rows: Rows): Promise<number> {
  const db = getSession().db;
  const tables = Object.keys(rows) as TableName[];
  let count = 0;
  await db.transaction('rw', tables.map((t) => db.rows(t)), async () => {
    for (const t of tables) {
      const list = rows[t] ?? [];
      count += list.length;
      await db.rows(t).bulkAdd(list);
    }
  });
  return count;
}

/** True when this seed's municipality is already in the store (its ids are deterministic). */
export async function isSyntheticLoaded(seed: string | number): Promise<boolean> {
  const id = firstHouseholdId({ seed, size: 'small', today: '2000-01-01' });
  return (await getSession().db.households.get(id)) !== undefined;
}

export async function loadSyntheticMunicipality(opts: LoadOptions): Promise<LoadResult> {
  const t0 = performance.now();
  if (await isSyntheticLoaded(opts.seed)) throw new AlreadyLoadedError();
  const settings = await getAppSettings();
  const options: GenerateOptions = {
    seed: opts.seed,
    size: opts.size,
    today: opts.today ?? localDay(),
    ...(settings ? { currentUserId: settings.currentUserId } : {}),
  };
  const total = sizeSpec(opts.size).households;
  const team = generateTeam(options);
  const db = getSession().db;

  // The team: organisations, contacts, placements, members and meetings, sealed with the data key.
  // The team's settings are written only when the team has none yet: never overwrite a real team.
  const teamRows: Rows = {};
  const hasTeamSettings = (await db.settings.get('team')) !== undefined;
  if (!hasTeamSettings) push(teamRows, 'settings', await seal('settings', team.settings));
  const teamTables = [
    ['organisations', team.organisations],
    ['contacts', team.contacts],
    ['placements', team.placements],
    ['teamMembers', team.teamMembers],
    ['meetings', team.meetings],
  ] as const;
  for (const [table, records] of teamTables) {
    for (const r of await Promise.all(records.map((rec) => seal(table, rec)))) push(teamRows, table, r);
  }
  let records = await writeRows(teamRows);

  const batchSize = opts.batchSize ?? 100;
  let done = 0;
  let batch: Rows = {};
  let pending: Promise<void>[] = [];
  opts.onProgress?.({ households: 0, total });
  for (const bundle of generateHouseholds(options, team)) {
    pending.push(sealBundle(bundle, batch));
    if (pending.length === batchSize) {
      await Promise.all(pending);
      records += await writeRows(batch);
      done += pending.length;
      batch = {};
      pending = [];
      opts.onProgress?.({ households: done, total });
    }
  }
  if (pending.length > 0) {
    await Promise.all(pending);
    records += await writeRows(batch);
    done += pending.length;
    opts.onProgress?.({ households: done, total });
  }
  await appendAudit({
    action: 'import',
    entity: 'synthetic',
    details: { kind: 'synthetic', size: typeof opts.size === 'string' ? opts.size : 'custom', households: done },
  });
  return { households: done, records, ms: Math.round(performance.now() - t0) };
}
