import { db, pairWriteTables, pendingMarkTables } from '../db/database';
import {
  changeRecords,
  MonthLogDraft,
  readPairLogs,
  recordsInMonths,
  writeDraft,
  type LoggedRef,
  type LoggedTable,
} from '../db/monthLogs';
import { refreshPairDigests } from '../db/pairDigests';
import type { RecordFields } from '../domain/record';
import type { SyncRecord } from '../domain/syncedRecord';
import { nextChangeStamp } from './changeStamp';
import { markPending } from './pendingChanges';

/** Puts back exactly the records one deletion marked, and nothing else. */
export type Undo = () => Promise<void>;

/** What one deletion marked: the pair itself, if it was deleted, and sessions and check-ins. */
interface Marked {
  pairId: string | null;
  records: { table: LoggedTable; refs: LoggedRef[] }[];
}

/**
 * A record's fields after a deletion (or its undo) at `stamp`. Deletion is a soft delete: the
 * record keeps its data and gets `deletedAt` (and a new `updatedAt`, so that a merge with another
 * device's copy sees the deletion as the newer change). Every read in src/data skips deleted
 * records, so a deleted record is not shown again.
 */
const stamped =
  (deletedAt: string | null, updatedAt: string) =>
  <T extends RecordFields>(record: T): T => ({ ...record, deletedAt, updatedAt });

/** The sessions or check-ins of a month log's table, as records that sync. */
function asSynced(table: LoggedTable, records: readonly RecordFields[]): SyncRecord[] {
  const type = table === 'sessions' ? 'session' : 'checkIn';
  return records.map((record) => ({ type, record }) as SyncRecord);
}

/**
 * The undo of a deletion made at `stamp`: restores the records it marked, in one transaction.
 * A record whose `deletedAt` is no longer that stamp was changed since (say, by a backup merged
 * in from another device) and is left as it is.
 */
function undoFor(marked: Marked, stamp: string, refreshPairIds: string[]): Undo {
  return async () => {
    // Strictly after the deletion, even within the same millisecond, so that a merge by newest
    // change always prefers the restored record to a copy of the deleted one.
    const restore = stamped(null, nextChangeStamp(stamp));
    await db.transaction('rw', pairWriteTables(db), async () => {
      const restored: SyncRecord[] = [];
      if (marked.pairId !== null) {
        const pair = await db.pairs.get(marked.pairId);
        if (pair && pair.deletedAt === stamp) {
          await db.pairs.put(restore(pair));
          restored.push({ type: 'pair', record: restore(pair) });
        }
      }
      for (const { table, refs } of marked.records) {
        const changed: RecordFields[] = [];
        await changeRecords(db, table, refs, (record) => {
          if (record.deletedAt !== stamp) return record;
          const back = restore(record);
          changed.push(back);
          return back;
        });
        restored.push(...asSynced(table, changed));
      }
      await refreshPairDigests(db, refreshPairIds);
      await markPending(db, restored);
    });
  };
}

/** Deletes one session or check-in, found by its id, pair and date. */
async function deleteRecord(table: LoggedTable, ref: LoggedRef, alreadyDeleted: string): Promise<Undo> {
  let stamp = '';
  const marked: Marked = { pairId: null, records: [{ table, refs: [ref] }] };
  await db.transaction('rw', pairWriteTables(db), async () => {
    const deleted: RecordFields[] = [];
    const [held] = await changeRecords(db, table, [ref], (record) => {
      if (record.deletedAt !== null) return record;
      stamp = nextChangeStamp(record.updatedAt);
      deleted.push(stamped(stamp, stamp)(record));
      return deleted[0] as typeof record;
    });
    if (!held || held.deletedAt !== null) throw new Error(alreadyDeleted);
    await refreshPairDigests(db, [ref.pairId]);
    await markPending(db, asSynced(table, deleted));
  });
  return undoFor(marked, stamp, [ref.pairId]);
}

export function deleteSession(session: LoggedRef): Promise<Undo> {
  return deleteRecord('sessions', session, 'That session was already deleted.');
}

export function deleteCheckIn(checkIn: LoggedRef): Promise<Undo> {
  return deleteRecord('checkIns', checkIn, 'That check-in was already deleted.');
}

export interface PairDeletion {
  undo: Undo;
  sessions: number;
  checkIns: number;
}

const live = <T extends { deletedAt: string | null }>(records: readonly T[]): T[] =>
  records.filter((record) => record.deletedAt === null);

/**
 * Deletes a pair with its sessions and check-ins, in one transaction, so that no session is left
 * pointing at a deleted pair. The undo restores exactly these records: a session deleted on its
 * own before stays deleted.
 */
export async function deletePair(pairId: string): Promise<PairDeletion> {
  let stamp = '';
  const marked = await db.transaction('rw', [db.pairs, db.monthLogs, ...pendingMarkTables(db)], async () => {
    const pair = await db.pairs.get(pairId);
    if (!pair || pair.deletedAt !== null) throw new Error('That pair was already deleted.');
    const logs = await readPairLogs(db, pairId);
    const { sessions, checkIns } = recordsInMonths(logs);
    const [liveSessions, liveCheckIns] = [live(sessions), live(checkIns)];
    // Later than every version it deletes, so that the deletion wins over each of them.
    const latest = [pair, ...liveSessions, ...liveCheckIns].reduce(
      (max, record) => (Date.parse(record.updatedAt) > Date.parse(max) ? record.updatedAt : max),
      pair.updatedAt,
    );
    stamp = nextChangeStamp(latest);
    const deleted = stamped(stamp, stamp);
    const [deletedSessions, deletedCheckIns] = [liveSessions.map(deleted), liveCheckIns.map(deleted)];
    await db.pairs.put(deleted(pair));
    // Marked in the months just read, rather than read again by id.
    await writeDraft(db, new MonthLogDraft(logs).put('sessions', deletedSessions).put('checkIns', deletedCheckIns));
    await markPending(db, [
      { type: 'pair', record: deleted(pair) },
      ...asSynced('sessions', deletedSessions),
      ...asSynced('checkIns', deletedCheckIns),
    ]);
    const marked: Marked = {
      pairId,
      records: [
        { table: 'sessions', refs: liveSessions },
        { table: 'checkIns', refs: liveCheckIns },
      ],
    };
    return marked;
  });
  return {
    // The pair's digest and monthly figures were left as they were (the dashboard and the program's
    // months skip deleted pairs), so undo needs no rewrite.
    undo: undoFor(marked, stamp, []),
    sessions: marked.records[0]?.refs.length ?? 0,
    checkIns: marked.records[1]?.refs.length ?? 0,
  };
}
