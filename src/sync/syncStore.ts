import type { SyncRecord } from './syncDocument';
import type { SyncedRecordType } from './serverRules';

/*
 * What the sync engine keeps between runs, and how it reaches the device's records: two small
 * interfaces so that the engine knows nothing of Dexie. The data layer backs them with Dexie
 * tables; `memorySyncStore.ts` backs them with maps for tests.
 */

/** Per database: how far its changes have been read, the rev of each doc, and what is left to push. */
export interface SyncStore {
  /** The last sequence read from the database's changes feed (opaque: never parsed), or null. */
  checkpoint(database: string): Promise<string | null>;
  setCheckpoint(database: string, sequence: string): Promise<void>;
  /** The rev of the doc the database last held for this id, so a push does not conflict with it. */
  rev(database: string, docId: string): Promise<string | null>;
  setRev(database: string, docId: string, rev: string | null): Promise<void>;
  /** Records changed on this device since they were last pushed to this database. */
  pending(database: string): Promise<SyncRecord[]>;
  /** The record went to the database as it is in `entry`: no longer pending, unless it changed since. */
  pushed(database: string, entry: SyncRecord): Promise<void>;
}

/** The device's records, as the engine reads and writes them. */
export interface LocalRecords {
  get(type: SyncedRecordType, id: string): Promise<SyncRecord | null>;
  /** Writes a pulled version that won; it is not a local change, so it is not pushed back. */
  put(entry: SyncRecord): Promise<void>;
  /** The record is no longer in a database this device reads: its reader may no longer see it. */
  withdraw(type: SyncedRecordType, id: string): Promise<void>;
  /** Raises the change clock past a stamp seen on the server (see `observeStamp`). */
  observeStamp(stamp: string): Promise<void>;
}
