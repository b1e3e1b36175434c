import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db/database';
import type { CheckIn } from '../domain/checkin';
import type { Pair } from '../domain/pair';
import { recentWindowStart, summariseRecords, type PairSummary } from '../domain/pairSummary';
import type { Person } from '../domain/person';
import { monthOf, programAggregates, reportMonths, type MonthlyAggregate } from '../domain/programAggregates';
import { programCheckIns, scoresSharedWithProgram } from '../domain/programView';
import type { Session } from '../domain/session';
import { sides, type Side } from '../domain/side';
import { thresholds } from '../domain/trend';

export interface DashboardPair {
  pair: Pair;
  mentor: Person | undefined;
  mentee: Person | undefined;
  summary: PairSummary;
}

/**
 * Every pair with its dashboard summary, live. See `readDashboard` for what it reads.
 */
export function useDashboard(today: string): DashboardPair[] | undefined {
  return useLiveQuery(() => readDashboard(today), [today]);
}

/**
 * The dashboard reads a few records per pair through the [pairId+date] indexes, never every
 * check-in of every pair, all in one read-only transaction. Per pair, two key-range reads, each
 * one IndexedDB request (`getAll` over the range), run in parallel:
 *
 * 1. its sessions of the last RECENT_DAYS days (to count them, and for their action items);
 * 2. its check-ins of the same days.
 *
 * A pair that meets at least every three weeks has the TREND_WINDOW latest check-ins of each side
 * among those. Only when it has not, a third and fourth read fill in:
 *
 * 3. when there was no recent session, its latest session before the window (last-session date);
 * 4. for a side with fewer than TREND_WINDOW shared check-ins in the window, its latest older ones,
 *    walking the index newest first and stopping as soon as it has enough.
 *
 * `summariseRecords` is tested to give the same answer from these records as from all of them.
 * Walking a cursor costs a request per record, which is why it is only the fallback.
 */
export async function readDashboard(today: string): Promise<DashboardPair[]> {
  return db.transaction('r', [db.pairs, db.people, db.sessions, db.checkIns], async () => {
    const pairs = (await db.pairs.toArray()).filter((pair) => pair.deletedAt === null);
    const people = await peopleById(pairs);
    const windowStart = recentWindowStart(today);
    return Promise.all(
      pairs.map(async (pair) => {
        const [sessions, checkIns] = await Promise.all([
          sessionsForSummary(pair.id, windowStart),
          sharedCheckInsForSummary(pair, windowStart),
        ]);
        return {
          pair,
          mentor: people.get(pair.mentorId),
          mentee: people.get(pair.menteeId),
          summary: summariseRecords(pair, sessions, checkIns, today),
        };
      }),
    );
  });
}

/** How many months the program's trends cover, at most. */
export const PROGRAM_TREND_MONTHS = 12;

/**
 * The program's month-by-month figures, live, for the last PROGRAM_TREND_MONTHS months. A separate
 * query from the dashboard's table, so the table shows first: it scans the check-ins and sessions
 * of those months once each through their `date` indexes, and uses only check-ins shared with the
 * program.
 */
export function useProgramMonths(today: string): MonthlyAggregate[] | undefined {
  return useLiveQuery(
    () =>
      db.transaction('r', [db.pairs, db.sessions, db.checkIns], async () => {
        const pairs = await db.pairs.toArray();
        const { from, to } = reportMonths(pairs, today, PROGRAM_TREND_MONTHS);
        const firstDay = `${from}-01`;
        const [sessions, checkIns] = await Promise.all([
          db.sessions.where('date').aboveOrEqual(firstDay).toArray(),
          db.checkIns.where('date').aboveOrEqual(firstDay).toArray(),
        ]);
        const pairsById = new Map(pairs.map((pair) => [pair.id, pair]));
        const shared = checkIns.filter((checkIn) => {
          const pair = pairsById.get(checkIn.pairId);
          return pair !== undefined && scoresSharedWithProgram(checkIn, pair);
        });
        return programAggregates({
          pairs,
          sessions: sessions.filter((session) => monthOf(session.date) <= to),
          checkIns: shared,
          from,
          to,
        });
      }),
    [today],
  );
}

export interface SharedCheckInRecord {
  checkIn: CheckIn;
  pair: Pair;
  mentor: Person | undefined;
  mentee: Person | undefined;
}

/**
 * Every check-in whose scores were shared with the program, oldest first, with its words only if
 * those were shared with the program too: what the coordinator may export. Read once, on demand.
 */
export async function readProgramCheckIns(): Promise<SharedCheckInRecord[]> {
  return db.transaction('r', [db.pairs, db.people, db.checkIns], async () => {
    const pairs = (await db.pairs.toArray()).filter((pair) => pair.deletedAt === null);
    const pairsById = new Map(pairs.map((pair) => [pair.id, pair]));
    const people = await peopleById(pairs);
    const checkIns = await db.checkIns.orderBy('date').toArray();
    return checkIns.flatMap((checkIn) => {
      const pair = pairsById.get(checkIn.pairId);
      if (!pair) return [];
      return programCheckIns([checkIn], pair).map((shared) => ({
        checkIn: shared,
        pair,
        mentor: people.get(pair.mentorId),
        mentee: people.get(pair.menteeId),
      }));
    });
  });
}

async function peopleById(pairs: readonly Pair[]): Promise<Map<string, Person>> {
  const ids = [...new Set(pairs.flatMap((pair) => [pair.mentorId, pair.menteeId]))];
  const people = await db.people.bulkGet(ids);
  return new Map(people.flatMap((person) => (person ? [[person.id, person] as const] : [])));
}

async function sessionsForSummary(pairId: string, windowStart: string): Promise<Session[]> {
  const recent = (
    await db.sessions.where('[pairId+date]').between([pairId, windowStart], [pairId, Dexie.maxKey]).toArray()
  ).filter((session) => session.deletedAt === null);
  if (recent.length > 0) return recent;
  const latest = await db.sessions
    .where('[pairId+date]')
    .between([pairId, Dexie.minKey], [pairId, windowStart])
    .reverse()
    .filter((session) => session.deletedAt === null)
    .first();
  return latest ? [latest] : [];
}

/** The pair's check-ins shared with the program: all from the window, and enough older ones per side. */
async function sharedCheckInsForSummary(pair: Pair, windowStart: string): Promise<CheckIn[]> {
  const shared = (checkIn: CheckIn) => checkIn.deletedAt === null && scoresSharedWithProgram(checkIn, pair);
  const recent = (
    await db.checkIns.where('[pairId+date]').between([pair.id, windowStart], [pair.id, Dexie.maxKey], true, true).toArray()
  ).filter(shared);
  const older = await Promise.all(
    sides.map((side) => {
      const missing = thresholds.TREND_WINDOW - recent.filter((checkIn) => checkIn.side === side).length;
      return missing > 0 ? latestSharedCheckIns(pair, side, windowStart, missing) : [];
    }),
  );
  return [...recent, ...older.flat()];
}

/**
 * One side's latest shared check-ins dated before `before`. Two check-ins of one side on the same
 * day come out of the index in id order, not time order; that can only matter for which of them is
 * the last one taken, and the trend re-sorts what it is given by date and time.
 */
async function latestSharedCheckIns(pair: Pair, side: Side, before: string, count: number): Promise<CheckIn[]> {
  return db.checkIns
    .where('[pairId+date]')
    .between([pair.id, Dexie.minKey], [pair.id, before])
    .reverse()
    .filter((checkIn) => checkIn.side === side && checkIn.deletedAt === null && scoresSharedWithProgram(checkIn, pair))
    .limit(count)
    .toArray();
}
