import { checkInForPartner } from '../domain/pairShare';
import { programViewer, scoresSharedWithProgram } from '../domain/programView';
import { sessionForPartner, sessionForProgram } from '../domain/session';
import { visibleCheckIns } from '../domain/visibility';
import { docId, type RecordOfType, type SyncRecord } from '../domain/syncedRecord';
import { type ProgramDatabase, type SyncedRecordType } from './serverRules';

export { docId, parseDocId, type RecordOfType, type SyncRecord } from '../domain/syncedRecord';

/*
 * A record and the CouchDB document that carries it, per database. What each database may hold is
 * decided by the domain's own views (the partner's view of a check-in, the program's view), so the
 * server never receives text its readers may not see: CouchDB has no per-document read control.
 */

export type DocVisibility = 'pair' | 'program';

/** What the server's rules read; `content` may become ciphertext, `meta` stays readable. */
export interface DocMeta {
  type: SyncedRecordType;
  pairId: string | null;
  author: string | null;
  /** Who the database holding the doc is for: the partners, or the program too. */
  visibility: DocVisibility;
  updated: string;
  deleted: boolean;
}

export interface SyncDocument {
  _id: string;
  _rev?: string;
  meta: DocMeta;
  content: RecordOfType[SyncedRecordType];
}

// The program is in no pair, so which pair is passed does not change what it sees.
const outsideEveryPair = { mentorId: '', menteeId: '' };

function samePair(pairId: string, destination: ProgramDatabase): boolean {
  return destination.kind !== 'directory' && pairId.toLowerCase() === destination.pairId.toLowerCase();
}

/** The record as the destination's readers may see it, or null when it must not be there at all. */
export function contentFor(entry: SyncRecord, destination: ProgramDatabase): RecordOfType[SyncedRecordType] | null {
  switch (entry.type) {
    case 'person':
      // A person goes to the directory and to the databases of the pairs they belong to: the
      // caller names those, since a person record does not say which pairs they are in.
      return entry.record;
    case 'pair':
      return destination.kind === 'directory' || samePair(entry.record.id, destination) ? entry.record : null;
    case 'session':
      if (!samePair(entry.record.pairId, destination)) return null;
      // Its facts go to both; its words only as far as its author shared them.
      return destination.kind === 'shared' ? sessionForProgram(entry.record) : sessionForPartner(entry.record);
    case 'checkIn': {
      if (!samePair(entry.record.pairId, destination)) return null;
      if (destination.kind === 'pair') return checkInForPartner(entry.record);
      if (!scoresSharedWithProgram(entry.record, outsideEveryPair)) return null;
      return visibleCheckIns([entry.record], outsideEveryPair, programViewer)[0] ?? null;
    }
  }
}

function metaOf(entry: SyncRecord, destination: ProgramDatabase): DocMeta {
  const { record } = entry;
  const common = {
    type: entry.type,
    visibility: destination.kind === 'pair' ? 'pair' : 'program',
    updated: record.updatedAt,
    deleted: record.deletedAt !== null,
  } as const;
  switch (entry.type) {
    case 'person':
      return { ...common, pairId: null, author: null };
    case 'pair':
      return { ...common, pairId: entry.record.id, author: null };
    case 'session':
      return { ...common, pairId: entry.record.pairId, author: entry.record.loggedById };
    case 'checkIn':
      return { ...common, pairId: entry.record.pairId, author: entry.record.raterId };
  }
}

/** The doc that carries the record in the destination's database, or null when it must hold none. */
export function toSyncDocument(entry: SyncRecord, destination: ProgramDatabase): SyncDocument | null {
  const content = contentFor(entry, destination);
  if (content === null) return null;
  return { _id: docId(entry.type, entry.record.id), meta: metaOf(entry, destination), content };
}

/** What a push sends for one record: a doc, or the deletion of one the database must no longer hold. */
export type OutgoingChange = { kind: 'put'; doc: SyncDocument } | { kind: 'delete'; _id: string; _rev: string };

/**
 * The change to push for a record, given the rev of its doc last seen in that database (null: the
 * database has never held it). A record whose visibility narrowed, so that it may no longer be
 * there, becomes a CouchDB deletion; one that was never there needs nothing.
 */
export function outgoingChange(
  entry: SyncRecord,
  destination: ProgramDatabase,
  knownRev: string | null,
): OutgoingChange | null {
  const doc = toSyncDocument(entry, destination);
  if (doc) return { kind: 'put', doc: knownRev ? { ...doc, _rev: knownRev } : doc };
  return knownRev ? { kind: 'delete', _id: docId(entry.type, entry.record.id), _rev: knownRev } : null;
}
