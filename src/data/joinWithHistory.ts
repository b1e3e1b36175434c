import { db as appDatabase, pendingMarkTables, type MentorlogDatabase } from '../db/database';
import { readPairLogs, recordsInMonths } from '../db/monthLogs';
import type { SyncAccount } from '../domain/syncAccount';
import type { SyncRecord } from '../domain/syncedRecord';
import { markPending } from './pendingChanges';

/*
 * A pair kept on this device before the program had a server joins with its history: the first
 * time an account names it, everything of it the account sends (src/data/pendingChanges.ts: not a
 * wholly private check-in, not a partner's check-in, only pairs and people for a coordinator) is
 * marked pending, once. Each batch of pairs is marked and noted as joined in one transaction, so a
 * join cut short resumes with the pairs not yet noted, and a pair is never marked twice.
 */

const JOIN_BATCH = 50;
const joinedKey = (pairId: string) => `joined:${pairId}`;

/** Marks the history of the account's pairs that have not joined yet; returns how many records it marked. */
export async function joinWithHistory(database: MentorlogDatabase, account: SyncAccount): Promise<number> {
  let marked = 0;
  for (let start = 0; start < account.pairIds.length; start += JOIN_BATCH) {
    const batch = account.pairIds.slice(start, start + JOIN_BATCH);
    marked += await database.transaction(
      'rw',
      [database.pairs, database.people, database.monthLogs, database.syncMeta, ...pendingMarkTables(database)],
      async () => {
        const joined = await database.syncMeta.bulkGet(batch.map(joinedKey));
        const joining = batch.filter((_, index) => joined[index] === undefined);
        if (joining.length === 0) return 0;
        const pairs = (await database.pairs.bulkGet(joining)).filter((pair) => pair !== undefined);
        const people = await database.people.bulkGet(pairs.flatMap((pair) => [pair.mentorId, pair.menteeId]));
        const entries: SyncRecord[] = [
          ...pairs.map((record): SyncRecord => ({ type: 'pair', record })),
          ...people.flatMap((record): SyncRecord[] => (record ? [{ type: 'person', record }] : [])),
        ];
        if (account.role === 'partner') {
          const logs = (await Promise.all(pairs.map((pair) => readPairLogs(database, pair.id)))).flat();
          const { sessions, checkIns } = recordsInMonths(logs);
          entries.push(
            ...sessions.map((record): SyncRecord => ({ type: 'session', record })),
            ...checkIns
              .filter((checkIn) => checkIn.raterId === account.personId)
              .map((record): SyncRecord => ({ type: 'checkIn', record })),
          );
        }
        const count = await markPending(database, entries, account);
        await database.syncMeta.bulkPut(joining.map((pairId) => ({ key: joinedKey(pairId), value: 'yes' })));
        return count;
      },
    );
  }
  return marked;
}

/**
 * Has the pair join with its history again at the next start: when a pair synced before its
 * records were sealed gets its keys, everything of it this device sends goes again, sealed, over
 * the readable copies on the server (resumable: the marks are kept until each reaches the server).
 */
export async function joinAgainWithHistory(pairId: string, database: MentorlogDatabase = appDatabase): Promise<void> {
  await database.syncMeta.delete(joinedKey(pairId));
}
