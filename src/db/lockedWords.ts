import type { Sealed } from '../crypto/sealing';
import type { LockedTable } from '../domain/privateWords';
import type { TableSource } from './tableSource';

/*
 * The app lock's sealed words (schema version 11): one row per session or check-in whose words
 * are kept to "only me" while the lock is on, sealed by the vault key (src/data/appLock.ts) with the
 * record's place as additional data (`lockedWordsContext`). The record itself stays in its month
 * (src/db/monthLogs.ts) with its words blank. Never exported, synced or shared: a backup made while
 * unlocked carries the words opened, in the record, as before the lock.
 */
export interface LockedWordsRow {
  recordId: string;
  pairId: string;
  table: LockedTable;
  /** The record's date: with its pair, where its month is (src/db/monthLogs.ts `LoggedRef`). */
  date: string;
  sealed: Sealed;
}

export const LOCKED_WORDS = 'lockedWords';

export const lockedWordsOf = (source: TableSource) => source.table<LockedWordsRow, string>(LOCKED_WORDS);
