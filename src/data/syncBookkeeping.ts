import { liveQuery } from 'dexie';
import { db as appDatabase, type MentorlogDatabase } from '../db/database';
import { SYNC_TABLES, type SyncPendingMark } from '../db/syncTables';

/*
 * The sync engine's bookkeeping (src/db/syncTables.ts), read and written for src/sync, which may
 * not touch Dexie itself: checkpoints, revs, pending marks, and whose server they are for.
 */

export async function readCheckpoint(database: MentorlogDatabase, name: string): Promise<string | null> {
  return (await database.syncCheckpoints.get(name))?.sequence ?? null;
}

export async function writeCheckpoint(database: MentorlogDatabase, name: string, sequence: string): Promise<void> {
  await database.syncCheckpoints.put({ database: name, sequence });
}

/** The revs these docs last had in the database, by doc id (docs it never held are missing). */
export async function readRevs(
  database: MentorlogDatabase,
  name: string,
  docIds: readonly string[],
): Promise<Map<string, string>> {
  const found = await database.syncRevs.bulkGet(docIds.map((docId): [string, string] => [name, docId]));
  const revs = new Map<string, string>();
  for (const row of found) if (row) revs.set(row.docId, row.rev);
  return revs;
}

/** Records revs seen in (or pushed to) the database; null: the database no longer holds the doc. */
export async function writeRevs(
  database: MentorlogDatabase,
  name: string,
  revs: readonly { docId: string; rev: string | null }[],
): Promise<void> {
  if (revs.length === 0) return;
  const latest = new Map(revs.map(({ docId, rev }) => [docId, rev]));
  const put = [...latest].flatMap(([docId, rev]) => (rev === null ? [] : [{ database: name, docId, rev }]));
  const gone = [...latest].flatMap(([docId, rev]): [string, string][] => (rev === null ? [[name, docId]] : []));
  await database.transaction('rw', database.syncRevs, async () => {
    await Promise.all([
      put.length > 0 ? database.syncRevs.bulkPut(put) : undefined,
      gone.length > 0 ? database.syncRevs.bulkDelete(gone) : undefined,
    ]);
  });
}

export function readPendingMarks(database: MentorlogDatabase): Promise<SyncPendingMark[]> {
  return database.syncPending.toArray();
}

/**
 * These versions reached the database: each mark of the same version counts it as reached, and
 * goes once it has reached every database `destinations` names for it. A mark of a later version
 * (the record changed while it was pushed) stays as it is.
 */
export async function recordReached(
  database: MentorlogDatabase,
  name: string,
  versions: readonly { docId: string; updatedAt: string }[],
  destinations: (mark: SyncPendingMark) => readonly string[],
): Promise<void> {
  if (versions.length === 0) return;
  await database.transaction('rw', database.syncPending, async () => {
    const marks = await database.syncPending.bulkGet(versions.map((version) => version.docId));
    const keep: SyncPendingMark[] = [];
    const done: string[] = [];
    for (const [index, mark] of marks.entries()) {
      if (!mark || mark.updatedAt !== versions[index]?.updatedAt) continue;
      const reached = [...new Set([...mark.reached, name])];
      if (destinations(mark).every((destination) => reached.includes(destination))) done.push(mark.docId);
      else keep.push({ ...mark, reached });
    }
    await Promise.all([
      keep.length > 0 ? database.syncPending.bulkPut(keep) : undefined,
      done.length > 0 ? database.syncPending.bulkDelete(done) : undefined,
    ]);
  });
}

/**
 * Drops these marks (of changes no database of the account takes, or of records since replaced),
 * each only while it is still the mark of the same version: a change marked meanwhile stays.
 */
export async function dropPendingMarks(
  database: MentorlogDatabase,
  marks: readonly Pick<SyncPendingMark, 'docId' | 'updatedAt'>[],
): Promise<void> {
  if (marks.length === 0) return;
  await database.transaction('rw', database.syncPending, async () => {
    const held = await database.syncPending.bulkGet(marks.map((mark) => mark.docId));
    const stale = held.flatMap((mark, index) =>
      mark && mark.updatedAt === marks[index]?.updatedAt ? [mark.docId] : [],
    );
    if (stale.length > 0) await database.syncPending.bulkDelete(stale);
  });
}

/** Calls `onMarks` with every pending mark now and after each change to them, in any tab; returns a stop. */
export function watchPendingMarks(
  database: MentorlogDatabase,
  onMarks: (marks: SyncPendingMark[]) => void,
): () => void {
  const subscription = liveQuery(() => database.syncPending.toArray()).subscribe({
    next: onMarks,
    // A failed read leaves the count as it was; the next change reads again.
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}

/** Reads a fact about the sync itself (src/db/syncTables.ts `SyncMeta`). */
export async function readSyncMeta(database: MentorlogDatabase, key: string): Promise<string | null> {
  return (await database.syncMeta.get(key))?.value ?? null;
}

export async function writeSyncMeta(database: MentorlogDatabase, key: string, value: string): Promise<void> {
  await database.syncMeta.put({ key, value });
}

/** Forgets every checkpoint, rev, pending mark and fact of the sync. The records stay. */
export async function clearSyncBookkeeping(database: MentorlogDatabase = appDatabase): Promise<void> {
  await database.transaction('rw', [...SYNC_TABLES], async () => {
    await Promise.all(SYNC_TABLES.map((table) => database.table(table).clear()));
  });
}

/**
 * Makes the bookkeeping that of `owner` (the server and the person signed in): what another
 * server's or another person's sync left is cleared first, since checkpoints and revs mean nothing
 * on another server (the pairs then join with their history again). A first claim clears nothing:
 * changes marked between connecting and the engine's start are kept.
 */
export async function claimSyncBookkeeping(database: MentorlogDatabase, owner: string): Promise<void> {
  await database.transaction('rw', [...SYNC_TABLES], async () => {
    const current = await database.syncMeta.get('owner');
    if (current?.value === owner) return;
    if (current) await Promise.all(SYNC_TABLES.map((table) => database.table(table).clear()));
    await database.syncMeta.put({ key: 'owner', value: owner });
  });
}
