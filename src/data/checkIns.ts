import { db, pairWriteTables } from '../db/database';
import { addRecord } from '../db/monthLogs';
import { refreshPairDigests } from '../db/pairDigests';
import { checkInSchema, type CheckIn } from '../domain/checkin';
import { askForPersistenceOnce } from './storagePersistence';

export async function saveCheckIn(checkIn: CheckIn): Promise<void> {
  const valid = checkInSchema.parse(checkIn);
  await db.transaction('rw', pairWriteTables(db), async () => {
    await addRecord(db, 'checkIns', valid);
    await refreshPairDigests(db, [valid.pairId]);
  });
  void askForPersistenceOnce();
}
