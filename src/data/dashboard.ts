import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db/database';
import type { CheckIn } from '../domain/checkin';
import type { Pair } from '../domain/pair';
import { digestSessions } from '../domain/pairDigest';
import { summariseRecords, type PairSummary } from '../domain/pairSummary';
import type { Person } from '../domain/person';
import { programAggregates, reportMonths, type MonthlyAggregate } from '../domain/programAggregates';
import { programCheckIns } from '../domain/programView';
import { PROGRAM_TREND_MONTHS } from '../domain/thresholds';
import { partnersOf } from './people';

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
 * The dashboard reads three things, whatever the size of the program: every pair, their people,
 * and every pair's digest (src/db/pairDigests.ts) — the recent sessions and the latest check-ins
 * shared with the program, kept up to date by every write. Never a pair's sessions or check-ins
 * themselves. `summariseRecords` is tested to give the same answer from a digest's records as
 * from all of them.
 */
export async function readDashboard(today: string): Promise<DashboardPair[]> {
  return db.transaction('r', [db.pairs, db.people, db.pairDigests], async () => {
    const [allPairs, digests] = await Promise.all([db.pairs.toArray(), db.pairDigests.toArray()]);
    const pairs = allPairs.filter((pair) => pair.deletedAt === null);
    const people = await partnersOf(pairs);
    const digestByPair = new Map(digests.map((digest) => [digest.pairId, digest]));
    return pairs.map((pair) => {
      const digest = digestByPair.get(pair.id);
      return {
        pair,
        mentor: people.get(pair.mentorId),
        mentee: people.get(pair.menteeId),
        summary: summariseRecords(pair, digestSessions(digest), digest?.sharedCheckIns ?? [], today),
      };
    });
  });
}

/**
 * The program's month-by-month figures, live, for the last PROGRAM_TREND_MONTHS months. A separate
 * query from the dashboard's table, so the table shows first. See `readProgramMonths`.
 */
export function useProgramMonths(today: string): MonthlyAggregate[] | undefined {
  return useLiveQuery(() => readProgramMonths(today), [today]);
}

/**
 * Reads every pair and every pair's monthly figures (src/db/pairDigests.ts), kept up to date by
 * every write: never the sessions or check-ins themselves. Besides being one small record per
 * pair, that means a write re-runs this query only by rewriting a pair's figures, not by landing
 * anywhere in a year of dates.
 */
export async function readProgramMonths(today: string): Promise<MonthlyAggregate[]> {
  return db.transaction('r', [db.pairs, db.pairMonths], async () => {
    const [pairs, pairMonths] = await Promise.all([db.pairs.toArray(), db.pairMonths.toArray()]);
    const { from, to } = reportMonths(pairs, today, PROGRAM_TREND_MONTHS);
    return programAggregates({ pairs, pairMonths, from, to });
  });
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
    const people = await partnersOf(pairs);
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
