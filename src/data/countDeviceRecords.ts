import { db as appDatabase, type MentorlogDatabase } from '../db/database';
import { countLogged } from '../db/monthLogs';
import type { BackupTable } from '../domain/backupRecords';

/** How many records each table holds, deleted ones included: what a device backup would carry. */
export async function countDeviceRecords(
  database: MentorlogDatabase = appDatabase,
): Promise<Record<BackupTable, number>> {
  const [people, pairs, { sessions, checkIns }] = await Promise.all([
    database.people.count(),
    database.pairs.count(),
    countLogged(database),
  ]);
  return { people, pairs, sessions, checkIns };
}
