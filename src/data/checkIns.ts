import { useLiveQuery } from 'dexie-react-hooks';
import { Dexie } from 'dexie';
import { db } from '../db/database';
import { refreshPairDigests } from '../db/pairDigests';
import { checkInSchema, type CheckIn } from '../domain/checkin';
import { askForPersistenceOnce } from './storagePersistence';

/** A pair's check-ins from both sides, newest first. Callers filter by visibility. */
export function usePairCheckIns(pairId: string | undefined): CheckIn[] | undefined {
  return useLiveQuery(async () => {
    if (!pairId) return [];
    const checkIns = await db.checkIns
      .where('[pairId+date]')
      .between([pairId, Dexie.minKey], [pairId, Dexie.maxKey])
      .reverse()
      .toArray();
    return checkIns.filter((checkIn) => checkIn.deletedAt === null);
  }, [pairId]);
}

export function useCheckIn(id: string | undefined): CheckIn | null | undefined {
  return useLiveQuery(async () => {
    const checkIn = id ? await db.checkIns.get(id) : undefined;
    return checkIn && checkIn.deletedAt === null ? checkIn : null;
  }, [id]);
}

export async function saveCheckIn(checkIn: CheckIn): Promise<void> {
  const valid = checkInSchema.parse(checkIn);
  await db.transaction('rw', [db.pairs, db.sessions, db.checkIns, db.pairDigests, db.pairMonths], async () => {
    await db.checkIns.add(valid);
    await refreshPairDigests(db, [valid.pairId]);
  });
  void askForPersistenceOnce();
}
