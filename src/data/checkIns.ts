import { db, pairWriteTables } from '../db/database';
import { addPairRecord } from '../db/pairDigests';
import { checkInSchema, type CheckIn } from '../domain/checkIn';
import { askForPersistenceOnce } from './storagePersistence';

export async function saveCheckIn(checkIn: CheckIn): Promise<void> {
  const valid = checkInSchema.parse(checkIn);
  await db.transaction('rw', pairWriteTables(db), () => addPairRecord(db, 'checkIns', valid));
  void askForPersistenceOnce();
}
