import type { RecordRef, SyncRecord } from '../domain/syncedRecord';
import type { PulledProblem } from './checkPulledDocument';

/*
 * What the sync engine keeps between runs, and how it reaches the device's records: two small
 * interfaces so that the engine knows nothing of Dexie. `dexieSyncStore.ts` backs them with the
 * device's database (through src/data); `memorySyncStore.ts` backs them with maps for tests. Both
 * take and give batches: a first sync reads thousands of docs, and a write per doc would be slow.
 */

/**
 * A sealed database's content keys as this device holds them (end-to-end encryption): the newest
 * generation seals what is pushed, and any generation held opens what is pulled.
 */
export interface DatabaseKeys {
  sealWith: { generation: number; key: CryptoKey };
  byGeneration: ReadonlyMap<number, CryptoKey>;
}

/** Per database: how far its changes have been read, the rev of each doc, and what is left to push. */
export interface SyncStore {
  /** The database's content keys, or null when its records travel readable (a pair from before sealing). */
  keys(database: string): Promise<DatabaseKeys | null>;
  /**
   * Key boxes and device entries pulled from a sealed database, before its other docs are opened:
   * keeps the keys boxed for this device (keyRotation.ts), and notes when the registry says this
   * device was removed. A box that fails is a problem to report. `rewind` when the keys are new and
   * docs were set aside earlier for want of them: the database is then read again from its start.
   * Absent: the store takes none.
   */
  takeKeyDocs?(database: string, docs: readonly unknown[]): Promise<{ problems: PulledProblem[]; rewind: boolean }>;
  /** Docs of the database were set aside for want of their keys: new keys will read it again. */
  keysMissing?(database: string): Promise<void>;
  /** When the database's registry said this device was removed, or null. */
  removedAt?(database: string): Promise<string | null>;
  /** The last sequence read from the database's changes feed (opaque: never parsed), or null. */
  checkpoint(database: string): Promise<string | null>;
  setCheckpoint(database: string, sequence: string): Promise<void>;
  /** The revs of the docs the database last held for these ids (ids it never held are missing). */
  revs(database: string, docIds: readonly string[]): Promise<Map<string, string>>;
  /** Records revs seen in the database; null: it no longer holds the doc. */
  setRevs(database: string, revs: readonly { docId: string; rev: string | null }[]): Promise<void>;
  /** Records changed on this device since they were last pushed to this database. */
  pending(database: string): Promise<SyncRecord[]>;
  /** These versions went to the database: no longer pending there, unless they changed since. */
  pushed(database: string, entries: readonly SyncRecord[]): Promise<void>;
}

/** Chooses, inside the write, between the device's version (null: none) and a pulled one: the version to write, or null to keep the device's. */
export type ChooseVersion = (local: SyncRecord | null, pulled: SyncRecord) => SyncRecord | null;

export interface WriteOutcome {
  applied: number;
  /** Pulled versions not applied because the device holds their id as another kind of record or in another pair. */
  setAside: { docId: string; message: string }[];
}

/** The device's records, as the engine reads and writes them. */
export interface LocalRecords {
  /** The device's versions of these records, in their order; null where it holds none of that kind. */
  get(refs: readonly RecordRef[]): Promise<(SyncRecord | null)[]>;
  /** Writes the pulled versions that `choose` picks; they are not local changes, so they are not pushed back. */
  write(pulled: readonly SyncRecord[], choose: ChooseVersion): Promise<WriteOutcome>;
  /** Removes the records `decide` agrees to: a database this device reads no longer holds them. */
  withdraw(refs: readonly RecordRef[], decide: (local: SyncRecord) => boolean): Promise<number>;
  /** Raises the change clock past a stamp seen on the server (see `observeStamp`). */
  observeStamp(stamp: string): Promise<void>;
}
