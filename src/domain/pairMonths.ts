import type { CheckIn } from './checkIn';
import { addMonths, monthOf, type Month } from './dates';
import type { Pair } from './pair';
import { scoresSharedWithProgram } from './programView';
import type { Session } from './session';
import type { Side } from './side';
import { PROGRAM_TREND_MONTHS } from './thresholds';

/*
 * Only type imports beyond programView and thresholds: the database layer builds these records on
 * every write, and must not pull the characteristics and zod in with them.
 */

/** A score total: adding totals is exact, so a pair's mean comes out the same however it was built. */
export type ScoreSum = [sum: number, count: number];

/** One pair in one month, as the program's trends count it. */
export interface MonthFigures {
  /** Live sessions held. */
  sessions: number;
  /** Live check-ins whose scores were shared with the program. */
  checkIns: number;
  /** Those check-ins' scores, by the side that gave them and by characteristic id. */
  sums: Record<Side, Record<string, ScoreSum>>;
}

/**
 * What the program's month-by-month trends need of one pair, kept up to date on every write that
 * touches the pair (src/db/pairDigests.ts), so that the dashboard reads one small record per pair
 * instead of a year of every pair's sessions and check-ins, and is not re-run by writes elsewhere.
 *
 * Like the pair digest it holds no text a partner wrote and only scores shared with the program.
 */
export interface PairMonths {
  pairId: string;
  /** The local day the record was written; `months` reaches back to `firstKeptMonth(writtenOn)`. */
  writtenOn: string;
  /** Only months with a session or a shared check-in in them; later months (dated ahead) included. */
  months: Record<Month, MonthFigures>;
}

/**
 * The oldest month a record written on `writtenOn` keeps: the first month of the longest report on
 * that day. A report on any later day starts no earlier, so a record left unwritten for months (a
 * pair nobody touched) still holds every month that report needs.
 */
export function firstKeptMonth(writtenOn: string): Month {
  return addMonths(monthOf(writtenOn), -(PROGRAM_TREND_MONTHS - 1));
}

/** The first day of `firstKeptMonth`: where reading a pair's records for the record starts. */
export function pairMonthsFrom(writtenOn: string): string {
  return `${firstKeptMonth(writtenOn)}-01`;
}

/**
 * Builds a pair's monthly figures from its records. Deleted records, check-ins whose scores were
 * not shared with the program and months before `firstKeptMonth(writtenOn)` are left out, so the
 * caller may give more records than needed.
 */
export function buildPairMonths(input: {
  pair: Pick<Pair, 'id' | 'mentorId' | 'menteeId'>;
  writtenOn: string;
  sessions: readonly Pick<Session, 'date' | 'deletedAt'>[];
  checkIns: readonly CheckIn[];
}): PairMonths {
  const first = firstKeptMonth(input.writtenOn);
  const months: Record<Month, MonthFigures> = {};
  const figuresOf = (day: string): MonthFigures | null => {
    const month = monthOf(day);
    if (month < first) return null;
    const figures = months[month] ?? { sessions: 0, checkIns: 0, sums: { mentor: {}, mentee: {} } };
    months[month] = figures;
    return figures;
  };
  for (const session of input.sessions) {
    if (session.deletedAt) continue;
    const figures = figuresOf(session.date);
    if (figures) figures.sessions += 1;
  }
  for (const checkIn of input.checkIns) {
    if (checkIn.deletedAt || !scoresSharedWithProgram(checkIn, input.pair)) continue;
    const figures = figuresOf(checkIn.date);
    if (!figures) continue;
    figures.checkIns += 1;
    const sums = figures.sums[checkIn.side];
    for (const [characteristicId, score] of Object.entries(checkIn.scores)) {
      const [sum, count] = sums[characteristicId] ?? [0, 0];
      sums[characteristicId] = [sum + score, count + 1];
    }
  }
  return { pairId: input.pair.id, writtenOn: input.writtenOn, months };
}
