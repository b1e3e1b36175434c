import { docId, type SyncRecord } from '../domain/syncedRecord';
import { applyPulled } from './applyPulled';
import { checkPulledDocument, type PulledProblem } from './checkPulledDocument';
import { json, request, ServerError, type CouchConnection } from './couchHttp';
import { compareVersions } from './mergeRecords';
import { outgoingBody, openPulled } from './docCipher';
import { contentFor, outgoingChange, type OutgoingChange } from './syncDocument';
import { databaseOf, type ProgramDatabase } from './serverRules';
import type { LocalRecords, SyncStore } from './syncStore';

interface BulkResult {
  id?: string;
  rev?: string;
  ok?: boolean;
  error?: string;
  reason?: string;
}

/** How many times one push retries a doc that another device changed in between. */
const CONFLICT_ROUNDS = 3;
/** Docs per `_bulk_docs` request: a pair joining with years of history sends hundreds. */
const PUSH_CHUNK = 200;

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
  const pending = await store.pending(database);
  for (let start = 0; start < pending.length; start += PUSH_CHUNK) {
    let waiting = pending.slice(start, start + PUSH_CHUNK);
    for (let round = 0; round < CONFLICT_ROUNDS && waiting.length > 0; round++) {
      const sent = await pushChunk(connection, database, destination, waiting, store, records, nowMs);
      pushed += sent.pushed;
      problems.push(...sent.problems);
      waiting = sent.conflicted;
    }
  }
  return { pushed, problems };
}

async function pushChunk(
  connection: CouchConnection,
  database: string,
  destination: ProgramDatabase,
  waiting: readonly SyncRecord[],
  store: SyncStore,
  records: LocalRecords,
  nowMs: () => number,
): Promise<{ pushed: number; problems: PulledProblem[]; conflicted: SyncRecord[] }> {
  const idOf = (entry: SyncRecord) => docId(entry.type, entry.record.id);
  const [current, revs] = await Promise.all([
    records.get(waiting.map((entry) => ({ type: entry.type, id: entry.record.id }))),
    store.revs(database, waiting.map(idOf)),
  ]);
  const done: SyncRecord[] = [];
  const changes: { entry: SyncRecord; change: OutgoingChange }[] = [];
  for (const [index, entry] of waiting.entries()) {
    // A later version pulled from a partner replaced this edit: pushing it with the rev that pull
    // recorded would put the losing version on the server without a conflict.
    const now = current[index];
    const change =
      now && compareVersions(now.record, entry.record) > 0
        ? null
        : outgoingChange(entry, destination, revs.get(idOf(entry)) ?? null);
    if (change) changes.push({ entry, change });
    else done.push(entry);
  }
  const problems: PulledProblem[] = [];
  const conflicted: SyncRecord[] = [];
  const seen: { docId: string; rev: string | null }[] = [];
  const unstored: string[] = [];
  if (changes.length > 0) {
    const keys = await store.keys(database);
    const docs = await Promise.all(changes.map(({ change }) => outgoingBody(change, keys)));
    const response = await request(connection, `${encodeURIComponent(database)}/_bulk_docs`, {
      method: 'POST',
      body: JSON.stringify({ docs }),
    });
    const results = (await json(response)) as BulkResult[];
    // By id: CouchDB answers in the order sent, but the stand-in (pouchdb-server) does not always,
    // and a result taken by position would give one doc another's rev.
    const byId = new Map(Array.isArray(results) ? results.map((result) => [result.id, result]) : []);
    for (const [index, { entry, change }] of changes.entries()) {
      const id = change.kind === 'put' ? change.doc._id : change._id;
      const result = byId.get(id) ?? results[index];
      if (result?.ok && result.rev) {
        seen.push({ docId: id, rev: result.rev });
        done.push(entry);
      } else if (result?.error === 'conflict') {
        if (await resolveConflict(connection, database, destination, id, entry, store, records, nowMs))
          conflicted.push(entry);
        else done.push(entry);
      } else if (!isRefusal(result)) {
        // Not the rules' answer (a server still starting, a disk error): sent again after a wait.
        unstored.push(result?.reason ?? result?.error ?? 'no answer for it');
      } else {
        // The server's rules refused it: retrying as is would be refused again. It stays on this device.
        problems.push({
          database,
          docId: id,
          message: `The server refused this change: ${result?.reason ?? result?.error ?? 'no reason given'}`,
        });
        done.push(entry);
      }
    }
  }
  await store.setRevs(database, seen);
  await store.pushed(database, done);
  if (unstored.length > 0)
    throw new ServerError(`The server did not store ${unstored.length} of the changes sent: ${unstored[0]}`);
  return { pushed: seen.length, problems, conflicted };
}

/** Whether a doc's error in a `_bulk_docs` answer is the server's rules saying no, for good. */
function isRefusal(result: BulkResult | undefined): boolean {
  return result?.error === 'forbidden' || result?.error === 'unauthorized' || result?.error === 'too_large';
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
    await store.setRevs(database, [{ docId: id, rev: null }]);
    return true;
  }
  const server = await json(response);
  const opened = await openPulled(server, database, await store.keys(database));
  const check = opened.ok
    ? checkPulledDocument(opened.doc, database, nowMs())
    : ({ ok: false, problem: opened.problem } as const);
  if (!check.ok) {
    // What the server holds is not a record this app would accept: ours replaces it.
    const rev = (server as { _rev?: unknown })._rev;
    await store.setRevs(database, [{ docId: id, rev: typeof rev === 'string' ? rev : null }]);
    return true;
  }
  await store.setRevs(database, [{ docId: id, rev: check.rev }]);
  const ours = contentFor(entry, destination) ?? entry.record;
  if (compareVersions(ours, check.entry.record) > 0) return true;
  if (destination.kind !== 'shared') await applyPulled(records, [check.entry], destination);
  return false;
}
