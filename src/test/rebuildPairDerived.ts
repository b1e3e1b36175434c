import type { Dexie } from 'dexie';
import type { MonthLog } from '../db/monthLogs';
import type { PairDerived } from '../db/pairDigests';
import type { CheckIn } from '../domain/checkIn';
import type { Pair } from '../domain/pair';
import { buildPairDigest } from '../domain/pairDigest';
import { buildPairMonths } from '../domain/pairMonths';
import { scoresSharedWithProgram } from '../domain/programView';
import type { Session } from '../domain/session';

/**
 * A pair's digest and monthly figures built afresh from every one of its records, read the slow
 * and obvious way (whole tables, filtered here) rather than through the ranges the app reads: what
 * the stored ones must equal after any write. Reads the per-record tables of a database at
 * version 4 or before (the migration tests), the month logs after.
 */
export async function rebuildPairDerived(db: Dexie, pairId: string, today: string): Promise<PairDerived> {
  const [pair, stored] = await Promise.all([db.table<Pair, string>('pairs').get(pairId), storedIn(db)]);
  const { sessions: allSessions, checkIns: allCheckIns } = stored;
  const sessions = allSessions.filter((session) => session.pairId === pairId);
  const checkIns = allCheckIns.filter((checkIn) => checkIn.pairId === pairId);
  const liveSessions = sessions.filter((session) => session.deletedAt === null);
  const lastSessionDate = liveSessions.reduce<string | null>(
    (latest, session) => (latest === null || session.date > latest ? session.date : latest),
    null,
  );
  const sharedCheckIns = pair
    ? checkIns.filter((checkIn) => checkIn.deletedAt === null && scoresSharedWithProgram(checkIn, pair))
    : [];
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

/** Every session and check-in in the database, whichever layout its version stores them in. */
async function storedIn(db: Dexie): Promise<{ sessions: Session[]; checkIns: CheckIn[] }> {
  const names = db.tables.map((table) => table.name);
  if (names.includes('sessions')) {
    const [sessions, checkIns] = await Promise.all([
      db.table<Session, string>('sessions').toArray(),
      db.table<CheckIn, string>('checkIns').toArray(),
    ]);
    return { sessions, checkIns };
  }
  const logs = await db.table<MonthLog>('monthLogs').toArray();
  return { sessions: logs.flatMap((log) => log.sessions), checkIns: logs.flatMap((log) => log.checkIns) };
}
