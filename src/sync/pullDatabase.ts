import { applyPulled, applyWithdrawals } from './applyPulled';
import { checkPulledDocument, type PulledProblem } from './checkPulledDocument';
import { KEYS_NOT_GIVEN_FIELD, keysNotGiven, openPulled } from './docCipher';
import { json, request, type CouchConnection } from './couchHttp';
import type { SyncRecord } from '../domain/syncedRecord';
import { databaseOf } from './serverRules';
import type { LocalRecords, SyncStore } from './syncStore';

interface ChangesResponse {
  results?: Array<{
    id?: unknown;
    seq?: unknown;
    deleted?: unknown;
    doc?: unknown;
    changes?: Array<{ rev?: unknown }>;
  }>;
  last_seq?: unknown;
  /** CouchDB (2.0 on) says how many changes are left after a page; the stand-in does not. */
  pending?: unknown;
}

/** A sequence as stored: CouchDB's are strings and the stand-in's numbers; neither is ever parsed. */
function sequenceText(sequence: unknown): string | null {
  if (typeof sequence === 'string') return sequence;
  if (typeof sequence === 'number') return String(sequence);
  return null;
}

export interface PullOptions {
  feed?: 'normal' | 'longpoll';
  signal?: AbortSignal;
  nowMs?: () => number;
  /** At most this many changes in one answer: a first sync reads a large database page by page. */
  limit?: number;
  /**
   * Whether to keep the revs read (default true): only a database this device pushes to needs
   * them, and a coordinator reading a thousand pairs' shared databases would write one per doc.
   */
  keepRevs?: boolean;
}

export interface PullResult {
  applied: number;
  problems: PulledProblem[];
  /** Changes the answer held (docs read, set aside or not). */
  received: number;
  /** Changes left after this answer, when the server says (CouchDB does), else null. */
  left: number | null;
}

/**
 * Reads the database's changes since the checkpoint and applies the checked docs in one write; a
 * doc that fails its check is set aside (reported, not applied) and the checkpoint moves past it,
 * so that one bad doc cannot stop the rest. `longpoll` waits for a change; abort `signal` to stop
 * waiting. The checkpoint is written after the records, so a pull cut short is read again.
 */
export async function pullDatabase(
  connection: CouchConnection,
  database: string,
  store: SyncStore,
  records: LocalRecords,
  options: PullOptions = {},
): Promise<PullResult> {
  const destination = databaseOf(database);
  if (!destination) return { applied: 0, problems: [], received: 0, left: null };
  const since = (await store.checkpoint(database)) ?? '0';
  const query = new URLSearchParams({ since, include_docs: 'true', feed: options.feed ?? 'normal' });
  if (options.limit) query.set('limit', String(options.limit));
  const response = await request(
    connection,
    `${encodeURIComponent(database)}/_changes?${query}`,
    options.signal ? { signal: options.signal } : {},
  );
  const body = (await json(response)) as ChangesResponse;
  const problems: PulledProblem[] = [];
  const revs: { docId: string; rev: string | null }[] = [];
  const withdrawn: string[] = [];
  const entries: SyncRecord[] = [];
  const all = body.results ?? [];
  const isKeyDoc = (id: string) => id.startsWith('keyBox:') || id.startsWith('device:');
  const results = all.filter(
    // Design docs hold the server's rules, key boxes keys for devices, device docs the registry: none is a record.
    (change) => typeof change.id === 'string' && !change.id.startsWith('_design/') && !isKeyDoc(change.id),
  );
  const nowMs = (options.nowMs ?? Date.now)();
  // A new key generation's box comes before the docs sealed with it are opened, in this same page.
  const keyDocs = all.filter(
    (change) => typeof change.id === 'string' && isKeyDoc(change.id) && change.deleted !== true,
  );
  const taken =
    keyDocs.length > 0 && store.takeKeyDocs
      ? await store.takeKeyDocs(
          database,
          keyDocs.map((change) => change.doc),
        )
      : { problems: [], rewind: false };
  problems.push(...taken.problems);
  const keys = await store.keys(database);
  // Opened all at once, before any write: Web Crypto is asynchronous, and awaiting it inside a
  // Dexie transaction would commit the transaction early.
  let removedAt: Promise<string | null> | null = null;
  let missing = false;
  const notGiven = async (problem: PulledProblem, doc: unknown): Promise<PulledProblem> => {
    removedAt ??= store.removedAt?.(database) ?? Promise.resolve(null);
    const meta = (doc as { meta?: { keyGeneration?: unknown } } | null)?.meta;
    const removed = await removedAt;
    missing ||= removed === null;
    return { ...problem, message: keysNotGiven(meta?.keyGeneration, removed) };
  };
  const opened = await Promise.all(
    results.map((change) => (change.deleted === true ? null : openPulled(change.doc, database, keys))),
  );
  for (const [index, change] of results.entries()) {
    if (typeof change.id !== 'string') continue;
    if (change.deleted === true) {
      const rev = change.changes?.[0]?.rev;
      revs.push({ docId: change.id, rev: typeof rev === 'string' ? rev : null });
      withdrawn.push(change.id);
      continue;
    }
    const open = opened[index];
    if (open && !open.ok) {
      problems.push(
        open.problem.field === KEYS_NOT_GIVEN_FIELD ? await notGiven(open.problem, change.doc) : open.problem,
      );
      continue;
    }
    const check = checkPulledDocument(open?.doc, database, nowMs);
    if (!check.ok) {
      problems.push(check.problem);
      continue;
    }
    revs.push({ docId: change.id, rev: check.rev });
    entries.push(check.entry);
  }
  if (options.keepRevs ?? true) await store.setRevs(database, revs);
  const gone = await applyWithdrawals(records, withdrawn, destination);
  const written = await applyPulled(records, entries, destination);
  problems.push(...written.problems);
  // Not removed, so the keys are likely on their way (a box put after the docs sealed with them).
  if (missing) await store.keysMissing?.(database);
  // New keys, and docs set aside earlier for want of them: read the database again from its start.
  const last = taken.rewind ? '0' : sequenceText(body.last_seq);
  if (last !== null && last !== since) await store.setCheckpoint(database, last);
  return {
    applied: gone + written.applied,
    problems,
    received: all.length,
    left: typeof body.pending === 'number' ? body.pending : null,
  };
}
