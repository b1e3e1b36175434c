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
 * The dashboard reads the recent records of the program through the `date` indexes, and older
 * ones only for the pairs that need them: never every check-in of every pair. All in one
 * read-only transaction:
 *
 * 1. every pair, and their people (`bulkGet`);
 * 2. the sessions dated in the last RECENT_DAYS days, one key range on `sessions.date`: each pair's
 *    count, action items and (usually) last session;
 * 3. the check-ins dated in those days, one key range on `checkIns.date`: a pair that meets at
 *    least every three weeks has each side's latest TREND_WINDOW check-ins among them.
 *
 * Then, per pair, only where the window fell short (paused, closed or quiet pairs), short reads
 * through the `[pairId+date]` index, newest first, stopping as soon as they have enough:
 *
 * 4. its latest session before the window, when it had none in it;
 * 5. for a side with fewer than TREND_WINDOW shared check-ins in the window, its latest older ones.
 *
 * Two range reads for the whole program instead of two per pair: with 1,000 pairs the per-pair
 * reads cost about a second in Dexie's bookkeeping alone. `summariseRecords` is tested to give the
 * same answer from these records as from all of them.
 */
export async function readDashboard(today: string): Promise<DashboardPair[]> {
  return db.transaction('r', [db.pairs, db.people, db.sessions, db.checkIns], async () => {
    const windowStart = recentWindowStart(today);
    const [allPairs, recentSessions, recentCheckIns] = await Promise.all([
      db.pairs.toArray(),
      db.sessions.where('date').aboveOrEqual(windowStart).toArray(),
      db.checkIns.where('date').aboveOrEqual(windowStart).toArray(),
    ]);
    const pairs = allPairs.filter((pair) => pair.deletedAt === null);
    const people = await peopleById(pairs);
    const sessionsByPair = groupByPair(recentSessions.filter((session) => session.deletedAt === null));
    const checkInsByPair = groupByPair(recentCheckIns);
    return Promise.all(
      pairs.map(async (pair) => {
        const [sessions, checkIns] = await Promise.all([
          withLatestSession(pair.id, sessionsByPair.get(pair.id) ?? [], windowStart),
          withEnoughCheckIns(pair, checkInsByPair.get(pair.id) ?? [], windowStart),
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

function groupByPair<T extends { pairId: string }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const group = groups.get(record.pairId);
    if (group) group.push(record);
    else groups.set(record.pairId, [record]);
  }
  return groups;
}

/** The pair's recent sessions, or when it has none, its latest session before the window. */
async function withLatestSession(pairId: string, recent: Session[], windowStart: string): Promise<Session[]> {
  if (recent.length > 0) return recent;
  const latest = await db.sessions
    .where('[pairId+date]')
    .between([pairId, Dexie.minKey], [pairId, windowStart])
    .reverse()
    .filter((session) => session.deletedAt === null)
    .first();
  return latest ? [latest] : [];
}

/** The pair's recent check-ins shared with the program, and enough older ones for each side. */
async function withEnoughCheckIns(pair: Pair, recent: readonly CheckIn[], windowStart: string): Promise<CheckIn[]> {
  const shared = recent.filter((checkIn) => checkIn.deletedAt === null && scoresSharedWithProgram(checkIn, pair));
  const older = await Promise.all(
    sides.map((side) => {
      const missing = thresholds.TREND_WINDOW - shared.filter((checkIn) => checkIn.side === side).length;
      return missing > 0 ? latestSharedCheckIns(pair, side, windowStart, missing) : [];
    }),
  );
  return [...shared, ...older.flat()];
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
