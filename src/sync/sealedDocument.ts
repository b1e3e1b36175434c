import type { Visibility } from '../domain/checkIn';
import { open, OpenError, seal, type Sealed } from '../crypto/sealing';
import { canonicalJson } from './canonicalJson';
import type { DocMeta, SyncDocument } from './syncDocument';

/*
 * A document whose record is sealed (end-to-end encrypted) with its database's content key: the
 * server holds `meta` in the clear, for its write rules, and `sealed` it cannot read. The
 * additional data of the seal is the document's id and its whole meta, so a server (or anyone
 * with its disks) that edits the metadata, or moves a sealed record to another document, makes it
 * fail to open on every device.
 */

/** What the server's rules read of a sealed document, beside the plain `DocMeta`. */
export interface SealedMeta extends DocMeta {
  /** Which generation of the database's key sealed it. */
  keyGeneration: number;
  /** A check-in's scores: who may see them (the record's `visibility`). */
  scores?: Visibility;
  /** A check-in's or a session's words: who may see them (the record's `notesVisibility`). */
  words?: Visibility;
  /** A pair's two partners, whom its databases' rules hold to their members. */
  mentorId?: string;
  menteeId?: string;
}

export interface SealedDocument {
  _id: string;
  _rev?: string;
  meta: SealedMeta;
  sealed: Sealed;
}

export function isSealedDocument(value: unknown): value is { _id: unknown; meta: unknown; sealed: unknown } {
  return typeof value === 'object' && value !== null && 'sealed' in value;
}

/** The metadata a sealed document carries for its record, as the server's rules need it. */
export function sealedMetaOf(doc: SyncDocument, keyGeneration: number): SealedMeta {
  const meta: SealedMeta = { ...doc.meta, keyGeneration };
  const content = doc.content;
  if (doc.meta.type === 'checkIn' && 'raterId' in content) {
    meta.scores = content.visibility;
    meta.words = content.notesVisibility;
  } else if (doc.meta.type === 'session' && 'loggedById' in content) {
    meta.words = content.notesVisibility;
  } else if (doc.meta.type === 'pair' && 'mentorId' in content) {
    meta.mentorId = content.mentorId;
    meta.menteeId = content.menteeId;
  }
  return meta;
}

/** What the seal is bound to: the document's id and its every piece of metadata, in a fixed order. */
export function sealedAdditionalData(id: string, meta: unknown): string {
  return canonicalJson({ _id: id, meta });
}

/**
 * What a record's readable metadata and its doc's id already say of it: left out of the sealed
 * part, which is then about 40% smaller (every doc of a coordinator's first sync is fetched and
 * opened), and put back from the metadata, which the seal authenticates, when it is opened.
 */
function impliedFields(id: string, meta: Record<string, unknown>): Record<string, unknown> {
  const implied: Record<string, unknown> = { id: id.slice(id.indexOf(':') + 1), updatedAt: meta.updated };
  if (meta.type === 'session' || meta.type === 'checkIn') implied.pairId = meta.pairId;
  if (meta.type === 'session') Object.assign(implied, { loggedById: meta.author, notesVisibility: meta.words });
  if (meta.type === 'checkIn')
    Object.assign(implied, { raterId: meta.author, visibility: meta.scores, notesVisibility: meta.words });
  if (meta.type === 'pair') Object.assign(implied, { mentorId: meta.mentorId, menteeId: meta.menteeId });
  return implied;
}

export async function sealDocument(doc: SyncDocument, key: CryptoKey, keyGeneration: number): Promise<SealedDocument> {
  const meta = sealedMetaOf(doc, keyGeneration);
  const implied = impliedFields(doc._id, { ...meta });
  const rest = Object.fromEntries(
    Object.entries(doc.content).filter(([field, value]) => !(field in implied) || implied[field] !== value),
  );
  const sealed = await seal(key, rest, sealedAdditionalData(doc._id, meta));
  return { _id: doc._id, ...(doc._rev ? { _rev: doc._rev } : {}), meta, sealed };
}

/**
 * The document as it was before sealing (its `meta` keeping the sealed-only fields, for the
 * caller to check against the record), or an OpenError when it does not open with this key.
 */
export async function openDocument(
  raw: { _id: string; _rev?: unknown; meta: Record<string, unknown>; sealed: unknown },
  key: CryptoKey,
): Promise<{ _id: string; _rev?: unknown; meta: Record<string, unknown>; content: unknown }> {
  const opened = await open(key, raw.sealed, sealedAdditionalData(raw._id, raw.meta));
  const content =
    typeof opened === 'object' && opened !== null && !Array.isArray(opened)
      ? { ...impliedFields(raw._id, raw.meta), ...opened }
      : opened;
  return { _id: raw._id, _rev: raw._rev, meta: raw.meta, content };
}

export { OpenError };
