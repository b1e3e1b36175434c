import { applyPulled, applyWithdrawal } from './applyPulled';
import { checkPulledDocument, type PulledProblem } from './checkPulledDocument';
import { compareVersions } from './mergeRecords';
import { contentFor, docId, outgoingChange, type OutgoingChange, type SyncRecord } from './syncDocument';
import { databaseOf, type ProgramDatabase } from './serverRules';
import type { LocalRecords, SyncStore } from './syncStore';

/*
 * The client of CouchDB's HTTP API: push with `_bulk_docs`, pull from `_changes`, long poll, retry
 * with back-off, cookie session. Plain fetch keeps it to a few KB and leaves Dexie the only store.
 */

type Fetch = typeof fetch;

/** A 401: the session cookie is missing or expired. Surfaced as a status, never thrown out of sync. */
class SignedOutError extends Error {}
/** A 403: this person is not a member of the database; retrying will not help. */
class RefusedError extends Error {}

export interface CouchConnection {
  /** The server's root, like `/couchdb` (proxied under the app's origin, so the cookie is same-site). */
  serverUrl: string;
  fetch?: Fetch;
}

function url(connection: CouchConnection, path: string): string {
  return `${connection.serverUrl.replace(/\/$/, '')}/${path}`;
}

async function request(connection: CouchConnection, path: string, init: RequestInit = {}): Promise<Response> {
  const response = await (connection.fetch ?? fetch)(url(connection, path), {
    ...init,
    credentials: 'include',
    headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
  });
  if (response.status === 401) throw new SignedOutError('Sign in again.');
  if (response.status === 403) throw new RefusedError(path);
  return response;
}

async function json(response: Response): Promise<unknown> {
  if (!response.ok && response.status !== 404) throw new Error(`The server answered ${response.status}.`);
  return response.json() as Promise<unknown>;
}

// ---------------------------------------------------------------------------------------------
// Session

export type SignInResult =
  | { ok: true; name: string; roles: string[] }
  | { ok: false; reason: 'wrong-name-or-password' | 'unreachable'; message: string };

/**
 * Opens a cookie session (`POST /_session`). The password goes in this one request and is kept
 * nowhere; the browser keeps the cookie, which the server renews as it is used.
 */
export async function signIn(connection: CouchConnection, name: string, password: string): Promise<SignInResult> {
  let response: Response;
  try {
    response = await (connection.fetch ?? fetch)(url(connection, '_session'), {
      method: 'POST',
      credentials: 'include',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, password }),
    });
  } catch {
    return {
      ok: false,
      reason: 'unreachable',
      message:
        'The sync server cannot be reached. Your records are safe on this device; try again when you are online.',
    };
  }
  if (response.status === 401) {
    return {
      ok: false,
      reason: 'wrong-name-or-password',
      message: 'That name and password do not match. Nothing was changed; try again.',
    };
  }
  if (!response.ok) {
    return {
      ok: false,
      reason: 'unreachable',
      message: `The sync server could not sign you in (it answered ${response.status}). Your records are safe on this device; try again later.`,
    };
  }
  const body = (await response.json()) as { name?: unknown; roles?: unknown };
  return {
    ok: true,
    name: typeof body.name === 'string' ? body.name : name,
    roles: Array.isArray(body.roles) ? body.roles.filter((role): role is string => typeof role === 'string') : [],
  };
}

// ---------------------------------------------------------------------------------------------
// Push

interface BulkResult {
  id?: string;
  rev?: string;
  ok?: boolean;
  error?: string;
  reason?: string;
}

function toBody(change: OutgoingChange): object {
  return change.kind === 'put' ? change.doc : { _id: change._id, _rev: change._rev, _deleted: true };
}

/** How many times one push retries a doc that another device changed in between. */
const CONFLICT_ROUNDS = 3;

/**
 * Pushes every pending record to the database, each with the rev of the doc last seen there. A
 * conflict (someone else's version landed first) reads the server's copy and merges: if it wins,
 * it is applied here and nothing is pushed; if ours wins, ours goes again on top of theirs.
 */
export async function pushDatabase(
  connection: CouchConnection,
  database: string,
  store: SyncStore,
  records: LocalRecords,
  nowMs: () => number = Date.now,
): Promise<{ pushed: number; problems: PulledProblem[] }> {
  const destination = databaseOf(database);
  if (!destination) return { pushed: 0, problems: [] };
  const problems: PulledProblem[] = [];
  let pushed = 0;
  let waiting = await store.pending(database);
  for (let round = 0; round < CONFLICT_ROUNDS && waiting.length > 0; round++) {
    const changes: Array<{ entry: SyncRecord; change: OutgoingChange }> = [];
    for (const entry of waiting) {
      if (await replacedSince(records, entry)) {
        await store.pushed(database, entry);
        continue;
      }
      const change = outgoingChange(entry, destination, await store.rev(database, docId(entry.type, entry.record.id)));
      if (change) changes.push({ entry, change });
      else await store.pushed(database, entry);
    }
    if (changes.length === 0) break;
    const response = await request(connection, `${encodeURIComponent(database)}/_bulk_docs`, {
      method: 'POST',
      body: JSON.stringify({ docs: changes.map(({ change }) => toBody(change)) }),
    });
    const results = (await json(response)) as BulkResult[];
    const conflicted: SyncRecord[] = [];
    for (const [index, { entry, change }] of changes.entries()) {
      const result = results[index];
      const id = change.kind === 'put' ? change.doc._id : change._id;
      if (result?.ok && result.rev) {
        await store.setRev(database, id, result.rev);
        await store.pushed(database, entry);
        pushed++;
      } else if (result?.error === 'conflict') {
        if (await resolveConflict(connection, database, destination, id, entry, store, records, nowMs))
          conflicted.push(entry);
        else await store.pushed(database, entry);
      } else {
        // The server's rules refused it: retrying as is would be refused again. It stays on this device.
        problems.push({
          database,
          docId: id,
          message: `The server refused this change: ${result?.reason ?? result?.error ?? 'no reason given'}`,
        });
        await store.pushed(database, entry);
      }
    }
    waiting = conflicted;
  }
  return { pushed, problems };
}

/**
 * True when the device's record is no longer the pending edit: a later version pulled from a
 * partner won over it. Pushing the edit then, with the rev that pull recorded, would put the
 * losing version on the server without a conflict, where every other device would read it.
 */
async function replacedSince(records: LocalRecords, entry: SyncRecord): Promise<boolean> {
  const current = await records.get(entry.type, entry.record.id);
  return current !== null && compareVersions(current.record, entry.record) > 0;
}

/**
 * Reads the server's copy after a conflict; true when ours still wins and must be pushed again.
 * A winning copy from the shared database is not applied: it is the program's view of the record,
 * blanked of the partners' words, and a partner's device takes the whole version from the pair's
 * database instead (the coordinator's device never pushes to the shared database).
 */
async function resolveConflict(
  connection: CouchConnection,
  database: string,
  destination: ProgramDatabase,
  id: string,
  entry: SyncRecord,
  store: SyncStore,
  records: LocalRecords,
  nowMs: () => number,
): Promise<boolean> {
  const response = await request(connection, `${encodeURIComponent(database)}/${encodeURIComponent(id)}`);
  if (response.status === 404) {
    // Deleted on the server: CouchDB lets a deleted doc be written again without a rev.
    await response.body?.cancel();
    await store.setRev(database, id, null);
    return true;
  }
  const server = await json(response);
  const check = checkPulledDocument(server, database, nowMs());
  if (!check.ok) {
    // What the server holds is not a record this app would accept: ours replaces it.
    const rev = (server as { _rev?: unknown })._rev;
    await store.setRev(database, id, typeof rev === 'string' ? rev : null);
    return true;
  }
  await store.setRev(database, id, check.rev);
  const ours = contentFor(entry, destination) ?? entry.record;
  if (compareVersions(ours, check.entry.record) > 0) return true;
  if (destination.kind !== 'shared') await applyPulled(records, check.entry, destination);
  return false;
}

// ---------------------------------------------------------------------------------------------
// Pull

interface ChangesResponse {
  results?: Array<{
    id?: unknown;
    seq?: unknown;
    deleted?: unknown;
    doc?: unknown;
    changes?: Array<{ rev?: unknown }>;
  }>;
  last_seq?: unknown;
}

/** A sequence as stored: CouchDB's are strings and the stand-in's numbers; neither is ever parsed. */
function sequenceText(sequence: unknown): string | null {
  if (typeof sequence === 'string') return sequence;
  if (typeof sequence === 'number') return String(sequence);
  return null;
}

/**
 * Reads the database's changes since the checkpoint and applies each checked doc; a doc that fails
 * its check is set aside (reported, not applied) and the checkpoint moves past it, so that one bad
 * doc cannot stop the rest. `longpoll` waits for a change; abort `signal` to stop waiting.
 */
export async function pullDatabase(
  connection: CouchConnection,
  database: string,
  store: SyncStore,
  records: LocalRecords,
  options: { feed?: 'normal' | 'longpoll'; signal?: AbortSignal; nowMs?: () => number } = {},
): Promise<{ applied: number; problems: PulledProblem[] }> {
  const destination = databaseOf(database);
  if (!destination) return { applied: 0, problems: [] };
  const since = (await store.checkpoint(database)) ?? '0';
  const query = new URLSearchParams({ since, include_docs: 'true', feed: options.feed ?? 'normal' });
  const response = await request(
    connection,
    `${encodeURIComponent(database)}/_changes?${query}`,
    options.signal ? { signal: options.signal } : {},
  );
  const body = (await json(response)) as ChangesResponse;
  const problems: PulledProblem[] = [];
  let applied = 0;
  for (const change of body.results ?? []) {
    if (typeof change.id !== 'string' || change.id.startsWith('_design/')) continue;
    if (change.deleted === true) {
      const rev = change.changes?.[0]?.rev;
      await store.setRev(database, change.id, typeof rev === 'string' ? rev : null);
      if ((await applyWithdrawal(records, change.id, destination)) === 'withdrawn') applied++;
      continue;
    }
    const check = checkPulledDocument(change.doc, database, (options.nowMs ?? Date.now)());
    if (!check.ok) {
      problems.push(check.problem);
      continue;
    }
    await store.setRev(database, change.id, check.rev);
    if ((await applyPulled(records, check.entry, destination)) === 'applied') applied++;
  }
  const last = sequenceText(body.last_seq);
  if (last !== null) await store.setCheckpoint(database, last);
  return { applied, problems };
}

export { RefusedError, SignedOutError };
