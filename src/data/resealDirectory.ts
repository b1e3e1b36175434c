import { db as appDatabase, pendingMarkTables, type MentorlogDatabase } from '../db/database';
import type { SyncAccount } from '../domain/syncAccount';
import type { SyncRecord } from '../domain/syncedRecord';
import { markPending } from './pendingChanges';
import { readSyncMeta, writeSyncMeta } from './syncBookkeeping';

/*
 * The program's directory sealed after it held readable pairs and people (src/sync/programKey.ts):
 * every pair and person on the coordinator's device is marked to go again, and the sync then
 * writes each, sealed, over its readable copy on the server. The due flag is set before the key
 * is kept and cleared once every record is marked; the marks stay until each reaches the server,
 * so a reseal cut short (the tab closed, storage failing) resumes at the next start, and the
 * status's "changes waiting" counts down as it goes.
 */

const RESEAL_KEY = 'resealDirectory';
const RESEAL_BATCH = 500;

/** Notes that the directory's records are to be sent again, sealed (before the program key is kept). */
export function resealDirectoryLater(database: MentorlogDatabase = appDatabase): Promise<void> {
  return writeSyncMeta(database, RESEAL_KEY, 'due');
}

async function markAll(
  database: MentorlogDatabase,
  account: Pick<SyncAccount, 'role' | 'pairIds'>,
  type: 'pair' | 'person',
): Promise<number> {
  const table = type === 'pair' ? database.pairs : database.people;
  const ids = (await table.toCollection().primaryKeys()) as string[];
  let marked = 0;
  for (let start = 0; start < ids.length; start += RESEAL_BATCH) {
    const batch = ids.slice(start, start + RESEAL_BATCH);
    marked += await database.transaction('rw', [table, ...pendingMarkTables(database)], async () => {
      const records = (await table.bulkGet(batch)).filter((record) => record !== undefined);
      return markPending(
        database,
        records.map((record) => ({ type, record }) as SyncRecord),
        account,
      );
    });
  }
  return marked;
}

/**
 * When a reseal is due and `holdsKey` (the program key is on this device), marks every pair and
 * person to be sent again; returns how many it marked. Only a coordinator's device sends them to
 * the directory.
 */
export async function resealDirectoryIfDue(
  account: Pick<SyncAccount, 'role' | 'pairIds'> | null,
  holdsKey: boolean,
  database: MentorlogDatabase = appDatabase,
): Promise<number> {
  if (account?.role !== 'coordinator' || !holdsKey) return 0;
  if ((await readSyncMeta(database, RESEAL_KEY)) !== 'due') return 0;
  const marked = (await markAll(database, account, 'pair')) + (await markAll(database, account, 'person'));
  await writeSyncMeta(database, RESEAL_KEY, 'done');
  return marked;
}
