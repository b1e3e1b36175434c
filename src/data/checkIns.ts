import { db } from '../db/database';
import { refreshPairDigests } from '../db/pairDigests';
import { checkInSchema, type CheckIn } from '../domain/checkin';
import { askForPersistenceOnce } from './storagePersistence';

export async function saveCheckIn(checkIn: CheckIn): Promise<void> {
  const valid = checkInSchema.parse(checkIn);
  await db.transaction('rw', [db.pairs, db.sessions, db.checkIns, db.pairDigests, db.pairMonths], async () => {
    await db.checkIns.add(valid);
    await refreshPairDigests(db, [valid.pairId]);
  });
  void askForPersistenceOnce();
}
