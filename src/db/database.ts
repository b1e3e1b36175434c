import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Pair } from '../domain/pair';
import type { PairDigest, PairLastSession } from '../domain/pairDigest';
import type { PairMonths } from '../domain/pairMonths';
import type { Person } from '../domain/person';
import type { MonthLog, MonthLogKey } from './monthLogs';
import { DATABASE_NAME, schemaVersions } from './schema';

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
};

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
  return [database.pairs, database.monthLogs, database.pairDigests, database.pairMonths, database.pairLastSessions];
}

/** The app's one database. Tests reset it between cases with `resetDatabase`. */
export const db = openDatabase();

export async function resetDatabase(): Promise<void> {
  await Promise.all(db.tables.map((table) => table.clear()));
}
