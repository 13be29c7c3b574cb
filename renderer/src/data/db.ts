import Dexie, { type IndexableType, type PromiseExtended, type Table } from 'dexie';
import { LATEST_VERSION, MIGRATIONS } from './migrations';

/** A stored row: the allowlisted plain fields (see records.ts) plus the sealed payload. */
export type StoredRow = { [field: string]: unknown; enc?: Uint8Array };

export type TableName =
  | 'vault'
  | 'settings'
  | 'householdKeys'
  | 'households'
  | 'intakes'
  | 'assessments'
  | 'plans'
  | 'goals'
  | 'actions'
  | 'handovers'
  | 'notes'
  | 'events'
  | 'organisations'
  | 'contacts'
  | 'teamMembers'
  | 'placements'
  | 'involvements'
  | 'consents'
  | 'invitations'
  | 'feedbackDuties'
  | 'evaluations'
  | 'escalations'
  | 'knelpunten'
  | 'meetings'
  | 'agendaItems'
  | 'audit';

export const DB_NAME = 'wijktafel';

export class WijktafelDB extends Dexie {
  declare vault: Table<StoredRow, string>;
  declare settings: Table<StoredRow, string>;
  declare householdKeys: Table<StoredRow, string>;
  declare households: Table<StoredRow, string>;
  declare intakes: Table<StoredRow, string>;
  declare assessments: Table<StoredRow, string>;
  declare plans: Table<StoredRow, string>;
  declare goals: Table<StoredRow, string>;
  declare actions: Table<StoredRow, string>;
  declare handovers: Table<StoredRow, string>;
  declare notes: Table<StoredRow, string>;
  declare events: Table<StoredRow, string>;
  declare organisations: Table<StoredRow, string>;
  declare contacts: Table<StoredRow, string>;
  declare teamMembers: Table<StoredRow, string>;
  declare placements: Table<StoredRow, string>;
  declare involvements: Table<StoredRow, string>;
  declare consents: Table<StoredRow, string>;
  declare invitations: Table<StoredRow, string>;
  declare feedbackDuties: Table<StoredRow, string>;
  declare evaluations: Table<StoredRow, string>;
  declare escalations: Table<StoredRow, string>;
  declare knelpunten: Table<StoredRow, string>;
  declare meetings: Table<StoredRow, string>;
  declare agendaItems: Table<StoredRow, string>;
  declare audit: Table<StoredRow, number>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const m of MIGRATIONS) {
      const v = this.version(m.version).stores(m.stores);
      if (m.upgrade) v.upgrade(m.upgrade);
    }
  }

  /**
   * Refuse a database written by a newer app version BEFORE Dexie touches it. Dexie 4 does not
   * fail with VersionError on a newer database: it opens it and even bumps its version to add
   * tables it misses, which would alter the newer store. So the installed version is read first
   * (indexedDB.databases() never opens or creates anything) and a newer one is refused untouched.
   */
  override open(): PromiseExtended<Dexie> {
    return Dexie.Promise.resolve(refuseNewerDatabase(this.name)).then(
      () => super.open(),
      (e: unknown) => {
        // A query that auto-opened the db waits for Dexie's "ready" signal, which only its own
        // open() gives: record the failure the way that open() would, so the query rejects
        // instead of waiting forever (tests/unit/reliability/migrations.test.ts covers this).
        const state = (this as unknown as { _state?: { dbOpenError: unknown; openComplete: boolean; autoOpen: boolean; dbReadyResolve?: () => void } })._state;
        if (state) {
          state.dbOpenError = e;
          state.openComplete = true;
          state.autoOpen = false;
          state.dbReadyResolve?.();
        }
        throw e;
      },
    );
  }

  /** Typed access by name, for code that is generic over tables (records, backup, retention). */
  rows(name: TableName): Table<StoredRow, IndexableType> {
    return this.table(name) as Table<StoredRow, IndexableType>;
  }
}

/** A database made by a newer app version; named like IndexedDB's own error so callers handle one name. */
export class NewerDatabaseError extends Error {
  constructor(readonly installedVersion: number) {
    super(`database version ${installedVersion} is newer than this app supports`);
    this.name = 'VersionError';
  }
}

/** Dexie stores version n as IndexedDB version n * 10. */
export async function refuseNewerDatabase(name: string): Promise<void> {
  const idb = globalThis.indexedDB;
  if (typeof idb?.databases !== 'function') return;
  const found = (await idb.databases()).find((d) => d.name === name);
  if (found?.version !== undefined && found.version > LATEST_VERSION * 10) throw new NewerDatabaseError(found.version / 10);
}

let instance: WijktafelDB | null = null;

/** The app's database. Only the data layer (renderer/src/data: stores, use cases, views) may call this; which store may touch which table is in stores/tables.ts. */
export function getDb(): WijktafelDB {
  instance ??= new WijktafelDB();
  return instance;
}

/** For tests and for restore: point the app at another database instance. */
export function setDb(db: WijktafelDB | null): void {
  instance = db;
}
