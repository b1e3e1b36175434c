import { Dexie, type EntityTable } from 'dexie';
import type { CheckIn } from '../domain/checkin';
import type { Pair } from '../domain/pair';
import type { PairDigest } from '../domain/pairDigest';
import type { PairMonths } from '../domain/pairMonths';
import type { Person } from '../domain/person';
import type { Session } from '../domain/session';
import { DATABASE_NAME, schemaVersions } from './schema';

export type MentorlogDatabase = Dexie & {
  people: EntityTable<Person, 'id'>;
  pairs: EntityTable<Pair, 'id'>;
  sessions: EntityTable<Session, 'id'>;
  checkIns: EntityTable<CheckIn, 'id'>;
  /** Derived from sessions and check-ins; see src/db/pairDigests.ts. */
  pairDigests: EntityTable<PairDigest, 'pairId'>;
  /** Derived from sessions and check-ins, like the digests; see src/db/pairDigests.ts. */
  pairMonths: EntityTable<PairMonths, 'pairId'>;
};

export function openDatabase(name: string = DATABASE_NAME): MentorlogDatabase {
  const db = new Dexie(name) as MentorlogDatabase;
  for (const { version, stores, upgrade } of schemaVersions) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
  return db;
}

/** The app's one database. Tests reset it between cases with `resetDatabase`. */
export const db = openDatabase();

export async function resetDatabase(): Promise<void> {
  await Promise.all(db.tables.map((table) => table.clear()));
}
