import type { CheckIn } from './checkIn';
import type { Pair } from './pair';
import type { Person } from './person';
import type { Session } from './session';
import type { SyncAccount } from './syncAccount';

/*
 * The records that sync, named by type: what the engine (src/sync) moves and the data layer
 * stores. Here rather than in src/sync because the data layer, which cannot import sync, keeps
 * the device's side of it (what is pending, what a pulled version overwrites).
 */

/** The record types a document may carry (`meta.type`, and the part of `_id` before the colon). */
export const syncedRecordTypes = ['person', 'pair', 'session', 'checkIn'] as const;
export type SyncedRecordType = (typeof syncedRecordTypes)[number];

export interface RecordOfType {
  person: Person;
  pair: Pair;
  session: Session;
  checkIn: CheckIn;
}

/** A record with its type, as the sync engine passes it around. */
export type SyncRecord = { [T in SyncedRecordType]: { type: T; record: RecordOfType[T] } }[SyncedRecordType];

/** A record named by type and id. */
export interface RecordRef {
  type: SyncedRecordType;
  id: string;
}

export function docId(type: SyncedRecordType, recordId: string): string {
  return `${type}:${recordId}`;
}

/** The record's type and id named by a doc id, or null when the id is not one of ours. */
export function parseDocId(id: string): { type: SyncedRecordType; recordId: string } | null {
  const colon = id.indexOf(':');
  if (colon < 0) return null;
  const type = id.slice(0, colon);
  const recordType = syncedRecordTypes.find((known) => known === type);
  return recordType ? { type: recordType, recordId: id.slice(colon + 1) } : null;
}

/** The pair a record belongs to; null for a person, who may be in several. */
export function pairIdOf(entry: SyncRecord): string | null {
  switch (entry.type) {
    case 'person':
      return null;
    case 'pair':
      return entry.record.id;
    default:
      return entry.record.pairId;
  }
}

/**
 * Whether a change to this record may have to reach the account's server: a coordinator sends the
 * program's pairs and people (the directory); a partner sends their pairs' records and people.
 * Which database each goes to, and whether a partner's device may write it at all, the engine
 * decides; this only keeps what can never go anywhere out of the pending changes.
 */
export function mayReachServer(account: Pick<SyncAccount, 'role' | 'pairIds'>, entry: SyncRecord): boolean {
  if (entry.type === 'person') return true;
  if (account.role === 'coordinator') return entry.type === 'pair';
  const pairId = pairIdOf(entry);
  return pairId !== null && account.pairIds.includes(pairId.toLowerCase());
}
