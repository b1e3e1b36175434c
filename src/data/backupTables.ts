import type { Table } from 'dexie';
import type { MentorlogDatabase } from '../db/database';
import type { RecordFields } from '../domain/record';

/** Records read or written per Dexie call, so that no single call holds the page for long. */
export const WRITE_CHUNK = 2000;

/** The tables holding what a backup carries: people, pairs, and the months of sessions and check-ins. */
export function tablesOf(database: MentorlogDatabase) {
  return [database.people, database.pairs, database.monthLogs];
}

/** The people or pairs table, typed for what import and export do with it. */
export function tableOf(database: MentorlogDatabase, table: 'people' | 'pairs'): Table<RecordFields, string> {
  // Each table holds records of its own type, all of which carry the record fields compared and written here.
  return database[table] as unknown as Table<RecordFields, string>;
}
