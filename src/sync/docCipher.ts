import type { PulledProblem } from './checkPulledDocument';
import { isSealedDocument, openDocument, OpenError, sealDocument, type SealedDocument } from './sealedDocument';
import { DIRECTORY_DATABASE } from './serverRules';
import type { OutgoingChange, SyncDocument } from './syncDocument';
import type { DatabaseKeys } from './syncStore';

/*
 * Sealing on the way out and opening on the way in, between the engine and the server: a sealed
 * database's records leave this device only sealed, and a doc pulled from one is opened (or set
 * aside) before the checks every pulled doc passes (checkPulledDocument.ts). Runs outside any
 * Dexie transaction: an await on Web Crypto inside one would commit it early.
 */

/** The body `_bulk_docs` sends for a change: sealed with the database's newest key when it has keys. */
export async function outgoingBody(change: OutgoingChange, keys: DatabaseKeys | null): Promise<object> {
  if (change.kind === 'delete') return { _id: change._id, _rev: change._rev, _deleted: true };
  if (!keys) return change.doc;
  return sealDocument(change.doc, keys.sealWith.key, keys.sealWith.generation);
}

/** Where a doc sealed with keys this device does not hold is reported. */
export const KEYS_NOT_GIVEN_FIELD = 'meta.keyGeneration';

/** Why a doc of a key generation this device does not hold is set aside; `removedAt` when it was removed from the pair. */
export function keysNotGiven(generation: unknown, removedAt: string | null): string {
  return removedAt
    ? `was written with keys this device was not given: it was removed from the pair on ${removedAt.slice(0, 10)}, and gets nothing written since. What it synced before stays readable here.`
    : `is sealed with keys (generation ${JSON.stringify(generation)}) this device has not been given. If a device was just removed from the pair, they are on their way, and this is read again when they come; if not, ask your partner to let this device in again with a new device link.`;
}

export type Opened = { ok: true; doc: unknown } | { ok: false; problem: PulledProblem };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a sealed doc's readable metadata says of its record, which must be what the record says. */
function metaMismatch(meta: Record<string, unknown>, content: unknown): string | null {
  if (!isObject(content)) return null;
  if (meta.type === 'checkIn' && meta.scores !== content.visibility) return 'scores';
  if ((meta.type === 'checkIn' || meta.type === 'session') && meta.words !== content.notesVisibility) return 'words';
  if (meta.type === 'pair' && (meta.mentorId !== content.mentorId || meta.menteeId !== content.menteeId))
    return 'mentorId';
  return null;
}

/** The fields only a sealed doc's meta has: what is left is the meta every doc has. */
const sealedOnlyMeta = new Set(['keyGeneration', 'scores', 'words', 'mentorId', 'menteeId']);

function plainMeta(meta: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(meta).filter(([key]) => !sealedOnlyMeta.has(key)));
}

/**
 * The doc as the checks read it: opened when sealed, as it came when the database is not sealed.
 * A database with keys takes sealed docs only: a readable one there was put on the server by
 * someone other than a partner's device, and is not applied.
 */
export async function openPulled(raw: unknown, database: string, keys: DatabaseKeys | null): Promise<Opened> {
  const docId = isObject(raw) && typeof raw._id === 'string' ? raw._id.slice(0, 120) : '(a doc without an id)';
  const fail = (message: string, field?: string): Opened => ({
    ok: false,
    problem: { database, docId, ...(field ? { field } : {}), message },
  });
  if (!isObject(raw)) return { ok: true, doc: raw };
  if (!isSealedDocument(raw)) {
    if (!keys) return { ok: true, doc: raw };
    return fail(
      database === DIRECTORY_DATABASE
        ? 'arrived readable, but the program’s directory is sealed on the coordinator’s devices: it is a copy from before the directory was sealed, not yet sealed again by the device that sealed it, or someone else put it on the server. It was not applied.'
        : 'arrived readable, but this pair’s records are always sealed on the partners’ devices: someone else put it on the server.',
      'sealed',
    );
  }
  if (!keys)
    return fail(
      database === DIRECTORY_DATABASE
        ? 'is sealed with the program key, which this device does not hold: let it in from the coordinator’s device that holds it (“Let in another device of yours” on that device’s sync page).'
        : 'is sealed, and this device holds no key for this database. Ask your partner or coordinator to invite this device again.',
      'sealed',
    );
  if (typeof raw._id !== 'string' || !isObject(raw.meta))
    return fail('should be an object holding the type, pair and stamp.', 'meta');
  const generation = raw.meta.keyGeneration;
  const key = typeof generation === 'number' ? keys.byGeneration.get(generation) : undefined;
  if (!key) return fail(keysNotGiven(generation, null), KEYS_NOT_GIVEN_FIELD);
  try {
    const opened = await openDocument({ ...raw, _id: raw._id, meta: raw.meta }, key);
    const mismatch = metaMismatch(raw.meta, opened.content);
    if (mismatch)
      return fail('does not match the sealed record: the server’s rules were told something else.', `meta.${mismatch}`);
    return { ok: true, doc: { ...opened, meta: plainMeta(raw.meta) } };
  } catch (error) {
    if (!(error instanceof OpenError)) throw error;
    return fail(
      error.reason === 'refused'
        ? 'does not open with the pair’s key: its details (who wrote it, when, for whom) were changed on the server, or its sealed part belongs to another record. It was not applied.'
        : 'has a sealed part that is damaged. It was not applied.',
      'sealed',
    );
  }
}

export type { SealedDocument, SyncDocument };
