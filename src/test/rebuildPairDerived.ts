import type { Dexie } from 'dexie';
import type { PairDerived } from '../db/pairDigests';
import type { CheckIn } from '../domain/checkin';
import type { Pair } from '../domain/pair';
import { buildPairDigest } from '../domain/pairDigest';
import { buildPairMonths } from '../domain/pairMonths';
import { scoresSharedWithProgram } from '../domain/programView';
import type { Session } from '../domain/session';

/**
 * A pair's digest and monthly figures built afresh from every one of its records, read the slow
 * and obvious way (whole tables, filtered here) rather than through the index ranges the app
 * reads: what the stored ones must equal after any write.
 */
export async function rebuildPairDerived(db: Dexie, pairId: string, today: string): Promise<PairDerived> {
  const [pair, allSessions, allCheckIns] = await Promise.all([
    db.table<Pair, string>('pairs').get(pairId),
    db.table<Session, string>('sessions').toArray(),
    db.table<CheckIn, string>('checkIns').toArray(),
  ]);
  const sessions = allSessions.filter((session) => session.pairId === pairId);
  const checkIns = allCheckIns.filter((checkIn) => checkIn.pairId === pairId);
  const liveSessions = sessions.filter((session) => session.deletedAt === null);
  const lastSessionDate = liveSessions.reduce<string | null>((latest, session) => (latest === null || session.date > latest ? session.date : latest), null);
  const sharedCheckIns = pair ? checkIns.filter((checkIn) => checkIn.deletedAt === null && scoresSharedWithProgram(checkIn, pair)) : [];
  return {
    digest: buildPairDigest({
      pairId,
      writtenOn: today,
      lastSessionDate,
      sessions: liveSessions,
      // Newest first, check-ins of the same day by id: the order the app reads them in.
      sharedCheckIns: sharedCheckIns.sort((a, b) => b.date.localeCompare(a.date) || compareIds(b.id, a.id)),
    }),
    months: pair ? buildPairMonths({ pair, writtenOn: today, sessions, checkIns }) : undefined,
  };
}

function compareIds(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
