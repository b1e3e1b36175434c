import { useDeferredValue, useMemo } from 'react';
import { db } from '../db/database';
import { byDateThenId, readAllLogged } from '../db/monthLogs';
import type { CheckIn } from '../domain/checkIn';
import { noCheckInFacts } from '../domain/checkInFacts';
import type { Pair } from '../domain/pair';
import { digestSessions } from '../domain/pairDigest';
import type { PairMonths } from '../domain/pairMonths';
import { summariseWithFacts, type PairSummary } from '../domain/pairSummary';
import type { Person } from '../domain/person';
import { programAggregates, reportMonths, type MonthlyAggregate } from '../domain/programAggregates';
import { programCheckIns } from '../domain/programView';
import { PROGRAM_TREND_MONTHS } from '../domain/thresholds';
import { useLiveRecordMap } from './liveRecordMap';
import { keepReadAhead, stopReadAhead } from './readAhead';
import type { RecordMapReader } from './recordMapChanges';
import { pairRowReader } from './pairs';
import { partnersOf } from './people';

export interface DashboardPair {
  pair: Pair;
  mentor: Person | undefined;
  mentee: Person | undefined;
  summary: PairSummary;
}

/**
 * Every pair with its dashboard summary, live. The first read takes every pair, its people and its
 * digest (see `dashboardReader`); after that a write re-reads only the pairs it touched — a check-in
 * saved in another tab costs one pair's digest, not the program's.
 */
export function useDashboard(today: string): DashboardPair[] | undefined {
  const map = useLiveRecordMap(today, dashboardReader(today));
  return useMemo(() => (map ? [...map.values()] : undefined), [map]);
}

/**
 * Reads the dashboard's records now, before the dashboard renders, and keeps them while the app is
 * open (`keepReadAhead`): a coordinator goes back to the dashboard all day, from a pair and back,
 * and each return draws at once, reading only the pairs written meanwhile.
 */
export function keepDashboardRead(today: string): void {
  keepReadAhead(today, dashboardReader(today));
}

/** Forgets the dashboard's kept records: for a device whose viewer is no longer a coordinator, or that locked. */
export function dropDashboardRead(): void {
  if (lastReader) stopReadAhead(lastReader.reader);
}

let lastReader: { today: string; reader: RecordMapReader<DashboardPair> } | null = null;

/**
 * The dashboard's reader for a day: the same one for every caller that day, so a first read is
 * found. It reads three things, whatever the size of the program: every pair, their people, and
 * every pair's digest (src/db/pairDigests.ts) — the recent sessions and the facts of the check-ins
 * shared with the program, kept up to date by every write. Never a pair's sessions or check-ins
 * themselves. The summary from a digest is tested to be the same as from all of a pair's records.
 */
export function dashboardReader(today: string): RecordMapReader<DashboardPair> {
  if (lastReader?.today !== today) {
    // Yesterday's records, read ahead and kept, are of no use today.
    if (lastReader) stopReadAhead(lastReader.reader);
    lastReader = {
      today,
      reader: pairRowReader('pairDigests', (pair, people, digest) => ({
        pair,
        mentor: people.get(pair.mentorId),
        mentee: people.get(pair.menteeId),
        summary: summariseWithFacts(pair, digestSessions(digest), digest?.checkIns ?? noCheckInFacts, today),
      })),
    };
  }
  return lastReader.reader;
}

/** A pair with its monthly figures, for the program's month-by-month trends. */
interface PairWithMonths {
  pair: Pair;
  months: PairMonths | undefined;
}

/**
 * The program's month-by-month figures, live, for the last PROGRAM_TREND_MONTHS months, from every
 * pair and its monthly figures (src/db/pairDigests.ts), kept up to date by every write: never the
 * sessions or check-ins themselves. A separate read from the dashboard's table, so the table shows
 * first; like it, a write re-reads only the pairs it touched.
 */
export function useProgramMonths(today: string): MonthlyAggregate[] | undefined {
  const map = useLiveRecordMap('program-months', programMonthsReader);
  // Adding up the program's months waits until the pairs table has shown the change that set it off.
  const settled = useDeferredValue(map);
  return useMemo(() => (settled ? aggregateMonths([...settled.values()], today) : undefined), [settled, today]);
}

const programMonthsReader: RecordMapReader<PairWithMonths> = {
  tables: ['pairs', 'pairMonths'],
  // Adding up a thousand pairs' months and drawing the chart again takes ~30 ms at size M: after a
  // write, the pairs table's change is read and drawn first, and the month-by-month chart follows
  // within a second, once for all the writes meanwhile. (Every 250 ms, it took ~1.5 s of a
  // coordinator's first sync, whose device writes arriving pages several times a second.)
  settleMs: 1_000,
  readAll: () =>
    db.transaction('r', [db.pairs, db.pairMonths], async () => {
      const [pairs, pairMonths] = await Promise.all([db.pairs.toArray(), db.pairMonths.toArray()]);
      const monthsByPair = new Map(pairMonths.map((months) => [months.pairId, months]));
      return new Map(pairs.map((pair) => [pair.id, { pair, months: monthsByPair.get(pair.id) }]));
    }),
  readSome: (pairIds) =>
    db.transaction('r', [db.pairs, db.pairMonths], async () => {
      const ids = [...pairIds];
      const [pairs, pairMonths] = await Promise.all([db.pairs.bulkGet(ids), db.pairMonths.bulkGet(ids)]);
      return new Map(
        ids.map((id, index) => {
          const pair = pairs[index];
          return [id, pair ? { pair, months: pairMonths[index] } : null] as const;
        }),
      );
    }),
  affectedKeys: ({ pairs, pairMonths }) => {
    if (pairs === 'all' || pairMonths === 'all') return 'all';
    return new Set([...(pairs ?? []), ...(pairMonths ?? [])]);
  },
};

function aggregateMonths(rows: readonly PairWithMonths[], today: string): MonthlyAggregate[] {
  const pairs = rows.map((row) => row.pair);
  const { from, to } = reportMonths(pairs, today, PROGRAM_TREND_MONTHS);
  return programAggregates({ pairs, pairMonths: rows.flatMap((row) => (row.months ? [row.months] : [])), from, to });
}

/** The program's month-by-month figures, read once. */
export async function readProgramMonths(today: string): Promise<MonthlyAggregate[]> {
  return aggregateMonths([...(await programMonthsReader.readAll()).values()], today);
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
  return db.transaction('r', [db.pairs, db.people, db.monthLogs], async () => {
    const pairs = (await db.pairs.toArray()).filter((pair) => pair.deletedAt === null);
    const pairsById = new Map(pairs.map((pair) => [pair.id, pair]));
    const people = await partnersOf(pairs);
    // Sorted here rather than through a date index, which every saved check-in would have to keep
    // up to date for this one export: by date, then by id, the order such an index gives.
    const checkIns = (await readAllLogged(db)).checkIns.sort(byDateThenId);
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
