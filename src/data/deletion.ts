import { Dexie } from 'dexie';
import { db } from '../db/database';
import { refreshPairDigests } from '../db/pairDigests';
import type { RecordFields } from '../domain/record';

/** Puts back exactly the records one deletion marked, and nothing else. */
export type Undo = () => Promise<void>;

type DeletableTable = 'pairs' | 'sessions' | 'checkIns';

interface Marked {
  table: DeletableTable;
  ids: string[];
}

/** The fields deletion touches are the same in every table. */
const recordTable = (name: DeletableTable) => db.table<RecordFields, string>(name);

/**
 * Deletion is a soft delete: the record keeps its data and gets `deletedAt` (and a new
 * `updatedAt`, so that a merge with another device's copy sees the deletion as the newer change).
 * Every read in src/data skips deleted records, so a deleted record is not shown again.
 */
async function markDeleted(parts: Marked[], stamp: string): Promise<void> {
  for (const { table, ids } of parts) {
    if (ids.length > 0) {
      await recordTable(table).bulkUpdate(ids.map((id) => ({ key: id, changes: { deletedAt: stamp, updatedAt: stamp } })));
    }
  }
}

/**
 * The undo of a deletion made at `stamp`: restores the records it marked, in one transaction.
 * A record whose `deletedAt` is no longer that stamp was changed since (say, by a backup merged
 * in from another device) and is left as it is.
 */
function undoFor(parts: Marked[], stamp: string, pairIds: string[]): Undo {
  return async () => {
    // Strictly after the deletion, even within the same millisecond, so that a merge by newest
    // change always prefers the restored record to a copy of the deleted one.
    const restoredAt = new Date(Math.max(Date.now(), Date.parse(stamp) + 1)).toISOString();
    await db.transaction('rw', [db.pairs, db.sessions, db.checkIns, db.pairDigests, db.pairMonths], async () => {
      for (const { table, ids } of parts) {
        const records = await recordTable(table).bulkGet(ids);
        const still = records.flatMap((record) => (record && record.deletedAt === stamp ? [record.id] : []));
        if (still.length > 0) {
          await recordTable(table).bulkUpdate(still.map((id) => ({ key: id, changes: { deletedAt: null, updatedAt: restoredAt } })));
        }
      }
      await refreshPairDigests(db, pairIds);
    });
  };
}

export async function deleteSession(sessionId: string): Promise<Undo> {
  const stamp = new Date().toISOString();
  const parts: Marked[] = [{ table: 'sessions', ids: [sessionId] }];
  const pairId = await db.transaction('rw', [db.pairs, db.sessions, db.checkIns, db.pairDigests, db.pairMonths], async () => {
    const session = await db.sessions.get(sessionId);
    if (!session || session.deletedAt !== null) throw new Error('That session was already deleted.');
    await markDeleted(parts, stamp);
    await refreshPairDigests(db, [session.pairId]);
    return session.pairId;
  });
  return undoFor(parts, stamp, [pairId]);
}

export async function deleteCheckIn(checkInId: string): Promise<Undo> {
  const stamp = new Date().toISOString();
  const parts: Marked[] = [{ table: 'checkIns', ids: [checkInId] }];
  const pairId = await db.transaction('rw', [db.pairs, db.sessions, db.checkIns, db.pairDigests, db.pairMonths], async () => {
    const checkIn = await db.checkIns.get(checkInId);
    if (!checkIn || checkIn.deletedAt !== null) throw new Error('That check-in was already deleted.');
    await markDeleted(parts, stamp);
    await refreshPairDigests(db, [checkIn.pairId]);
    return checkIn.pairId;
  });
  return undoFor(parts, stamp, [pairId]);
}

export interface PairDeletion {
  undo: Undo;
  sessions: number;
  checkIns: number;
}

/**
 * Deletes a pair with its sessions and check-ins, in one transaction, so that no session is left
 * pointing at a deleted pair. The undo restores exactly these records: a session deleted on its
 * own before stays deleted.
 */
export async function deletePair(pairId: string): Promise<PairDeletion> {
  const stamp = new Date().toISOString();
  const range = [
    [pairId, Dexie.minKey],
    [pairId, Dexie.maxKey],
  ] as const;
  const parts = await db.transaction('rw', db.pairs, db.sessions, db.checkIns, async () => {
    const pair = await db.pairs.get(pairId);
    if (!pair || pair.deletedAt !== null) throw new Error('That pair was already deleted.');
    const [sessionIds, checkInIds] = await Promise.all([
      db.sessions
        .where('[pairId+date]')
        .between(...range, true, true)
        .filter((session) => session.deletedAt === null)
        .primaryKeys(),
      db.checkIns
        .where('[pairId+date]')
        .between(...range, true, true)
        .filter((checkIn) => checkIn.deletedAt === null)
        .primaryKeys(),
    ]);
    const marked: Marked[] = [
      { table: 'pairs', ids: [pairId] },
      { table: 'sessions', ids: sessionIds },
      { table: 'checkIns', ids: checkInIds },
    ];
    await markDeleted(marked, stamp);
    return marked;
  });
  return {
    // The pair's digest and monthly figures were left as they were (the dashboard and the program's
    // months skip deleted pairs), so undo needs no rewrite.
    undo: undoFor(parts, stamp, []),
    sessions: parts[1]?.ids.length ?? 0,
    checkIns: parts[2]?.ids.length ?? 0,
  };
}
