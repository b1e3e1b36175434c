import { db, pairWriteTables, type MentorlogDatabase } from '../db/database';
import { addPairRecord } from '../db/pairDigests';
import { checkInSchema, type CheckIn } from '../domain/checkIn';
import { unlockedVaultKey } from './appLock';
import { prepareWrite, writeLockedWords } from './lockedWords';
import { markPendingOf } from './pendingChanges';
import { askForPersistenceOnce } from './storagePersistence';

export async function saveCheckIn(checkIn: CheckIn, database: MentorlogDatabase = db): Promise<void> {
  const valid = checkInSchema.parse(checkIn);
  // Sealed before the transaction: an await on Web Crypto inside it would commit it early.
  const { stored, row } = await prepareWrite('checkIns', valid, unlockedVaultKey());
  await database.transaction('rw', [...pairWriteTables(database), database.lockedWords], async () => {
    await addPairRecord(database, 'checkIns', stored);
    if (row) await writeLockedWords(database, stored.id, row);
    await markPendingOf(database, 'checkIn', [stored]);
  });
  void askForPersistenceOnce();
}
