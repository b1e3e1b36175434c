import type { CheckIn } from './checkIn';
import type { Pair } from './pair';
import type { Person } from './person';
import type { Session } from './session';

/** The tables in the order they are checked and written: people before the pairs that name them, and so on. */
export const backupTables = ['people', 'pairs', 'sessions', 'checkIns'] as const;
export type BackupTable = (typeof backupTables)[number];

export interface BackupRecords {
  people: Person[];
  pairs: Pair[];
  sessions: Session[];
  checkIns: CheckIn[];
}

export function countRecords(records: { [T in BackupTable]: readonly unknown[] }): number {
  return backupTables.reduce((sum, table) => sum + records[table].length, 0);
}
