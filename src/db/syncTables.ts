import type { SyncedRecordType } from '../domain/syncedRecord';

/*
 * What the sync engine keeps beside the records (schema version 10): how far each of the server's
 * databases has been read, the revision of each doc last seen there, and the local changes still
 * to send. None of it is a record: it is never exported, and "Stop syncing on this device" clears
 * it all while the records stay.
 */

/** How far a database's changes feed has been read: its last sequence, opaque (never parsed). */
export interface SyncCheckpoint {
  database: string;
  sequence: string;
}

/** The `_rev` of a doc as a database last held it, so that a push does not conflict with it. */
export interface SyncRev {
  database: string;
  docId: string;
  rev: string;
}

/**
 * A local change still to send: the record (by doc id), the version changed (its stamp), and the
 * databases it has already reached. Written in the same transaction as the change; rewritten
 * (reached: none) by the next change of the record; gone once every database it goes to has it.
 */
export interface SyncPendingMark {
  docId: string;
  type: SyncedRecordType;
  recordId: string;
  /** The record's pair; null for a person. */
  pairId: string | null;
  /** Who gave a check-in (only they may write it on the server); null for other records. */
  author: string | null;
  updatedAt: string;
  reached: string[];
}

/** Small facts about the sync itself: which server the rest is for, which pairs joined with their history. */
export interface SyncMeta {
  key: string;
  value: string;
}

export const SYNC_TABLES = ['syncCheckpoints', 'syncRevs', 'syncPending', 'syncMeta'] as const;
