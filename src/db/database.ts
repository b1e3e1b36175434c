import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Pair } from '../domain/pair';
import type { PairDigest, PairLastSession } from '../domain/pairDigest';
import type { PairMonths } from '../domain/pairMonths';
import type { Person } from '../domain/person';
import type { MonthLog, MonthLogKey } from './monthLogs';
import { DATABASE_NAME, schemaVersions } from './schema';
import type { DeviceKey, KeyringEntry } from './keyTables';
import type { LockedWordsRow } from './lockedWords';
import type { SyncCheckpoint, SyncMeta, SyncPendingMark, SyncRev } from './syncTables';

export type MentorlogDatabase = Dexie & {
  people: EntityTable<Person, 'id'>;
  pairs: EntityTable<Pair, 'id'>;
  /** Sessions and check-ins, one record per pair and month; read and written through src/db/monthLogs.ts. */
  monthLogs: Table<MonthLog, MonthLogKey>;
  /** Derived from sessions and check-ins; see src/db/pairDigests.ts. */
  pairDigests: EntityTable<PairDigest, 'pairId'>;
  /** Derived from sessions and check-ins, like the digests; see src/db/pairDigests.ts. */
  pairMonths: EntityTable<PairMonths, 'pairId'>;
  /** Each pair's digest's last session date, for the pairs list; written with the digests. */
  pairLastSessions: EntityTable<PairLastSession, 'pairId'>;
  /** The sync engine's bookkeeping (schema version 10); see src/db/syncTables.ts. */
  syncCheckpoints: EntityTable<SyncCheckpoint, 'database'>;
  syncRevs: Table<SyncRev, [string, string]>;
  syncPending: EntityTable<SyncPendingMark, 'docId'>;
  syncMeta: EntityTable<SyncMeta, 'key'>;
  /** The app lock's sealed words (schema version 11); see src/db/lockedWords.ts. */
  lockedWords: EntityTable<LockedWordsRow, 'recordId'>;
  /** The keys of end-to-end encryption (schema version 11); see src/db/keyTables.ts. */
  keyring: EntityTable<KeyringEntry, 'id'>;
  deviceKeys: EntityTable<DeviceKey, 'id'>;
};

// Dexie turns its debug mode on for any page served from localhost: `npm start`, `npm run server`,
// a program trying Mentorlog on one machine. In it, every table access makes a task for DevTools'
// async stacks (console.createTask) and some queries log advice. A built app behaves the same on
// every host; `npm run dev` keeps Dexie's default.
if (import.meta.env.PROD) Dexie.debug = false;

export function openDatabase(name: string = DATABASE_NAME): MentorlogDatabase {
  const db = new Dexie(name) as MentorlogDatabase;
  for (const { version, stores, upgrade } of schemaVersions) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
  return db;
}

/**
 * The tables a write of a pair's sessions or check-ins covers: the records, and what is derived
 * from them (src/db/pairDigests.ts), which reads the pair.
 */
export function pairWriteTables(database: MentorlogDatabase) {
  return [
    database.pairs,
    database.monthLogs,
    database.pairDigests,
    database.pairMonths,
    database.pairLastSessions,
    ...pendingMarkTables(database),
  ];
}

/**
 * The tables a local change's pending mark is written to (src/data/pendingChanges.ts), in the
 * change's own transaction: the marks, and the revs that tell whether a record ever reached the
 * server.
 */
export function pendingMarkTables(database: MentorlogDatabase) {
  return [database.syncPending, database.syncRevs];
}

/** The app's one database. Tests reset it between cases with `resetDatabase`. */
export const db = openDatabase();

export async function resetDatabase(): Promise<void> {
  await Promise.all(db.tables.map((table) => table.clear()));
}
