import type { CheckIn } from '../domain/checkIn';
import type { Pair } from '../domain/pair';
import type { Person } from '../domain/person';
import type { Session } from '../domain/session';
import { randomBytes, toBase64Url } from '../crypto/bytes';
import type { Sealed } from '../crypto/sealing';
import { sealedMetaOf, type SealedDocument, type SealedMeta } from '../sync/sealedDocument';
import type { SyncedRecordType } from '../sync/serverRules';
import type { SyncDocument } from '../sync/syncDocument';
import { aCheckIn, aPair, aPerson, aSession } from './builders';

/** A record as the program's server keeps it (the sync contract's document). */
export interface ServerDoc {
  _id: string;
  _rev?: string;
  meta: {
    type: string;
    pairId: string | null;
    author: string | null;
    visibility: string;
    updated: string;
    deleted: boolean;
  };
  content: { id: string; updatedAt: string } & Record<string, unknown>;
}

function pairIdOf(type: SyncedRecordType, content: Record<string, unknown>): string | null {
  if (type === 'person') return null;
  if (type === 'pair') return content.id as string;
  return content.pairId as string;
}

/** Who wrote the record, as the sync engine's meta says (src/sync/syncDocument.ts). */
function authorOf(type: SyncedRecordType, content: Person | Pair | Session | CheckIn): string | null {
  if (type === 'checkIn') return (content as CheckIn).raterId;
  if (type === 'session') return (content as Session).loggedById;
  return null;
}

export function aServerDoc(
  type: SyncedRecordType,
  content: Person | Pair | Session | CheckIn,
  meta: Partial<ServerDoc['meta']> = {},
): ServerDoc {
  return {
    _id: `${type}:${content.id}`,
    meta: {
      type,
      pairId: pairIdOf(type, content),
      author: authorOf(type, content),
      visibility: 'pair',
      updated: content.updatedAt,
      deleted: content.deletedAt !== null,
      ...meta,
    },
    content: { ...content },
  };
}

/** Something in the shape of a sealed record: the server cannot open it, so it cannot tell. */
export function aMadeUpSeal(): Sealed {
  return { v: 1, iv: toBase64Url(randomBytes(12)), data: toBase64Url(randomBytes(48)) };
}

/**
 * A record as a sealed database keeps it (src/sync/sealedDocument.ts): its metadata as the device
 * seals it, in the pair database unless `meta` says otherwise, beside a made-up seal.
 */
export function aSealedDoc(
  type: SyncedRecordType,
  content: Person | Pair | Session | CheckIn,
  meta: Partial<SealedMeta> = {},
): SealedDocument {
  const plain = aServerDoc(type, content);
  const doc: SyncDocument = { _id: plain._id, meta: { ...plain.meta, type, visibility: 'pair' }, content };
  return { _id: doc._id, meta: { ...sealedMetaOf(doc, 1), ...meta }, sealed: aMadeUpSeal() };
}

/** A key box as a sealed database keeps it; the box itself is opaque to the server. */
export interface KeyBoxDoc {
  _id: string;
  _rev?: string;
  meta: {
    type: 'keyBox';
    pairId: string;
    author: string | null;
    visibility: 'pair' | 'program';
    updated: string;
    deleted: false;
    expires?: string;
  };
  box: Record<string, unknown>;
}

/** An invitation's key box unless told otherwise: written by the server's admin, for the pair database. */
export function aKeyBox(pairId: string, meta: Partial<KeyBoxDoc['meta']> = {}, name?: string): KeyBoxDoc {
  return {
    _id: `keyBox:${name ?? `invitation-${toBase64Url(randomBytes(16))}`}`,
    meta: {
      type: 'keyBox',
      pairId,
      author: null,
      visibility: 'pair',
      updated: new Date().toISOString(),
      deleted: false,
      ...meta,
    },
    box: { v: 1, salt: toBase64Url(randomBytes(16)), sealed: aMadeUpSeal() },
  };
}

/** A pair, its two people, and builders of its documents. */
export function aServerPair() {
  const mentor = aPerson({ name: 'Morgan Mentor' });
  const mentee = aPerson({ name: 'Emery Mentee' });
  const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id });
  return {
    pair,
    mentor,
    mentee,
    session: (overrides: Partial<Session> = {}) =>
      aSession({ pairId: pair.id, loggedBy: 'mentor', loggedById: mentor.id, ...overrides }),
    /** A check-in the mentee gave, with scores and words shared with the program unless told otherwise. */
    checkIn: (overrides: Partial<CheckIn> = {}) =>
      aCheckIn({
        pairId: pair.id,
        side: 'mentee',
        raterId: mentee.id,
        visibility: 'program',
        notesVisibility: 'program',
        ...overrides,
      }),
  };
}
