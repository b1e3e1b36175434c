import { db, pairWriteTables, type MentorlogDatabase } from '../db/database';
import { addPairRecord } from '../db/pairDigests';
import { checkInSchema, type CheckIn } from '../domain/checkIn';
import { markPendingOf } from './pendingChanges';
import { askForPersistenceOnce } from './storagePersistence';

export async function saveCheckIn(checkIn: CheckIn, database: MentorlogDatabase = db): Promise<void> {
  const valid = checkInSchema.parse(checkIn);
  await database.transaction('rw', pairWriteTables(database), async () => {
    await addPairRecord(database, 'checkIns', valid);
    await markPendingOf(database, 'checkIn', [valid]);
  });
  void askForPersistenceOnce();
}
