/**
 * The program server this device syncs with, and as whom. Not a secret: no password and no cookie
 * is kept here (the browser holds CouchDB's session cookie). Pure and free of zod, because the
 * layout reads it on the first screen to decide whether the sync engine's code is loaded at all.
 */

/** A partner syncs their own pairs; a coordinator syncs what every pair shared with the program. */
export type SyncRole = 'partner' | 'coordinator';

export interface SyncAccount {
  /** The server's root as the app reaches it: `/couch` on the app's own origin, or an absolute URL. */
  serverUrl: string;
  /** The person signed in; their user name on the server is their person id. */
  personId: string;
  role: SyncRole;
  /** The pairs this device syncs (lower-case UUIDs): a partner's own, or every pair of the program. */
  pairIds: string[];
  /** When this device connected (ISO timestamp). */
  since: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A server address the app can reach: a path on its own origin (not `//host`), or an http(s) URL. */
export function isServerUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return false;
  if (value.startsWith('/')) return !value.startsWith('//');
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** The account a stored value describes, or null when it describes none (absent, damaged, or from elsewhere). */
export function parseSyncAccount(value: unknown): SyncAccount | null {
  if (value === null || typeof value !== 'object') return null;
  const { serverUrl, personId, role, pairIds, since } = value as Record<string, unknown>;
  if (!isServerUrl(serverUrl)) return null;
  if (typeof personId !== 'string' || !uuid.test(personId)) return null;
  if (role !== 'partner' && role !== 'coordinator') return null;
  if (!Array.isArray(pairIds) || pairIds.length > 100_000) return null;
  if (!pairIds.every((id): id is string => typeof id === 'string' && uuid.test(id))) return null;
  if (typeof since !== 'string' || Number.isNaN(Date.parse(since))) return null;
  return { serverUrl, personId, role, pairIds: [...new Set(pairIds)], since };
}
