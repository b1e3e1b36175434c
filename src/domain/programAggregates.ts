import type { Pair } from './pair';
import type { Session } from './session';
import { sides, type Side } from './side';
import { ratedCharacteristicIds, type ScoredCheckIn } from './trend';

/** A calendar month, `YYYY-MM`. */
export type Month = string;

/** The program in one month. */
export interface MonthlyAggregate {
  month: Month;
  /** Pairs running at some point in the month: started by its end, and not ended before it began. */
  activePairs: number;
  sessionsHeld: number;
  /** Check-ins whose scores were shared with the program. */
  checkInsShared: number;
  /**
   * For each characteristic and side, the mean across pairs of each pair's mean score that month,
   * so a pair that checks in weekly counts as much as one that checks in monthly. Null when no pair
   * had a score for it that month.
   */
  means: Record<string, Record<Side, number | null>>;
}

export interface ProgramAggregateInput {
  pairs: readonly Pick<Pair, 'id' | 'startDate' | 'endDate' | 'deletedAt'>[];
  sessions: readonly Pick<Session, 'pairId' | 'date' | 'deletedAt'>[];
  /** Only check-ins whose scores were shared with the program: the caller decides what may be seen. */
  checkIns: readonly (ScoredCheckIn & { pairId: string })[];
  /** The first and last month to report, both included. */
  from: Month;
  to: Month;
}

/**
 * Month by month: active pairs, sessions held, check-ins shared and the mean of every characteristic
 * for each side. Records of deleted pairs, and deleted records, are left out. Every month in the
 * range gets a row, with zeros and nulls where nothing happened, so that a chart's time axis has no
 * holes. Characteristics a program added later appear in every month, null before they were rated.
 */
export function programAggregates(input: ProgramAggregateInput): MonthlyAggregate[] {
  const pairs = input.pairs.filter((pair) => !pair.deletedAt);
  const pairIds = new Set(pairs.map((pair) => pair.id));
  const sessions = input.sessions.filter((session) => !session.deletedAt && pairIds.has(session.pairId));
  const checkIns = input.checkIns.filter((checkIn) => !checkIn.deletedAt && pairIds.has(checkIn.pairId));
  const characteristicIds = ratedCharacteristicIds(checkIns);

  const sessionsByMonth = countBy(sessions, (session) => monthOf(session.date));
  const checkInsByMonth = groupBy(checkIns, (checkIn) => monthOf(checkIn.date));

  return monthsBetween(input.from, input.to).map((month) => {
    const first = `${month}-01`;
    const last = `${month}-31`;
    const monthCheckIns = checkInsByMonth.get(month) ?? [];
    return {
      month,
      activePairs: pairs.filter((pair) => pair.startDate <= last && (pair.endDate === null || pair.endDate >= first)).length,
      sessionsHeld: sessionsByMonth.get(month) ?? 0,
      checkInsShared: monthCheckIns.length,
      means: Object.fromEntries(
        characteristicIds.map((characteristicId) => [
          characteristicId,
          Object.fromEntries(sides.map((side) => [side, meanOfPairMeans(monthCheckIns, side, characteristicId)])) as Record<
            Side,
            number | null
          >,
        ]),
      ),
    };
  });
}

/** The month a `YYYY-MM-DD` day falls in. */
export function monthOf(day: string): Month {
  return day.slice(0, 7);
}

/** `months` months after (or, when negative, before) a month. */
export function addMonths(month: Month, months: number): Month {
  const [year = 0, monthNumber = 1] = month.split('-').map(Number);
  const index = year * 12 + (monthNumber - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included; empty when `from` is later. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const months: Month[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push(month);
  return months;
}

/**
 * The months the program report covers: the last `count` months up to today's, but none before the
 * earliest pair started, so a young program's chart is not mostly empty.
 */
export function reportMonths(
  pairs: readonly Pick<Pair, 'startDate' | 'deletedAt'>[],
  today: string,
  count: number,
): { from: Month; to: Month } {
  const to = monthOf(today);
  const earliest = addMonths(to, -(count - 1));
  const starts = pairs.filter((pair) => !pair.deletedAt).map((pair) => monthOf(pair.startDate));
  const firstStart = starts.reduce<Month | null>((min, month) => (min === null || month < min ? month : min), null);
  const from = firstStart !== null && firstStart > earliest ? firstStart : earliest;
  return { from: from > to ? to : from, to };
}

function meanOfPairMeans(
  checkIns: readonly (ScoredCheckIn & { pairId: string })[],
  side: Side,
  characteristicId: string,
): number | null {
  const byPair = new Map<string, number[]>();
  for (const checkIn of checkIns) {
    const score = checkIn.scores[characteristicId];
    if (checkIn.side !== side || score === undefined) continue;
    byPair.set(checkIn.pairId, [...(byPair.get(checkIn.pairId) ?? []), score]);
  }
  const pairMeans = [...byPair.values()].map(mean);
  return pairMeans.length === 0 ? null : mean(pairMeans);
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
