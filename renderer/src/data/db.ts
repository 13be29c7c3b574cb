import Dexie, { type IndexableType, type Table } from 'dexie';
import { MIGRATIONS } from './migrations';

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

  /** Typed access by name, for code that is generic over tables (records, backup, retention). */
  rows(name: TableName): Table<StoredRow, IndexableType> {
    return this.table(name) as Table<StoredRow, IndexableType>;
  }
}

let instance: WijktafelDB | null = null;

/** The app's database. Only repositories (renderer/src/data/repositories) may call this. */
export function getDb(): WijktafelDB {
  instance ??= new WijktafelDB();
  return instance;
}

/** For tests and for restore: point the app at another database instance. */
export function setDb(db: WijktafelDB | null): void {
  instance = db;
}
